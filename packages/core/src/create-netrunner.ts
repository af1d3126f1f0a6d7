import type { NetRunner, PipelineOptions, RunOptions, RunSyncOptions } from '@netrunner/types';
import { configure } from './configure.js';
import type { RuntimeAdapter } from './adapter.js';
import { HostEnv } from './child-env.js';
import type { Context } from './context.js';
import { HostManager } from './host-manager.js';
import { run } from './run.js';
import { runSync } from './run-sync.js';
import { runPipeline } from './run-pipeline.js';
import { spawn } from './spawn.js';
import { stream } from './stream.js';
import { streamPipeline } from './stream-pipeline.js';
import { makeTemplate } from './template.js';

/**
 * Build the API over a runtime adapter. Call it once per realm: it owns that
 * realm's shepherd.
 *
 * @example
 * export const { run, stream, spawn } = createNetRunner(nodeAdapter);
 */
export function createNetRunner(adapter: RuntimeAdapter): NetRunner {
  const ctx: Context = {
    adapter,
    hosts: new HostManager(adapter),
    env: new HostEnv(adapter),
    defaults: { timeout: 0 },
    debug: adapter.env().NETRUNNER_DEBUG === '1',
  };
  const runIn = ((argv: readonly string[], options?: RunOptions) => run(ctx, argv, options)) as NetRunner['run'];
  return {
    run: runIn,
    pipeline: ((members: readonly (readonly string[])[], options?: PipelineOptions) =>
      runPipeline(ctx, members, options)) as NetRunner['pipeline'],
    streamPipeline: (members, options) => streamPipeline(ctx, members, options),
    stream: (argv, options) => stream(ctx, argv, options),
    runSync: ((argv: readonly string[], options?: RunSyncOptions) => runSync(ctx, argv, options)) as NetRunner['runSync'],
    spawn: (argv, options) => spawn(ctx, argv, options),
    shutdown: () => ctx.hosts.shutdown(),
    configure: (config) => configure(ctx, config),
    $: makeTemplate(runIn),
  };
}
