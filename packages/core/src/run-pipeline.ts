import { normalizePipelineOptions, type PipelineOptions, type PipelineResult } from '@netrunner/types';
import { collectRun, type RunOutput } from './collect-run.js';
import type { Context } from './context.js';
import { pipelineMembers } from './pipeline-exit.js';
import { pipelineSpawn } from './pipeline-extras.js';
import { spawnChild } from './spawn-child.js';

/** pipeline() for one realm's context; see NetRunner.pipeline. */
export async function runPipeline(
  ctx: Context,
  members: readonly (readonly string[])[],
  options?: PipelineOptions,
): Promise<PipelineResult<RunOutput>> {
  const opts = normalizePipelineOptions(members, options, 'pipeline()', ctx.defaults);
  const how = pipelineSpawn(ctx, opts);
  const result = await collectRun(spawnChild(ctx, opts, how.extras), opts);
  // collectRun resolves only once every member's record is in.
  return { ...result, members: pipelineMembers(opts.members, how.records()!) };
}
