import { ValidationError } from '../errors/validation-error.js';
import type { Encoding, InputSource } from '../options.js';
import { boolean, milliseconds, nonNegativeInteger, oneOf, readField } from './checks.js';
import { normalizeSpawnOptions, type NormalizedSpawnOptions } from './normalize-spawn-options.js';
import { describeStdio } from './normalize-stdio.js';
import { validateInput } from './validate-input.js';

/** Default `maxOutputSize` of `run()`: 64 MiB per stream. */
export const DEFAULT_MAX_OUTPUT_SIZE = 64 * 1024 * 1024;

/** Run/stream options after validation. `timeout` 0 means none. */
export interface NormalizedRunOptions extends NormalizedSpawnOptions {
  input: InputSource | undefined;
  timeout: number;
  maxOutputSize: number;
  encoding: Encoding;
  /** Whether a non-zero exit rejects (run: `reject`, default false; stream: `reject`/`allowNonZeroExit`, default true). */
  reject: boolean;
  stripFinalNewline: boolean;
  lines: boolean;
  all: boolean;
}

/** What the host sets for calls that leave an option out (see configure()). */
export interface RunDefaults {
  /** The `timeout` of a call without one; 0 = none. */
  timeout: number;
}

const NO_DEFAULTS: RunDefaults = { timeout: 0 };

/** stream()'s `reject`, or its old spelling `allowNonZeroExit` (the opposite); both must agree. */
function streamReject(reject: unknown, allowNonZeroExit: unknown): boolean {
  const r = reject === undefined ? undefined : boolean(reject, 'reject');
  const allow = allowNonZeroExit === undefined ? undefined : boolean(allowNonZeroExit, 'allowNonZeroExit');
  if (r !== undefined && allow !== undefined && r === allow) {
    throw new ValidationError('allowNonZeroExit', `${!r} (the opposite of \`reject\`) or absent`, allow);
  }
  return r ?? (allow === undefined ? true : !allow);
}

/**
 * Validate the options of `run()` / `stream()`; throws ValidationError.
 *
 * @example
 * normalizeRunOptions(['cat'], { input: 'hi', timeout: 1000 }).timeout; // 1000
 */
export function normalizeRunOptions(
  argv: unknown,
  options: unknown = {},
  call: 'run()' | 'runSync()' | 'stream()' | 'pipeline()' | 'streamPipeline()' = 'run()',
  defaults: RunDefaults = NO_DEFAULTS,
): NormalizedRunOptions {
  const base = normalizeSpawnOptions(argv, options, call);
  const o = (options ?? {}) as Record<string, unknown>;
  const read = (key: string): unknown => readField(o, key, key);
  const flag = (key: string): boolean => {
    const value = read(key);
    return value === undefined ? false : boolean(value, key);
  };
  const input = validateInput(read('input'));
  if (input !== undefined && base.stdin.kind !== 'pipe') {
    throw new ValidationError('input', `absent when \`stdin\` is ${describeStdio(base.stdin)}: input is written to a piped stdin`, input);
  }
  const timeout = read('timeout');
  const maxOutputSize = read('maxOutputSize');
  const encoding = read('encoding');
  // run(), runSync() and pipeline() return a result; stream() and streamPipeline() reject by default.
  const collects = call === 'run()' || call === 'runSync()' || call === 'pipeline()';
  const reject = collects ? flag('reject') : streamReject(read('reject'), read('allowNonZeroExit'));
  const normalized: NormalizedRunOptions = {
    ...base,
    input,
    // A timer holds at most 2^31-1 ms; a longer one would fire at once.
    timeout: timeout === undefined ? defaults.timeout : milliseconds(timeout, 'timeout'),
    maxOutputSize: maxOutputSize === undefined ? DEFAULT_MAX_OUTPUT_SIZE : nonNegativeInteger(maxOutputSize, 'maxOutputSize'),
    encoding: encoding === undefined ? 'utf8' : oneOf(encoding, 'encoding', ['utf8', 'buffer'] as const),
    reject,
    stripFinalNewline: flag('stripFinalNewline'),
    lines: flag('lines'),
    all: flag('all'),
  };
  if (normalized.lines && normalized.encoding === 'buffer') {
    throw new ValidationError('lines', "false with encoding 'buffer' (lines are text)", true);
  }
  return normalized;
}
