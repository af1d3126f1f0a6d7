import { formatValue } from '../validate/format-value.js';
import { NetRunnerError } from './netrunner-error.js';

/** How a ValidationError was made when the value itself is not the whole story. */
export interface ValidationDetails {
  /** Words that replace the rendered value after "got" (e.g. "a getter that threw"). */
  got?: string;
  /** The whole message, for a mistake the template does not fit (an unknown option). */
  message?: string;
  cause?: unknown;
}

/**
 * A bad argument. `.field` names it (`timeout`, `argv[1]`, `env.PATH`, ...);
 * the message always reads "Expected `field` to be ..., got ...".
 *
 * @example
 * await run(['ls'], { timeout: -1 });
 * // ValidationError: Expected `timeout` to be a non-negative integer, got -1
 */
export class ValidationError extends NetRunnerError {
  readonly field: string;
  readonly received: unknown;

  constructor(field: string, expected: string, received: unknown, details: ValidationDetails = {}) {
    const got = details.got ?? formatValue(received);
    super(details.message ?? `Expected \`${field}\` to be ${expected}, got ${got}`, { code: 'EINVAL', cause: details.cause });
    this.field = field;
    this.received = received;
  }
}
