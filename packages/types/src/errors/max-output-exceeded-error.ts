import { commandSuffix } from './command-suffix.js';
import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';
import { stderrTailLines } from './stderr-tail-lines.js';

/** An output stream of a child. */
export type OutputStreamName = 'stdout' | 'stderr';

/**
 * The child wrote more than `maxOutputSize` bytes to stdout or stderr
 * (`.stream` says which); its process group was stopped. `.partial` is
 * stdout up to the cap, exactly.
 *
 * @example
 * const e = await run(['yes'], { maxOutputSize: 1000 }).catch((e) => e);
 * e.message;        // "Command's stdout exceeded maxOutputSize (1000 bytes): yes"
 * e.partial.length; // 1000
 */
export class MaxOutputExceededError extends NetRunnerError {
  readonly maxOutputSize: number;
  readonly partial: string | Uint8Array;
  readonly stream: OutputStreamName;

  constructor(maxOutputSize: number, details: ErrorDetails = {}, stream: OutputStreamName = 'stdout') {
    const tail = stream === 'stderr' ? '' : stderrTailLines(details.stderr);
    super(`Command's ${stream} exceeded maxOutputSize (${maxOutputSize} bytes)${commandSuffix(details.argv)}${tail}`, {
      code: 'EMAXOUTPUT',
      ...details,
    });
    this.maxOutputSize = maxOutputSize;
    this.partial = details.stdout ?? '';
    this.stream = stream;
  }
}
