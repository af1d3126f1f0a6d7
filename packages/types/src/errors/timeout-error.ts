import { commandSuffix } from './command-suffix.js';
import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';
import { stderrTailLines } from './stderr-tail-lines.js';

/**
 * The child ran past `timeout`; its process group was stopped
 * (SIGTERM, then SIGKILL after `killTimeout`).
 *
 * @example
 * await run(['sleep', '100'], { timeout: 500 });
 * // TimeoutError: Command timed out after 500 ms: sleep 100
 */
export class TimeoutError extends NetRunnerError {
  readonly timeout: number;

  constructor(timeout: number, details: ErrorDetails = {}) {
    super(`Command timed out after ${timeout} ms${commandSuffix(details.argv)}${stderrTailLines(details.stderr)}`, {
      code: 'ETIMEDOUT',
      ...details,
    });
    this.timeout = timeout;
  }
}
