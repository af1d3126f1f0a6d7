import { describe, expect, it } from 'vitest';
import { normalizeSandbox, ValidationError } from '@netrunner/types';
import { NR_EXT_SANDBOX } from './encode-spawn-request.js';
import { sandboxRequest } from './sandbox-request.js';
import { wireBytes } from './wire-bytes.test-util.js';

// The expected bytes, field by field as netrunner.h lists NR_EXT_SANDBOX.
const bytes = wireBytes;

describe('sandboxRequest', () => {
  it('encodes flags, limits, ids, groups, paths and an empty tmp exactly', () => {
    const sb = normalizeSandbox({ read: ['/data'], exec: ['/opt/é'], network: 'allow', limits: { openFiles: 64, cpuSeconds: 2 }, user: 1000, groups: [5, 6], bestEffort: true });
    const { extension, env } = sandboxRequest(sb, ['PATH=/bin', 'SECRET=1'], {});
    expect(extension.tag).toBe(NR_EXT_SANDBOX);
    expect(env).toEqual(['PATH=/bin', 'SECRET=1']);
    expect(extension.bytes).toEqual(bytes([
      ['u32', 1 | 4 | 8], // FS, BEST_EFFORT, IDS
      ['i64', 64], ['i64', -1], ['i64', 2], ['i64', -1],
      ['u32', 1000], ['u32', 1000], ['u32', 2], ['u32', 5], ['u32', 6],
      ['u32', 2], ['u32', 1], ['str', '/data'], ['u32', 4], ['str', '/opt/é'],
      ['str', ''],
    ]));
  });

  it('the workspace preset: system dirs and the /etc files that exist (not /etc itself), the workspace, a fresh TMPDIR', () => {
    const sb = normalizeSandbox({ preset: 'workspace', workspace: '/ws' });
    const present = new Set(['/usr', '/etc', '/etc/passwd', '/etc/shadow', '/dev/null', '/ws']);
    const { extension, env } = sandboxRequest(sb, ['PATH=/bin', 'TMPDIR=/host-tmp'], {}, (p) => present.has(p));
    const tmp = env.find((e) => e.startsWith('TMPDIR='))!.slice(7);
    expect(tmp).toMatch(/^\/tmp\/netrunner-sandbox-[0-9a-f]{24}$/);
    expect(env).toEqual(['PATH=/bin', `TMPDIR=${tmp}`]);
    expect(extension.bytes).toEqual(bytes([
      ['u32', 1 | 2 | 16], // FS, NO_NETWORK, PRIVATE_TMP
      ['i64', -1], ['i64', -1], ['i64', -1], ['i64', -1],
      ['u32', 0], ['u32', 0], ['u32', 0],
      ['u32', 4], ['u32', 4], ['str', '/usr'], ['u32', 1], ['str', '/etc/passwd'], ['u32', 2], ['str', '/dev/null'], ['u32', 2], ['str', '/ws'],
      ['str', tmp],
    ]));
    expect(sandboxRequest(sb, [], {}).env[0]).not.toBe(`TMPDIR=${tmp}`); // a new name each spawn
  });

  it('envAllow keeps PATH, the allowed names and the call\'s own env', () => {
    const sb = normalizeSandbox({ envAllow: ['LANG'] });
    const { env } = sandboxRequest(sb, ['PATH=/bin', 'LANG=C', 'AWS_SECRET=x', 'OWN=1', 'A=b=c'], { OWN: '1' });
    expect(env).toEqual(['PATH=/bin', 'LANG=C', 'OWN=1']);
  });

  it('a missing path is a ValidationError naming its field', () => {
    const sb = normalizeSandbox({ read: ['/here'], write: ['/gone'] });
    const e = (() => {
      try {
        sandboxRequest(sb, [], {}, (p) => p === '/here');
      } catch (err) {
        return err;
      }
    })();
    expect(ValidationError.isInstance(e) && [e.field, e.message]).toEqual(['sandbox.write[0]', 'Expected `sandbox.write[0]` to be an existing path, got "/gone"']);
  });
});
