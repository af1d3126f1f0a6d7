import {
  NonZeroExitError,
  normalizeRunOptions,
  quoteCommand,
  type ErrorDetails,
  type RunOptions,
  type RunResult,
} from '@netrunner/types';
import { buildStopError } from './build-error.js';
import type { Context } from './context.js';
import { feedInput } from './feed-input.js';
import { concat, OutputCollector } from './output-collector.js';
import { RunGuard } from './run-guard.js';
import { runOutput } from './run-output.js';
import { spawnChild } from './spawn-child.js';

const utf8 = new TextDecoder();

type Output = string | Uint8Array | string[];

/** run() for one realm's context; see NetRunner.run. */
export async function run(ctx: Context, argv: readonly string[], options?: RunOptions): Promise<RunResult<Output>> {
  const opts = normalizeRunOptions(argv, options, 'run()', ctx.defaults);
  const state = spawnChild(ctx, opts);
  const guard = new RunGuard(state, opts);
  const stop = (): void => guard.stop('maxOutput');
  const all: Uint8Array[] | null = opts.all ? [] : null;
  const out = new OutputCollector(opts.maxOutputSize, stop, all);
  const err = new OutputCollector(opts.maxOutputSize, stop, all);
  feedInput(state, opts.input).catch((e: unknown) => guard.stop('input', e));
  let outcome;
  try {
    await Promise.all([out.drain(state.stdout), err.drain(state.stderr)]);
    outcome = await state.exited;
    guard.finish();
    await guard.stopped;
  } finally {
    guard.dispose();
    state.release();
  }
  // Buffers where the runtime has them (encoding: 'buffer' hands them out as they are).
  const asBytes = ctx.adapter.nodeInterop?.buffer ?? ((b: Uint8Array) => b);
  const stdout = asBytes(out.bytes());
  const stderr = asBytes(err.bytes());
  const decode = (b: Uint8Array) => (opts.encoding === 'buffer' ? b : utf8.decode(b));
  const details: ErrorDetails = { argv: opts.argv, stdout: decode(stdout), stderr: decode(stderr), stats: state.stats(), pid: state.pid };
  const stopError = buildStopError(guard, details, { ...opts, exceeded: out.exceeded ? 'stdout' : 'stderr' });
  if (stopError !== null) throw stopError;
  if ('error' in outcome) throw outcome.error;
  const result: RunResult<Output> = {
    stdout: runOutput(stdout, opts),
    stderr: runOutput(stderr, opts),
    ...(all === null ? {} : { all: runOutput(asBytes(concat(all)), opts) }),
    argv: opts.argv,
    command: quoteCommand(opts.argv),
    exitCode: outcome.info.exitCode,
    signal: outcome.info.signal,
    outputCut: state.outputCut,
    pid: state.pid,
    stats: details.stats!,
  };
  if (opts.reject && result.exitCode !== 0) {
    throw new NonZeroExitError(result.exitCode, { ...details, signal: result.signal, result });
  }
  return result;
}
