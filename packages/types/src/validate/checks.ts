import { ValidationError } from '../errors/validation-error.js';

// Small assertion helpers; each throws a ValidationError naming `field`.

/** The longest delay a JavaScript timer holds (2^31-1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A non-negative safe integer. */
export function nonNegativeInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(field, 'a non-negative integer', value);
  }
  return value;
}

/**
 * A delay in whole milliseconds that timers and the wire's u32 both hold:
 * 0 to 2^31-1.
 *
 * @example
 * milliseconds(2 ** 31, 'timeout'); // throws: "... from 0 to 2147483647 (about 24.8 days) ..."
 */
export function milliseconds(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(field, 'a non-negative integer', value);
  }
  if (value > MAX_TIMER_MS) {
    throw new ValidationError(field, `a number of milliseconds from 0 to ${MAX_TIMER_MS} (about 24.8 days, the longest a timer holds)`, value);
  }
  return value;
}

/** An integer in [min, max]. */
export function integerIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** A lone (unpaired) UTF-16 surrogate: UTF-8 cannot carry it. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** True if the string has a lone surrogate, which would reach the child as U+FFFD (another file name, say). */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** A string with no NUL byte and no lone surrogate (optionally non-empty). */
export function cleanString(value: unknown, field: string, nonEmpty = false): string {
  if (typeof value !== 'string' || value.includes('\0') || hasLoneSurrogate(value) || (nonEmpty && value === '')) {
    throw new ValidationError(field, `a ${nonEmpty ? 'non-empty ' : ''}string without NUL bytes or lone surrogates`, value);
  }
  return value;
}

/** A boolean. */
export function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(field, 'a boolean', value);
  return value;
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ValidationError(field, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  }
  return value as T;
}

/** A plain object (not null, not an array, not a revoked Proxy). */
export function plainObject(value: unknown, field: string): Record<string, unknown> {
  let ok = value !== null && typeof value === 'object';
  try {
    ok &&= !Array.isArray(value);
  } catch {
    ok = false; // a revoked Proxy
  }
  if (!ok) throw new ValidationError(field, 'an object', value);
  return value as Record<string, unknown>;
}

/**
 * Read `object[key]` once; a getter (or Proxy trap) that throws becomes a
 * ValidationError naming `field`, with the thrown error as its cause.
 */
export function readField(object: object, key: PropertyKey, field: string): unknown {
  try {
    return (object as Record<PropertyKey, unknown>)[key];
  } catch (cause) {
    throw new ValidationError(field, 'a readable value', undefined, { got: `a getter that threw (${describe(cause)})`, cause });
  }
}

/** A thrown value in a few words, without running user code that could throw again. */
function describe(thrown: unknown): string {
  try {
    return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : typeof thrown;
  } catch {
    return 'an error';
  }
}
