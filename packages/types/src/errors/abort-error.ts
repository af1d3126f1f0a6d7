import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';

/**
 * The call's AbortSignal fired; the process group was stopped. `.cause` is
 * the signal's reason.
 *
 * @example
 * const ac = new AbortController();
 * setTimeout(() => ac.abort(), 100);
 * await run(['sleep', '100'], { signal: ac.signal }); // rejects with AbortError
 */
export class AbortError extends NetRunnerError {
  constructor(details: ErrorDetails = {}) {
    super('The operation was aborted', { code: 'ABORT_ERR', ...details });
  }
}
