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
    expect(new SpawnError(['x'], 2, 'ENOENT', 'resolve').message).toBe('Cannot spawn `x`: ENOENT at stage resolve');
  });
});
