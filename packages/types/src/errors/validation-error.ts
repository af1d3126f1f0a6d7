import { formatValue } from '../validate/format-value.js';
import { NetRunnerError } from './netrunner-error.js';

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

  constructor(field: string, expected: string, received: unknown) {
    super(`Expected \`${field}\` to be ${expected}, got ${formatValue(received)}`, { code: 'EINVAL' });
    this.field = field;
    this.received = received;
  }
}
