import {
  NetRunnerError,
  normalizeRunOptions,
  readField,
  RUN_SYNC_OPTION_KEYS,
  ValidationError,
  type NormalizedRunOptions,
  type RunResult,
  type RunSyncOptions,
} from '@netrunner/types';
import type { Context } from './context.js';
import type { TransportedError } from './transported-error.js';
import { unpackError } from './transported-error.js';
import { verboseSink } from './verbose-log.js';

/** One runSync() call as it reaches the thread that runs it: run()'s arguments, all cloneable. */
export interface BlockingRunRequest {
  argv: string[];
  options: Record<string, unknown>;
  /** Whether to collect verbose lines for the caller's sink. */
  verbose: boolean;
  /** The caller's configure({ cgroupRoot }), for the helper thread's shepherd. */
  cgroupRoot: string | undefined;
}

/** What that thread answers: the result or the error, and the verbose lines. */
export type BlockingRunReply = ({ result: RunResult<string | Uint8Array | string[]> } | { error: TransportedError }) & {
  lines: string[];
};

/** Runs a request to completion while the calling thread blocks (see RuntimeAdapter.runBlocking). */
export type BlockingRunner = (request: BlockingRunRequest) => BlockingRunReply;

const INPUT_EXPECTED = 'a string, a Uint8Array or a (synchronous) iterable of them';

/**
 * The options forwarded as plain data: input as an array, timeout resolved
 * against configure(), and the caller's environment spelled out (the helper
 * thread's process.env is a copy taken when it started).
 */
function forwarded(ctx: Context, options: RunSyncOptions | undefined, opts: NormalizedRunOptions): Record<string, unknown> {
  const { verbose: _verbose, input, ...rest } = (options ?? {}) as RunSyncOptions & Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest, timeout: opts.timeout };
  if (opts.extendEnv) Object.assign(out, { env: { ...ctx.adapter.env(), ...opts.env }, extendEnv: false });
  if (input !== undefined) {
    if (typeof input === 'object' && input !== null && !(input instanceof Uint8Array) && Symbol.asyncIterator in input) {
      throw new ValidationError('input', INPUT_EXPECTED, input);
    }
    out.input = typeof input === 'string' || input instanceof Uint8Array ? input : Array.from(input);
  }
  return out;
}

/**
 * The options read once into a plain object: own keys and inherited known
 * ones, as run() reads them. What is checked is then what the helper thread
 * gets (a getter is not run again, an inherited `cwd` is not dropped).
 */
function snapshot(options: RunSyncOptions | undefined): RunSyncOptions | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  let keys: Set<string>;
  try {
    keys = new Set([...Object.keys(options), ...RUN_SYNC_OPTION_KEYS.filter((k) => k in options)]);
  } catch (cause) {
    throw new ValidationError('options', 'an object whose keys can be listed', options, { cause });
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = readField(options, key, key);
  return out as RunSyncOptions;
}

/** runSync() for one realm's context; see NetRunner.runSync. */
export function runSync(ctx: Context, argv: readonly string[], given?: RunSyncOptions): RunResult<string | Uint8Array | string[]> {
  const options = snapshot(given);
  const opts = normalizeRunOptions(argv, options, 'runSync()', ctx.defaults);
  const runner = ctx.adapter.runBlocking;
  if (runner === undefined) {
    throw new NetRunnerError('runSync() is not available on this runtime (its adapter has no runBlocking)', { code: 'ENOTSUP' });
  }
  const sink = verboseSink(opts.verbose, ctx.debug);
  const reply = runner.call(ctx.adapter, {
    argv: [...argv],
    options: forwarded(ctx, options, opts),
    verbose: sink !== null,
    cgroupRoot: ctx.hosts.options.cgroupRoot,
  });
  for (const line of reply.lines) sink?.(line);
  if ('error' in reply) throw unpackError(reply.error);
  return reply.result;
}
