import type { RunResult } from '../result.js';
import { commandSuffix } from './command-suffix.js';
import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';
import { stderrTailLines } from './stderr-tail-lines.js';

/** The first line of the message: the exit code, or the signal that killed the child. */
function what(exitCode: number, signal: string | null | undefined): string {
  return signal ? `Command was killed with ${signal} (exit code ${exitCode})` : `Command failed with exit code ${exitCode}`;
}

/**
 * A child exited non-zero where that rejects: always in `stream()` (unless
 * `reject: false`), in `run()` with `reject: true`. `.exitCode`, `.signal`
 * and the tail of `.stderr` in the message tell why; `.result` is run()'s
 * whole result.
 *
 * @example
 * await run(['sh', '-c', 'echo oops >&2; exit 3'], { reject: true });
 * // NonZeroExitError: Command failed with exit code 3: sh -c 'echo oops >&2; exit 3'
 * // stderr:
 * //   oops
 */
export class NonZeroExitError extends NetRunnerError {
  /** What run() would have returned (undefined from stream()). */
  readonly result: RunResult<string | Uint8Array | string[]> | undefined;

  constructor(exitCode: number, details: ErrorDetails & { result?: RunResult<string | Uint8Array | string[]> } = {}) {
    const { result, ...rest } = details;
    super(`${what(exitCode, details.signal)}${commandSuffix(details.argv)}${stderrTailLines(details.stderr)}`, {
      code: 'ENONZERO',
      ...rest,
      exitCode,
    });
    this.result = result;
  }
}
