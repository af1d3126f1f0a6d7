import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';

/**
 * A `stream()` whose child exited non-zero (like NetRunner's `stream!`): the
 * iteration rejects after the last chunk. `.exitCode`, `.signal` and the tail
 * of `.stderr` tell why. `run()` never raises it: there a non-zero exit is a result.
 *
 * @example
 * for await (const chunk of stream(['sh', '-c', 'echo hi; exit 3'])) {}
 * // rejects with NonZeroExitError, exitCode 3
 */
export class NonZeroExitError extends NetRunnerError {
  constructor(exitCode: number, details: ErrorDetails = {}) {
    super(`Command failed with exit code ${exitCode}${details.signal ? ` (${details.signal})` : ''}`, {
      code: 'ENONZERO',
      ...details,
      exitCode,
    });
  }
}
