import { normalizePipelineOptions, type PipelineOptions, type PipelineResult } from '@netrunner/types';
import { collectRun } from './collect-run.js';
import type { Context } from './context.js';
import { EXIT_RECORD_SIZE, type ExitRecord } from './decode-exit-record.js';
import { decodePipelineStatus, type PipelineRecords } from './decode-pipeline-status.js';
import { pipelineExtension } from './encode-pipeline-members.js';
import { pipelineMembers, pipelineRecord } from './pipeline-exit.js';
import { readExitStatus, readStatusBytes } from './read-exit-record.js';
import type { SpawnExtras } from './spawn-child.js';
import { spawnChild } from './spawn-child.js';

/** pipeline() for one realm's context; see NetRunnerApi.pipeline. */
export async function runPipeline(
  ctx: Context,
  members: readonly (readonly string[])[],
  options?: PipelineOptions,
): Promise<PipelineResult<string | Uint8Array>> {
  const opts = normalizePipelineOptions(members, options);
  const n = opts.members.length;
  let all: PipelineRecords | null = null;
  // A lone member is a plain spawn; more ride on NR_EXT_PIPELINE and share
  // one status pipe: the pids, then a record per member.
  const extras: SpawnExtras =
    n === 1
      ? {
          readExit: async (fd): Promise<ExitRecord | null> => {
            const record = await readExitStatus(ctx.adapter, fd);
            if (record !== null) all = { pids: [record.pid], records: [record] };
            return record;
          },
        }
      : {
          members: opts.members,
          extensions: [pipelineExtension(opts.members.slice(1))],
          readExit: async (fd): Promise<ExitRecord | null> => {
            const bytes = await readStatusBytes(ctx.adapter.reader(fd), 8 + n * (4 + EXIT_RECORD_SIZE));
            all = bytes === null ? null : decodePipelineStatus(bytes, n);
            return all === null ? null : pipelineRecord(all, opts.pipefail);
          },
        };
  const result = await collectRun(spawnChild(ctx, opts, extras), opts);
  // collectRun resolves only with an exit record, so `all` is set.
  return { ...result, members: pipelineMembers(opts.members, all!) };
}
