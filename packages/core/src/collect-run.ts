import {
  NonZeroExitError,
  quoteCommand,
  type ErrorDetails,
  type NormalizedRunOptions,
  type RunResult,
} from '@netrunner/types';
import { buildStopError } from './build-error.js';
import type { ChildState } from './child-state.js';
import { feedInput } from './feed-input.js';
import { concat, OutputCollector } from './output-collector.js';
import { RunGuard } from './run-guard.js';
import { runOutput } from './run-output.js';

const utf8 = new TextDecoder();

/** What run() gives for each stream: text, bytes (`encoding: 'buffer'`) or lines (`lines: true`). */
export type RunOutput = string | Uint8Array | string[];

/**
 * Feed a spawned child its input, collect its output and exit under run()'s
 * limits, and release it; a non-zero exit throws under `reject`.
 */
export async function collectRun(state: ChildState, opts: NormalizedRunOptions): Promise<RunResult<RunOutput>> {
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
  const asBytes = state.nodeInterop?.buffer ?? ((b: Uint8Array) => b);
  const stdout = asBytes(out.bytes());
  const stderr = asBytes(err.bytes());
  const decode = (b: Uint8Array) => (opts.encoding === 'buffer' ? b : utf8.decode(b));
  const details: ErrorDetails = { argv: opts.argv, stdout: decode(stdout), stderr: decode(stderr), stats: state.stats(), pid: state.pid };
  const stopError = buildStopError(guard, details, { ...opts, exceeded: out.exceeded ? 'stdout' : 'stderr' });
  if (stopError !== null) throw stopError;
  if ('error' in outcome) throw outcome.error;
  const result: RunResult<RunOutput> = {
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
