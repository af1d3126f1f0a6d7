import { normalizeSpawnOptions, type SpawnOptions } from '@netrunner/types';
import type { Context } from './context.js';
import { Process } from './process.js';
import { spawnChild } from './spawn-child.js';
import { terminate } from './terminate.js';

/** spawn() for one realm's context; see NetRunner.spawn. */
export async function spawn(ctx: Context, argv: readonly string[], options?: SpawnOptions): Promise<Process> {
  const opts = normalizeSpawnOptions(argv, options, 'spawn()');
  const state = spawnChild(ctx, opts);
  const { signal } = opts;
  const stop = { killTimeout: opts.killTimeout, killSignal: opts.killSignal };
  if (signal !== undefined) {
    // The listener holds the state, not the Process: it does not keep the handle from being collected.
    const onAbort = (): void => void terminate(state, stop).catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    state.onRelease(() => signal.removeEventListener('abort', onAbort));
  }
  return new Process(state, stop);
}
