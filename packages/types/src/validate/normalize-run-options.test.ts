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
      argv: ['ls'], stderr: 'consume', pty: null, killTimeout: 5000, cgroup: null, cwd: null,
      extendEnv: true, timeout: 0, maxOutputSize: DEFAULT_MAX_OUTPUT_SIZE, encoding: 'utf8', allowNonZeroExit: false,
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
  it('turns cgroup limits into wire values', () => {
    expect(normalizeRunOptions(['ls'], { cgroup: { path: 'jobs/1', memoryMax: 1 << 20, pidsMax: 10, cpuMax: 0.5 } }).cgroup).toEqual({
      path: 'jobs/1', memoryMax: 1 << 20, pidsMax: 10, cpuQuotaUs: 50_000, cpuPeriodUs: 100_000,
    });
  });
});
