import type { ErrorDetails, NormalizedRunOptions, RunResult } from '@netrunner/types';
import { buildStopError } from './build-error.js';
import type { ChildState } from './child-state.js';
import { feedInput } from './feed-input.js';
import { OutputCollector } from './output-collector.js';
import { RunGuard } from './run-guard.js';

const utf8 = new TextDecoder();

/** Feed a spawned child its input, collect its output and exit under run()'s limits, and release it. */
export async function collectRun(state: ChildState, opts: NormalizedRunOptions): Promise<RunResult<string | Uint8Array>> {
  const guard = new RunGuard(state, opts);
  const stop = (): void => guard.stop('maxOutput');
  const out = new OutputCollector(opts.maxOutputSize, stop);
  const err = new OutputCollector(opts.maxOutputSize, stop);
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
  const decode = (b: Uint8Array) => (opts.encoding === 'buffer' ? b : utf8.decode(b));
  const details: ErrorDetails = { stdout: decode(out.bytes()), stderr: decode(err.bytes()), stats: state.stats(), pid: state.pid };
  const stopError = buildStopError(guard, details, opts);
  if (stopError !== null) throw stopError;
  if ('error' in outcome) throw outcome.error;
  return {
    stdout: details.stdout!,
    stderr: details.stderr!,
    exitCode: outcome.info.exitCode,
    signal: outcome.info.signal,
    outputCut: state.outputCut,
    pid: state.pid,
    stats: details.stats!,
  };
}
