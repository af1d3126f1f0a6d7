import { normalizePipelineOptions, type PipelineStreamOptions } from '@netrunner/types';
import type { Context } from './context.js';
import { pipelineSpawn } from './pipeline-extras.js';
import { spawnChild } from './spawn-child.js';
import { streamOf } from './stream.js';

/** streamPipeline() for one realm's context; see NetRunner.streamPipeline. */
export function streamPipeline(
  ctx: Context,
  members: readonly (readonly string[])[],
  options?: PipelineStreamOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  return streamOf(() => {
    const opts = normalizePipelineOptions(members, options, 'streamPipeline()', ctx.defaults);
    return { opts, state: spawnChild(ctx, opts, pipelineSpawn(ctx, opts).extras) };
  });
}
