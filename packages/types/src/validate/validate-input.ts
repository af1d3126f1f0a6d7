import { ValidationError } from '../errors/validation-error.js';
import type { InputSource } from '../options.js';
import { readField } from './checks.js';

const EXPECTED = 'a string, a Uint8Array or an (async) iterable of them';
/** The same words to-chunks uses for a bad chunk found while feeding. */
export const INPUT_CHUNK_EXPECTED = 'chunks that are strings or Uint8Arrays';

function isChunk(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/**
 * Check the `input` option before anything is spawned. Strings, Uint8Arrays
 * and arrays are checked through (an array is copied, so it cannot change
 * after the check); any other iterable must at least have a callable
 * Symbol.iterator / Symbol.asyncIterator, and its chunks are checked while
 * they are fed.
 *
 * @example
 * validateInput(['a', new Uint8Array([98])]); // a copy of the array
 * validateInput([1, 2]);                      // throws ValidationError (field 'input')
 */
export function validateInput(value: unknown): InputSource | undefined {
  if (value === undefined || isChunk(value)) return value as InputSource | undefined;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) {
    throw new ValidationError('input', EXPECTED, value);
  }
  if (typeof readField(value, Symbol.asyncIterator, 'input') === 'function') return value as InputSource;
  if (typeof readField(value, Symbol.iterator, 'input') !== 'function') throw new ValidationError('input', EXPECTED, value);
  if (!Array.isArray(value)) return value as InputSource;
  const copy = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) {
    const chunk = readField(value, i, 'input');
    if (!isChunk(chunk)) throw new ValidationError('input', INPUT_CHUNK_EXPECTED, chunk);
    copy[i] = chunk;
  }
  return copy as InputSource;
}
