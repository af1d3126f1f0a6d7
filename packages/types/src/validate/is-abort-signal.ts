import { readField } from './checks.js';

/** Whether `value` behaves as an AbortSignal (any realm); a getter that throws is a ValidationError('signal'). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof value !== 'object' || value === null) return false;
  return (
    typeof readField(value, 'aborted', 'signal') === 'boolean' &&
    typeof readField(value, 'addEventListener', 'signal') === 'function' &&
    typeof readField(value, 'removeEventListener', 'signal') === 'function'
  );
}
