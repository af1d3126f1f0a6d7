import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';
import { quoteCommand } from './quote-command.js';

/** Why stdin can take no more bytes. */
export type StdinClosedReason =
  | 'closed by the child'
  | 'closed by closeStdin()'
  | 'the child has exited'
  | `not a pipe (stdin: ${string}): the child reads it from elsewhere`;

/**
 * `write()` found the child's stdin closed: the child closed it (or exited),
 * `closeStdin()` was called, or stdin is not a pipe (`stdin: 'ignore'`, a file…). Code 'EPIPE' on every runtime.
 *
 * @example
 * await using p = await spawn(['true']);
 * await p.wait();
 * await p.write('x');
 * // StdinClosedError: Cannot write to the stdin of `true` (pid 4242): the child has exited
 */
export class StdinClosedError extends NetRunnerError {
  readonly reason: StdinClosedReason;

  constructor(reason: StdinClosedReason, details: ErrorDetails = {}) {
    const pid = details.pid === undefined ? '' : ` (pid ${details.pid})`;
    super(`Cannot write to the stdin of \`${quoteCommand(details.argv ?? [])}\`${pid}: ${reason}`, { code: 'EPIPE', ...details });
    this.reason = reason;
  }
}
