import { NonZeroExitError, normalizeRunOptions, type NormalizedRunOptions, type StreamOptions } from '@netrunner/types';
import { buildStopError } from './build-error.js';
import type { ChildState } from './child-state.js';
import type { Context } from './context.js';
import { feedInput } from './feed-input.js';
import { RunGuard } from './run-guard.js';
import { spawnChild } from './spawn-child.js';
import { StderrTail } from './stderr-tail.js';
import { watchStream, type StreamSlot } from './stream-finalizer.js';

const STDERR_TAIL = 64 * 1024;

/**
 * stream() for one realm's context; see NetRunner.stream. A generator
 * dropped mid-iteration (advanced by hand, never return()ed) has its group
 * killed when it is collected, like a Process.
 */
export function stream(ctx: Context, argv: readonly string[], options?: StreamOptions): AsyncGenerator<Uint8Array, void, undefined> {
  return streamOf(() => {
    const opts = normalizeRunOptions(argv, options, 'stream()', ctx.defaults);
    return { opts, state: spawnChild(ctx, opts) };
  });
}

/** A stream() generator over the child `start` spawns on the first pull (a pipeline's too). */
export function streamOf(start: () => { opts: NormalizedRunOptions; state: ChildState }): AsyncGenerator<Uint8Array, void, undefined> {
  const slot: StreamSlot = { state: null };
  const chunks = streamChild(start, slot);
  watchStream(chunks, slot);
  return chunks;
}

async function* streamChild(
  start: () => { opts: NormalizedRunOptions; state: ChildState },
  slot: StreamSlot,
): AsyncGenerator<Uint8Array, void, undefined> {
  const { opts, state } = start();
  slot.state = state;
  const guard = new RunGuard(state, opts);
  const stderr = new StderrTail(STDERR_TAIL);
  const draining = stderr.drain(state.stderr);
  feedInput(state, opts.input).catch((e: unknown) => guard.stop('input', e));
  let finished = false;
  try {
    for (let chunk = await state.stdout.read(); chunk !== null; chunk = await state.stdout.read()) {
      yield chunk;
    }
    await draining;
    const outcome = await state.exited;
    guard.finish();
    await guard.stopped;
    const details = { argv: opts.argv, stderr: stderr.text(), stats: state.stats(), pid: state.pid };
    const stopError = buildStopError(guard, details, opts);
    if (stopError !== null) throw stopError;
    if ('error' in outcome) throw outcome.error;
    const { exitCode, signal } = outcome.info;
    if (exitCode !== 0 && opts.reject) throw new NonZeroExitError(exitCode, { ...details, signal });
    finished = true;
  } finally {
    guard.dispose();
    if (!finished) guard.stop('consumer');
    await guard.stopped;
    state.release();
    slot.state = null;
  }
}
