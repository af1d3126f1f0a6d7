import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { templateArgv } from './template-argv.js';

describe('templateArgv', () => {
  it('splits literal text on whitespace and keeps each value one argument', () => {
    const n = 3;
    const fmt = '%h %s';
    expect(templateArgv`git log -n ${n} --format=${fmt}`).toEqual(['git', 'log', '-n', '3', '--format=%h %s']);
    expect(templateArgv`  echo\t\n${'a b'}  `).toEqual(['echo', 'a b']);
    expect(templateArgv`echo ${''} x`).toEqual(['echo', '', 'x']);
    expect(templateArgv`echo ${'a'}${'b'}`).toEqual(['echo', 'ab']);
  });
  it('makes an array several arguments, the first and last joined to touching text', () => {
    expect(templateArgv`ls ${['-l', '-a']} /`).toEqual(['ls', '-l', '-a', '/']);
    expect(templateArgv`x pre${['a', 'b']}post`).toEqual(['x', 'prea', 'bpost']);
    expect(templateArgv`x ${[]} y`).toEqual(['x', 'y']);
  });
  it('passes hostile values through as plain text', () => {
    const hostile = ['; rm -rf /', '$(touch /tmp/x)', '`id`', `'"`, 'a\nb', '*', '$HOME'];
    for (const h of hostile) expect(templateArgv`echo ${h}`).toEqual(['echo', h]);
  });
  it('rejects NUL and values that are not strings, numbers or arrays of them', () => {
    const fieldOf = (fn: () => unknown): string => {
      try {
        fn();
        return 'no error';
      } catch (e) {
        return ValidationError.isInstance(e) ? e.message : String(e);
      }
    };
    expect(fieldOf(() => templateArgv`echo ${'a\0b'}`)).toBe(
      'Expected `values[0]` to be a string without NUL bytes or lone surrogates, got "a\\u0000b"',
    );
    expect(fieldOf(() => templateArgv`echo ${'x'} ${undefined as never}`)).toBe(
      'Expected `values[1]` to be a string, a number or an array of them, got undefined',
    );
    expect(fieldOf(() => templateArgv`echo ${['a', {}] as never}`)).toBe(
      'Expected `values[0][1]` to be a string, a number or an array of them, got an object',
    );
  });
});
