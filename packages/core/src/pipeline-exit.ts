import { signalName, type PipelineMember } from '@netrunner/types';
import type { ExitRecord } from './decode-exit-record.js';
import type { PipelineRecords } from './decode-pipeline-status.js';

/**
 * The member whose exit is the pipeline's: under pipefail the rightmost one
 * that did not exit 0 (bash's `set -o pipefail`, where a writer killed by
 * SIGPIPE counts as failed), else, or when all succeeded, the last one.
 */
export function decisiveMember(records: readonly ExitRecord[], pipefail: boolean): number {
  if (pipefail) {
    for (let k = records.length - 1; k >= 0; k--) if (records[k]!.exitStatus !== 0) return k;
  }
  return records.length - 1;
}

/**
 * One record standing for the whole pipeline: the decisive member's exit,
 * the leader's pid, CPU times summed, the largest peak RSS and cgroup
 * counters (only the last member reaped reads the shared cgroup's).
 */
export function pipelineRecord(all: PipelineRecords, pipefail: boolean): ExitRecord {
  const { records } = all;
  const decisive = records[decisiveMember(records, pipefail)]!;
  const sum = (f: (r: ExitRecord) => number): number => records.reduce((n, r) => n + f(r), 0);
  const max = (f: (r: ExitRecord) => number): number => Math.max(...records.map(f));
  return {
    pid: all.pids[0]!,
    exitStatus: decisive.exitStatus,
    termSignal: decisive.termSignal,
    userCpuUs: sum((r) => r.userCpuUs),
    systemCpuUs: sum((r) => r.systemCpuUs),
    maxRssKb: max((r) => r.maxRssKb),
    cgroupMemoryPeak: max((r) => r.cgroupMemoryPeak),
    cgroupOomKills: max((r) => r.cgroupOomKills),
  };
}

/** Each member's exit, as the result reports it. */
export function pipelineMembers(argvs: readonly string[][], all: PipelineRecords): PipelineMember[] {
  return all.records.map((r, k) => ({
    argv: argvs[k]!,
    pid: r.pid,
    exitCode: r.exitStatus,
    signal: r.termSignal ? signalName(r.termSignal) : null,
    userCpuMs: Math.round(r.userCpuUs / 1000),
    systemCpuMs: Math.round(r.systemCpuUs / 1000),
    maxRssKb: r.maxRssKb,
  }));
}
