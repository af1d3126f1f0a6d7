import { normalizeSpawnOptions, type SpawnOptions } from '@netrunner/types';
import type { Context } from './context.js';
import { Process } from './process.js';
import { spawnChild } from './spawn-child.js';

/** spawn() for one realm's context; see NetRunnerApi.spawn. */
export async function spawn(ctx: Context, argv: readonly string[], options?: SpawnOptions): Promise<Process> {
  const opts = normalizeSpawnOptions(argv, options);
  return new Process(spawnChild(ctx, opts), opts.killTimeout);
}
