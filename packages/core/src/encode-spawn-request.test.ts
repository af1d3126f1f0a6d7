import { describe, expect, it } from 'vitest';
import { ValidationError } from '@netrunner/types';
import { encodeSpawnRequest, NR_MAX_FRAME, type SpawnRequest } from './encode-spawn-request.js';
import { wireBytes } from './wire-bytes.test-util.js';

const base: SpawnRequest = {
  pty: false, stderrMode: 0, envMode: 2, killTimeoutMs: 5000, rows: 0, cols: 0,
  argv: ['echo', 'hi'], env: ['A=1'], cwd: null, cgroup: null,
  memoryMax: -1, pidsMax: -1, cpuQuotaUs: -1, cpuPeriodUs: -1,
};

// The expected body, field by field, as netrunner.h lists them.
const expected = wireBytes;

describe('encodeSpawnRequest', () => {
  it('appends each extension as tag, zero pad, length and bytes', () => {
    const body = encodeSpawnRequest({
      ...base,
      extensions: [{ tag: 2, bytes: new TextEncoder().encode('nm') }, { tag: 1, bytes: new Uint8Array(0) }],
    });
    expect(body).toEqual(new Uint8Array([
      ...encodeSpawnRequest(base),
      2, 0, 0, 0, 2, 0, 0, 0, 0x6e, 0x6d,
      1, 0, 0, 0, 0, 0, 0, 0,
    ]));
  });
  it('lays out every field in the order of netrunner.h', () => {
    expect(encodeSpawnRequest(base)).toEqual(expected([
      ['u32', 0], ['u32', 0], ['u32', 2], ['u32', 5000], ['u16', 0], ['u16', 0],
      ['u32', 2], ['str', 'echo'], ['str', 'hi'],
      ['u32', 1], ['str', 'A=1'],
      ['str', ''], ['str', ''],
      ['i64', -1], ['i64', -1], ['i64', -1], ['i64', -1],
    ]));
  });
  it('encodes the PTY flag, window size, cwd, cgroup, limits and UTF-8', () => {
    const body = encodeSpawnRequest({
      ...base, pty: true, stderrMode: 1, rows: 40, cols: 120, argv: ['é'], env: [], cwd: '/tmp', cgroup: 'jobs/1',
      memoryMax: 2 ** 40, pidsMax: 10, cpuQuotaUs: 50_000, cpuPeriodUs: 100_000,
    });
    expect(body).toEqual(expected([
      ['u32', 1], ['u32', 1], ['u32', 2], ['u32', 5000], ['u16', 40], ['u16', 120],
      ['u32', 1], ['str', 'é'], ['u32', 0], ['str', '/tmp'], ['str', 'jobs/1'],
      ['i64', 2 ** 40], ['i64', 10], ['i64', 50_000], ['i64', 100_000],
    ]));
  });
  it('encodes a one-character program with nothing else (the header is 20 bytes)', () => {
    for (const argv of [['w'], ['w', ''], ['ab']]) {
      const body = encodeSpawnRequest({ ...base, argv, env: [] });
      expect(body).toEqual(expected([
        ['u32', 0], ['u32', 0], ['u32', 2], ['u32', 5000], ['u16', 0], ['u16', 0],
        ['u32', argv.length], ...argv.map((a): ['str', string] => ['str', a]), ['u32', 0], ['str', ''], ['str', ''],
        ['i64', -1], ['i64', -1], ['i64', -1], ['i64', -1],
      ]));
    }
  });
  it('encodes a request of exactly NR_MAX_FRAME bytes, and refuses one byte more as a ValidationError on argv', () => {
    // 20 header + 4 argc + (4+1) 'w' + (4+n) + 4 envc + 4 cwd + 4 cgroup + 32 limits = 77 + n.
    const fill = (n: number, ch = 'x') => ({ ...base, argv: ['w', ch.repeat(n)], env: [] });
    expect(encodeSpawnRequest(fill(NR_MAX_FRAME - 77)).length).toBe(NR_MAX_FRAME);
    expect(encodeSpawnRequest(fill(NR_MAX_FRAME - 78)).length).toBe(NR_MAX_FRAME - 1);
    // One byte over; far over (refused before encoding); over only once '€' takes 3 bytes.
    for (const req of [fill(NR_MAX_FRAME - 76), fill(NR_MAX_FRAME), fill((NR_MAX_FRAME - 77) / 3 + 1, '€')]) {
      let error: unknown;
      try {
        encodeSpawnRequest(req);
      } catch (e) {
        error = e;
      }
      expect(ValidationError.isInstance(error) ? error.field : error).toBe('argv');
      expect((error as Error).message).toMatch(/at most 8388608 bytes \(8 MiB\).*got a request of (at least )?\d+ bytes$/);
    }
  });
});
