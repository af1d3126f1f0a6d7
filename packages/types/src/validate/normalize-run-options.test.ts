import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { DEFAULT_MAX_OUTPUT_SIZE, normalizeRunOptions } from './normalize-run-options.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return ValidationError.isInstance(e) ? e.field : `not a ValidationError: ${String(e)}`;
  }
  return undefined;
}

describe('run options', () => {
  it('fills in the defaults', () => {
    const o = normalizeRunOptions(['ls']);
    expect(o).toMatchObject({
      argv: ['ls'], stdin: { kind: 'pipe' }, stdout: { kind: 'pipe' }, stderr: { kind: 'pipe' }, pty: null, killTimeout: 5000, cgroup: null,
      cwd: null, extendEnv: true, timeout: 0, maxOutputSize: DEFAULT_MAX_OUTPUT_SIZE, encoding: 'utf8', reject: false,
      stripFinalNewline: false, lines: false, all: false, shell: null, preferLocal: false, verbose: false,
    });
  });
  it('uses one message template', () => {
    expect(() => normalizeRunOptions(['ls'], { timeout: -1 })).toThrow('Expected `timeout` to be a non-negative integer, got -1');
    expect(() => normalizeRunOptions([])).toThrow('Expected `argv` to be a non-empty array of strings, got []');
  });
  it('names the field of every bad value', () => {
    const cases: Array<[unknown, unknown, string]> = [
      [[], {}, 'argv'],
      ['ls', {}, 'argv'],
      [[''], {}, 'argv[0]'],
      [['a\0'], {}, 'argv[0]'],
      [['ls', 1], {}, 'argv[1]'],
      [['ls'], { timeout: 1.5 }, 'timeout'],
      [['ls'], { maxOutputSize: -1 }, 'maxOutputSize'],
      [['ls'], { killTimeout: '5' }, 'killTimeout'],
      [['ls'], { stderr: 'x' }, 'stderr'],
      [['ls'], { encoding: 'latin1' }, 'encoding'],
      [['ls'], { cwd: '' }, 'cwd'],
      [['ls'], { env: { 'A=B': '1' } }, 'env'],
      [['ls'], { env: { A: 1 } }, 'env.A'],
      [['ls'], { extendEnv: 'yes' }, 'extendEnv'],
      [['ls'], { input: 42 }, 'input'],
      [['ls'], { signal: {} }, 'signal'],
      [['ls'], { pty: { rows: 0 } }, 'pty.rows'],
      [['ls'], { cgroup: '/abs' }, 'cgroup.path'],
      [['ls'], { cgroup: 'a/../b' }, 'cgroup.path'],
      [['ls'], { cgroup: { path: 'a', memoryMax: -2 } }, 'cgroup.memoryMax'],
      [['ls'], { cgroup: { path: 'a', memoryMax: 0 } }, 'cgroup.memoryMax'],
      [['ls'], { cgroup: 'a b' }, 'cgroup.path'],
      [['ls'], { cgroup: 'a//b' }, 'cgroup.path'],
      [['ls'], { cgroup: 'a/' }, 'cgroup.path'],
      [['ls'], { cgroup: 'x'.repeat(256) }, 'cgroup.path'],
      [['ls'], { cgroup: { path: '..' } }, 'cgroup.path'],
      [['ls'], { cgroup: { path: 'a', cpuMax: { quotaUs: 0 } } }, 'cgroup.cpuMax.quotaUs'],
      [['ls'], { cgroup: { path: 'a', cpuMax: 0 } }, 'cgroup.cpuMax'],
      [['ls'], null, 'options'],
    ];
    for (const [argv, options, field] of cases) expect(fieldOf(() => normalizeRunOptions(argv, options))).toBe(field);
  });
  it('rejects delays a timer or the wire cannot hold (2^31 ms and more), naming the range', () => {
    for (const field of ['timeout', 'killTimeout']) {
      for (const ms of [2 ** 31, 2 ** 32, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
        expect(fieldOf(() => normalizeRunOptions(['ls'], { [field]: ms }))).toBe(field);
      }
      expect(() => normalizeRunOptions(['ls'], { [field]: 2 ** 31 })).toThrow(
        `Expected \`${field}\` to be a number of milliseconds from 0 to 2147483647 (about 24.8 days, the longest a timer holds), got 2147483648`,
      );
      expect(normalizeRunOptions(['ls'], { [field]: 2 ** 31 - 1 })[field as 'timeout']).toBe(2 ** 31 - 1);
    }
  });
  it('names argv for a Proxy whose length no array can have (not a RangeError)', () => {
    for (const length of [-1, 1.5, NaN, 2 ** 32, Infinity, '1']) {
      const argv = new Proxy(['ls'], { get: (t, k) => (k === 'length' ? length : Reflect.get(t, k)) });
      expect(fieldOf(() => normalizeRunOptions(argv))).toBe('argv');
    }
  });
  it('rejects lone surrogates, which UTF-8 cannot carry (they would reach the child as U+FFFD)', () => {
    expect(fieldOf(() => normalizeRunOptions(['echo', 'a\uD800b']))).toBe('argv[1]');
    expect(fieldOf(() => normalizeRunOptions(['echo'], { cwd: '/tmp/\uDC00' }))).toBe('cwd');
    expect(fieldOf(() => normalizeRunOptions(['echo'], { env: { A: '\uD800' } }))).toBe('env.A');
    expect(fieldOf(() => normalizeRunOptions(['echo'], { env: { ['K\uDC00']: '1' } }))).toBe('env');
    expect(normalizeRunOptions(['echo', '\uD83D\uDE00'], { env: { ['\uD83D\uDE00']: '\uD83D\uDE00' } }).argv[1]).toBe('\uD83D\uDE00');
  });
  it('names the first hole of a sparse argv', () => {
    expect(fieldOf(() => normalizeRunOptions(new Array(3)))).toBe('argv[0]');
    expect(fieldOf(() => normalizeRunOptions(['ls', , 'x']))).toBe('argv[1]'); // eslint-disable-line no-sparse-arrays
  });
  it('checks array input item by item and needs a callable iterator', () => {
    expect(() => normalizeRunOptions(['cat'], { input: [1, 2] })).toThrow(
      'Expected `input` to be chunks that are strings or Uint8Arrays, got 1',
    );
    expect(fieldOf(() => normalizeRunOptions(['cat'], { input: ['a', , 'b'] }))).toBe('input'); // eslint-disable-line no-sparse-arrays
    expect(fieldOf(() => normalizeRunOptions(['cat'], { input: { [Symbol.iterator]: 5 } }))).toBe('input');
    expect(fieldOf(() => normalizeRunOptions(['cat'], { input: { [Symbol.asyncIterator]: 'x' } }))).toBe('input');
    expect(fieldOf(() => normalizeRunOptions(['cat'], { input: new Uint16Array([1]) }))).toBe('input');
    const input = ['a', new Uint8Array([98])];
    const checked = normalizeRunOptions(['cat'], { input }).input;
    expect(checked).toEqual(input);
    expect(checked).not.toBe(input); // a copy: changing the array later cannot bypass the check
  });
  it('names the field whose getter throws, keeping the error as the cause', () => {
    const boom = new Error('boom');
    const throwing = (key: string) => Object.defineProperty({}, key, { get: () => { throw boom; }, enumerable: true });
    for (const key of ['cwd', 'env', 'timeout', 'killTimeout', 'stderr', 'pty', 'cgroup', 'signal', 'encoding', 'input', 'extendEnv']) {
      let error: unknown;
      try {
        normalizeRunOptions(['ls'], throwing(key));
      } catch (e) {
        error = e;
      }
      expect(ValidationError.isInstance(error) ? [error.field, error.message, error.cause] : error).toEqual([
        key, `Expected \`${key}\` to be a readable value, got a getter that threw (Error: boom)`, boom,
      ]);
    }
    expect(fieldOf(() => normalizeRunOptions(['ls'], { env: throwing('PATH') }))).toBe('env.PATH');
    expect(fieldOf(() => normalizeRunOptions(['ls'], { pty: throwing('rows') }))).toBe('pty.rows');
    expect(fieldOf(() => normalizeRunOptions(['ls'], { cgroup: throwing('path') }))).toBe('cgroup.path');
    expect(fieldOf(() => normalizeRunOptions(['ls'], { signal: throwing('aborted') }))).toBe('signal');
    expect(fieldOf(() => normalizeRunOptions(['ls'], { input: Object.defineProperty({}, Symbol.iterator, { get: () => { throw boom; } }) }))).toBe('input');
    const argv = ['ls'];
    Object.defineProperty(argv, 0, { get: () => { throw boom; } });
    expect(fieldOf(() => normalizeRunOptions(argv))).toBe('argv[0]');
  });
  it('names the option of a Proxy that throws or is revoked', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(fieldOf(() => normalizeRunOptions(['ls'], proxy))).toBe('options');
    expect(fieldOf(() => normalizeRunOptions(proxy))).toBe('argv');
    expect(fieldOf(() => normalizeRunOptions(['ls'], { env: proxy }))).toBe('env');
    const keysThrow = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(fieldOf(() => normalizeRunOptions(['ls'], { env: keysThrow }))).toBe('env');
  });
  it('keeps an env variable named __proto__', () => {
    const env = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    expect(Object.entries(normalizeRunOptions(['ls'], { env }).env)).toEqual([['__proto__', 'x']]);
  });
  it('bounds cpuMax so the quota stays an exact integer on the wire', () => {
    expect(fieldOf(() => normalizeRunOptions(['ls'], { cgroup: { path: 'a', cpuMax: 1e300 } }))).toBe('cgroup.cpuMax');
  });
  it('turns cgroup limits into wire values', () => {
    expect(normalizeRunOptions(['ls'], { cgroup: { path: 'jobs/1', memoryMax: 1 << 20, pidsMax: 10, cpuMax: 0.5 } }).cgroup).toEqual({
      path: 'jobs/1', memoryMax: 1 << 20, pidsMax: 10, cpuQuotaUs: 50_000, cpuPeriodUs: 100_000,
    });
  });
});
