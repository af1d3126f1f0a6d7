import { ValidationError } from '../errors/validation-error.js';

// Small assertion helpers; each throws a ValidationError naming `field`.

/** A non-negative safe integer. */
export function nonNegativeInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(field, 'a non-negative integer', value);
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

/** A string with no NUL byte (optionally non-empty). */
export function cleanString(value: unknown, field: string, nonEmpty = false): string {
  if (typeof value !== 'string' || value.includes('\0') || (nonEmpty && value === '')) {
    throw new ValidationError(field, `a ${nonEmpty ? 'non-empty ' : ''}string without NUL bytes`, value);
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

/** A plain object (not null, not an array). */
export function plainObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(field, 'an object', value);
  }
  return value as Record<string, unknown>;
}
