import { ValidationError } from '../errors/validation-error.js';

/** Check a `signal` option: an AbortSignal (from any realm), or undefined. */
export function abortSignal(value: unknown): AbortSignal | undefined {
  if (value === undefined) return undefined;
  const looksLikeSignal =
    typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function';
  if (!looksLikeSignal) throw new ValidationError('signal', 'an AbortSignal', value);
  return value as AbortSignal;
}
