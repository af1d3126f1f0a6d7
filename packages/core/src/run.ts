import { normalizeRunOptions, type RunOptions, type RunResult } from '@netrunner/types';
import { collectRun, type RunOutput } from './collect-run.js';
import type { Context } from './context.js';
import { spawnChild } from './spawn-child.js';

/** run() for one realm's context; see NetRunner.run. */
export async function run(ctx: Context, argv: readonly string[], options?: RunOptions): Promise<RunResult<RunOutput>> {
  const opts = normalizeRunOptions(argv, options, 'run()', ctx.defaults);
  return collectRun(spawnChild(ctx, opts), opts);
}
