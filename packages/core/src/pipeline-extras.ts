import type { NormalizedPipelineOptions } from '@netrunner/types';
import type { Context } from './context.js';
import { EXIT_RECORD_SIZE, type ExitRecord } from './decode-exit-record.js';
import { decodePipelineStatus, type PipelineRecords } from './decode-pipeline-status.js';
import { pipelineExtension } from './encode-pipeline-members.js';
import { pipelineRecord } from './pipeline-exit.js';
import { readExitStatus, readStatusBytes } from './read-exit-record.js';
import type { SpawnExtras } from './spawn-child.js';

/** How to spawn a pipeline, and where its members' exits land once known. */
export interface PipelineSpawn {
  extras: SpawnExtras;
  /** Every member's exit record, once the status pipe has them all. */
  records(): PipelineRecords | null;
}

/**
 * The spawn extras of a pipeline. A lone member is a plain spawn; more ride
 * on NR_EXT_PIPELINE and share one status pipe (the pids, then a record per
 * member), read into one record whose exit `pipefail` picks.
 */
export function pipelineSpawn(ctx: Context, opts: NormalizedPipelineOptions): PipelineSpawn {
  const n = opts.members.length;
  let all: PipelineRecords | null = null;
  const readOne = async (fd: number): Promise<ExitRecord | null> => {
    const record = await readExitStatus(ctx.adapter, fd);
    if (record !== null) all = { pids: [record.pid], records: [record] };
    return record;
  };
  const readAll = async (fd: number): Promise<ExitRecord | null> => {
    const bytes = await readStatusBytes(ctx.adapter.reader(fd), 8 + n * (4 + EXIT_RECORD_SIZE));
    all = bytes === null ? null : decodePipelineStatus(bytes, n);
    return all === null ? null : pipelineRecord(all, opts.pipefail);
  };
  const extras: SpawnExtras =
    n === 1
      ? { readExit: readOne }
      : { members: opts.members, extensions: [pipelineExtension(opts.members.slice(1))], readExit: readAll };
  return { extras, records: () => all };
}
