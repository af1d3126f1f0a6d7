import { ValidationError } from '../errors/validation-error.js';
import { cleanString } from './checks.js';

/**
 * Check argv: a non-empty array of strings without NUL bytes, argv[0]
 * non-empty. Returns a copy.
 *
 * @example
 * validateArgv(['echo', 'hi']); // ['echo', 'hi']
 * validateArgv([]);             // throws ValidationError (field 'argv')
 */
export function validateArgv(argv: unknown): string[] {
  if (!Array.isArray(argv) || argv.length === 0) {
    throw new ValidationError('argv', 'a non-empty array of strings', argv);
  }
  return argv.map((arg, i) => cleanString(arg, `argv[${i}]`, i === 0));
}
