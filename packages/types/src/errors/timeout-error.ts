import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';

/**
 * The child ran past `timeout`; its process group was stopped
 * (SIGTERM, then SIGKILL after `killTimeout`).
 *
 * @example
 * await run(['sleep', '100'], { timeout: 500 }); // rejects with TimeoutError
 */
export class TimeoutError extends NetRunnerError {
  readonly timeout: number;

  constructor(timeout: number, details: ErrorDetails = {}) {
    super(`Timed out after ${timeout} ms`, { code: 'ETIMEDOUT', ...details });
    this.timeout = timeout;
  }
}
