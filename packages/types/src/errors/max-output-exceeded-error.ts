import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';

/**
 * The child wrote more than `maxOutputSize` bytes to stdout or stderr; its
 * process group was stopped. `.partial` is stdout up to the cap, exactly.
 *
 * @example
 * const e = await run(['yes'], { maxOutputSize: 1000 }).catch((e) => e);
 * e.partial.length; // 1000
 */
export class MaxOutputExceededError extends NetRunnerError {
  readonly maxOutputSize: number;
  readonly partial: string | Uint8Array;

  constructor(maxOutputSize: number, details: ErrorDetails = {}) {
    super(`Output exceeded ${maxOutputSize} bytes`, { code: 'EMAXOUTPUT', ...details });
    this.maxOutputSize = maxOutputSize;
    this.partial = details.stdout ?? '';
  }
}
