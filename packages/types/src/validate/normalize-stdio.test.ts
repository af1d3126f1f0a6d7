import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { normalizeRunOptions } from './normalize-run-options.js';
import { normalizeSpawnOptions } from './normalize-spawn-options.js';

function errorOf(fn: () => unknown): [string, string] | string {
  try {
    fn();
  } catch (e) {
    return ValidationError.isInstance(e) ? [e.field, e.message] : `not a ValidationError: ${String(e)}`;
  }
  return 'no error';
}

describe('stdio options', () => {
  it('maps every mode, and the earlier stderr names onto the new ones', () => {
    const o = normalizeSpawnOptions(['ls'], { stdin: { file: 'in.txt' }, stdout: { file: '/tmp/o', append: true }, stderr: 'redirect' });
    expect([o.stdin, o.stdout, o.stderr]).toEqual([
      { kind: 'file', path: 'in.txt', append: false },
      { kind: 'file', path: '/tmp/o', append: true },
      { kind: 'stdout' },
    ]);
    const names: Array<[string, string]> = [['consume', 'pipe'], ['disabled', 'ignore'], ['stdout', 'stdout'], ['inherit', 'inherit']];
    for (const [given, kind] of names) expect(normalizeSpawnOptions(['ls'], { stderr: given }).stderr).toEqual({ kind });
    expect(normalizeSpawnOptions(['ls'], { stdout: { fd: 0 } }).stdout).toEqual({ kind: 'fd', fd: 0 });
  });
  it('names the field of every bad value', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ stdin: 'stdout' }, 'stdin'],
      [{ stdout: 'stdout' }, 'stdout'],
      [{ stdout: 'consume' }, 'stdout'],
      [{ stdin: 'toString' }, 'stdin'],
      [{ stderr: 'constructor' }, 'stderr'],
      [{ stdout: 1 }, 'stdout'],
      [{ stdout: null }, 'stdout'],
      [{ stdout: {} }, 'stdout'],
      [{ stdout: { file: 'a', fd: 1 } }, 'stdout'],
      [{ stdout: { file: '' } }, 'stdout.file'],
      [{ stdout: { file: 'a\0b' } }, 'stdout.file'],
      [{ stdout: { file: 'a', append: 'yes' } }, 'stdout.append'],
      [{ stdin: { file: 'a', append: true } }, 'stdin.append'],
      [{ stderr: { fd: 3, append: true } }, 'stderr.append'],
      [{ stdout: { fd: -1 } }, 'stdout.fd'],
      [{ stdout: { fd: 1.5 } }, 'stdout.fd'],
      [{ stdin: { fd: '0' } }, 'stdin.fd'],
      [{ stderr: { fd: 2 ** 31 } }, 'stderr.fd'],
      [{ pty: true, stdout: 'inherit' }, 'stdout'],
      [{ pty: true, stdin: { fd: 0 } }, 'stdin'],
      [{ pty: true, stderr: 'ignore' }, 'stderr'],
    ];
    for (const [options, field] of cases) expect(errorOf(() => normalizeSpawnOptions(['ls'], options))[0]).toBe(field);
  });
  it('says what it expected in words', () => {
    expect(errorOf(() => normalizeSpawnOptions(['ls'], { stderr: 'nope' }))).toEqual([
      'stderr',
      "Expected `stderr` to be one of 'pipe', 'inherit', 'ignore', 'stdout', { file, append? } or { fd }, got \"nope\"",
    ]);
    expect(errorOf(() => normalizeSpawnOptions(['ls'], { pty: true, stdout: { file: 'x' } }))).toEqual([
      'stdout',
      "Expected `stdout` to be 'pipe' (or absent) with `pty`: the terminal is the child's stdin, stdout and stderr, got a file (\"x\")",
    ]);
  });
  it('keeps a PTY with the stderr values it accepted before, and their new names', () => {
    for (const stderr of ['pipe', 'stdout', 'consume', 'redirect', 'disabled']) expect(() => normalizeSpawnOptions(['ls'], { pty: true, stderr })).not.toThrow();
  });
  it('refuses input for a stdin that is not piped, naming both fields', () => {
    for (const stdin of ['inherit', 'ignore', { file: 'a' }, { fd: 0 }]) {
      const [field, message] = errorOf(() => normalizeRunOptions(['cat'], { stdin, input: 'x' }));
      expect(field).toBe('input');
      expect(message).toContain('`stdin`');
    }
    expect(normalizeRunOptions(['cat'], { stdin: 'pipe', input: 'x' }).input).toBe('x');
  });
});
