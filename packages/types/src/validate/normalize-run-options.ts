import type { Encoding, InputSource } from '../options.js';
import { boolean, milliseconds, nonNegativeInteger, oneOf, readField } from './checks.js';
import { normalizeSpawnOptions, type NormalizedSpawnOptions } from './normalize-spawn-options.js';
import { validateInput } from './validate-input.js';
import { describeStdio } from './normalize-stdio.js';
import { ValidationError } from '../errors/validation-error.js';

/** Default `maxOutputSize` of `run()`: 64 MiB per stream. */
export const DEFAULT_MAX_OUTPUT_SIZE = 64 * 1024 * 1024;

/** Run/stream options after validation. `timeout` 0 means none. */
export interface NormalizedRunOptions extends NormalizedSpawnOptions {
  input: InputSource | undefined;
  timeout: number;
  maxOutputSize: number;
  encoding: Encoding;
  allowNonZeroExit: boolean;
}

/**
 * Validate the options of `run()` / `stream()`; throws ValidationError.
 *
 * @example
 * normalizeRunOptions(['cat'], { input: 'hi', timeout: 1000 }).timeout; // 1000
 */
export function normalizeRunOptions(argv: unknown, options: unknown = {}): NormalizedRunOptions {
  const base = normalizeSpawnOptions(argv, options);
  const o = (options ?? {}) as Record<string, unknown>;
  const read = (key: string): unknown => readField(o, key, key);
  const input = validateInput(read('input'));
  if (input !== undefined && base.stdin.kind !== 'pipe') {
    throw new ValidationError('input', `absent when \`stdin\` is ${describeStdio(base.stdin)}: input is written to a piped stdin`, input);
  }
  const timeout = read('timeout');
  const maxOutputSize = read('maxOutputSize');
  const encoding = read('encoding');
  const allowNonZeroExit = read('allowNonZeroExit');
  return {
    ...base,
    input,
    // A timer holds at most 2^31-1 ms; a longer one would fire at once.
    timeout: timeout === undefined ? 0 : milliseconds(timeout, 'timeout'),
    maxOutputSize: maxOutputSize === undefined ? DEFAULT_MAX_OUTPUT_SIZE : nonNegativeInteger(maxOutputSize, 'maxOutputSize'),
    encoding: encoding === undefined ? 'utf8' : oneOf(encoding, 'encoding', ['utf8', 'buffer'] as const),
    allowNonZeroExit: allowNonZeroExit === undefined ? false : boolean(allowNonZeroExit, 'allowNonZeroExit'),
  };
}
