import { ValidationError } from '../errors/validation-error.js';
import { cleanString, readField } from './checks.js';

function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

/**
 * Check argv: a non-empty array of strings without NUL bytes or lone surrogates, argv[0]
 * non-empty. Every index is checked, holes of a sparse array included.
 * Returns a copy.
 *
 * @example
 * validateArgv(['echo', 'hi']); // ['echo', 'hi']
 * validateArgv([]);             // throws ValidationError (field 'argv')
 * validateArgv(new Array(3));   // throws ValidationError (field 'argv[0]')
 * validateArgv([''], 'pipeline[1]'); // throws ValidationError (field 'pipeline[1][0]')
 */
export function validateArgv(argv: unknown, name = 'argv'): string[] {
  const length = isArray(argv) ? readField(argv, 'length', name) : 0;
  // A Proxy can report any length; only an array's own (1..2^32-1) is taken.
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 2 ** 32 - 1) {
    throw new ValidationError(name, 'a non-empty array of strings', argv);
  }
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    const field = `${name}[${i}]`;
    out[i] = cleanString(readField(argv as unknown[], i, field), field, i === 0);
  }
  return out;
}
