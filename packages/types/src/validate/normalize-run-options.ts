import { ValidationError } from '../errors/validation-error.js';
import type { Encoding, InputSource } from '../options.js';
import { boolean, nonNegativeInteger, oneOf } from './checks.js';
import { normalizeSpawnOptions, type NormalizedSpawnOptions } from './normalize-spawn-options.js';

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

function isInput(value: unknown): value is InputSource {
  if (typeof value === 'string' || value instanceof Uint8Array) return true;
  if (value === null || typeof value !== 'object') return false;
  return Symbol.iterator in value || Symbol.asyncIterator in value;
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
  if (o.input !== undefined && !isInput(o.input)) {
    throw new ValidationError('input', 'a string, a Uint8Array or an (async) iterable of them', o.input);
  }
  return {
    ...base,
    input: o.input as InputSource | undefined,
    timeout: o.timeout === undefined ? 0 : nonNegativeInteger(o.timeout, 'timeout'),
    maxOutputSize:
      o.maxOutputSize === undefined ? DEFAULT_MAX_OUTPUT_SIZE : nonNegativeInteger(o.maxOutputSize, 'maxOutputSize'),
    encoding: o.encoding === undefined ? 'utf8' : oneOf(o.encoding, 'encoding', ['utf8', 'buffer'] as const),
    allowNonZeroExit: o.allowNonZeroExit === undefined ? false : boolean(o.allowNonZeroExit, 'allowNonZeroExit'),
  };
}
