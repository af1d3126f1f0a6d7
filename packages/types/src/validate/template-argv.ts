import { ValidationError } from '../errors/validation-error.js';
import { cleanString } from './checks.js';

/** What a `$` template may interpolate: one argument, or several from an array. */
export type TemplateValue = string | number | readonly (string | number)[];

const SPACE = /[ \t\n\r]/;

/** The interpolated value at `index` as the strings it stands for. */
function pieces(value: unknown, index: number): string[] {
  const field = `values[${index}]`;
  const one = (v: unknown, f: string): string => {
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') return cleanString(v, f);
    throw new ValidationError(f, 'a string, a number or an array of them', v);
  };
  if (!Array.isArray(value)) return [one(value, field)];
  return value.map((v, i) => one(v, `${field}[${i}]`));
}

/**
 * argv from a tagged template: the literal text is split on whitespace; each
 * interpolated value is exactly one argument (never split, never parsed by a
 * shell), joined to literal text it touches (`--format=${fmt}`); an array is
 * one argument per element. Throws ValidationError for a value that is not
 * a string, number or array of them, or that holds a NUL byte.
 *
 * @example
 * templateArgv`git log -n ${3} --format=${'%h %s'}`; // ['git', 'log', '-n', '3', '--format=%h %s']
 */
export function templateArgv(strings: TemplateStringsArray, ...values: readonly unknown[]): string[] {
  const argv: string[] = [];
  let current: string | null = null;
  strings.forEach((text, i) => {
    if (text === undefined) {
      throw new ValidationError(`template text ${i}`, 'text without invalid escapes', strings.raw[i]);
    }
    for (const ch of text) {
      if (!SPACE.test(ch)) current = (current ?? '') + ch;
      else if (current !== null) {
        argv.push(current);
        current = null;
      }
    }
    if (i >= values.length) return;
    pieces(values[i], i).forEach((piece, k) => {
      if (k > 0) argv.push(current!);
      current = (k === 0 ? (current ?? '') : '') + piece;
    });
  });
  if (current !== null) argv.push(current);
  return argv;
}
