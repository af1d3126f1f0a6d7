import { commandSuffix } from './command-suffix.js';
import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';
import { stderrTailLines } from './stderr-tail-lines.js';

/**
 * The call's AbortSignal fired; the process group was stopped. `.cause` is
 * the signal's reason.
 *
 * @example
 * const ac = new AbortController();
 * setTimeout(() => ac.abort(), 100);
 * await run(['sleep', '100'], { signal: ac.signal });
 * // AbortError: Command was aborted: sleep 100
 */
export class AbortError extends NetRunnerError {
  constructor(details: ErrorDetails = {}) {
    super(`Command was aborted${commandSuffix(details.argv)}${stderrTailLines(details.stderr)}`, { code: 'ABORT_ERR', ...details });
  }
}
