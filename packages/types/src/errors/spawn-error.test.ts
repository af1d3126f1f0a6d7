import { describe, expect, it } from 'vitest';
import { SpawnError } from './spawn-error.js';

describe('SpawnError at stage cgroup', () => {
  it('says cgroups are unavailable when no hierarchy is mounted (ENOENT)', () => {
    const e = new SpawnError(['true'], 2, 'ENOENT', 'cgroup');
    expect(e.field).toBe('cgroup');
    expect(e.code).toBe('ENOENT');
    expect(e.message).toMatch(/cgroups are unavailable on this platform/);
  });
  it('says a limit cannot be enforced (EOPNOTSUPP), never that it was ignored', () => {
    const e = new SpawnError(['true'], 95, 'EOPNOTSUPP', 'cgroup');
    expect(e.message).toMatch(/cannot be enforced/);
  });
  it('says an existing cgroup is never adopted (EEXIST)', () => {
    expect(new SpawnError(['true'], 17, 'EEXIST', 'cgroup').message).toMatch(/already exists/);
  });
  it('adds no cgroup wording to other stages', () => {
    expect(new SpawnError(['x'], 2, 'ENOENT', 'resolve').message).toBe(
      'Cannot spawn `x`: ENOENT (no such file or directory) at stage resolve, looking up the program (`argv[0]`)',
    );
  });
});

describe('SpawnError message', () => {
  it("says what the errno means, whatever its sign, and what was being done", () => {
    expect(new SpawnError(['x'], -24, 'EMFILE', 'resource').message).toBe(
      'Cannot spawn `x`: EMFILE (too many open files) at stage resource, creating the pipes, terminal or process',
    );
    expect(new SpawnError(['x'], 71, 'E71', 'host').message).toMatch(/E71 \(protocol error\) at stage host, talking to the shepherd/);
    expect(new SpawnError(['x'], 13, 'EACCES', 'cwd').message).toMatch(/\(permission denied\).*\(`cwd`\)/);
  });
});

describe('SpawnError at stage sandbox', () => {
  it('names what the kernel lacks, and the way out', () => {
    const noLandlock = new SpawnError(['make'], 95, 'EOPNOTSUPP', 'sandbox');
    expect([noLandlock.field, noLandlock.stage]).toEqual(['sandbox', 'sandbox']);
    expect(noLandlock.message).toMatch(/at stage sandbox, confining the child \(`sandbox`\): this kernel has no Landlock .*`sandbox.bestEffort: true`/);
    expect(new SpawnError(['make'], 93, 'EPROTONOSUPPORT', 'sandbox').message).toMatch(/Landlock ABI is below 6/);
    expect(new SpawnError(['make'], 38, 'ENOSYS', 'sandbox').message).toMatch(/no seccomp filters/);
    expect(new SpawnError(['make'], 1, 'EPERM', 'sandbox').message).toMatch(/`user`\/`group` needs root/);
  });
});
