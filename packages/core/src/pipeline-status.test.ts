import { describe, expect, it } from 'vitest';
import { EXIT_RECORD_SIZE, NR_EXIT_MAGIC, type ExitRecord } from './decode-exit-record.js';
import { decodePipelineStatus, NR_PIPELINE_MAGIC } from './decode-pipeline-status.js';
import { pipelineExtension } from './encode-pipeline-members.js';
import { decisiveMember, pipelineRecord } from './pipeline-exit.js';

/** What the shepherd writes: the preamble, then records in reaping order. */
function status(pids: number[], reaped: Array<[pid: number, exit: number, signal: number]>): Uint8Array {
  const b = new Uint8Array(8 + 4 * pids.length + EXIT_RECORD_SIZE * reaped.length);
  const v = new DataView(b.buffer);
  v.setUint32(0, NR_PIPELINE_MAGIC, true);
  v.setUint32(4, pids.length, true);
  pids.forEach((p, k) => v.setInt32(8 + 4 * k, p, true));
  reaped.forEach(([pid, exit, signal], i) => {
    const at = 8 + 4 * pids.length + EXIT_RECORD_SIZE * i;
    v.setUint32(at, NR_EXIT_MAGIC, true);
    v.setInt32(at + 4, pid, true);
    v.setInt32(at + 8, exit, true);
    v.setInt32(at + 12, signal, true);
    [1000n * BigInt(i + 1), 500n, 100n * BigInt(i + 1), -1n, -1n].forEach((x, j) => v.setBigInt64(at + 16 + 8 * j, x, true));
  });
  return b;
}

const exits = (codes: number[]): ExitRecord[] =>
  codes.map((exitStatus, k) => ({ pid: 100 + k, exitStatus, termSignal: exitStatus > 128 ? exitStatus - 128 : 0, userCpuUs: 0, systemCpuUs: 0, maxRssKb: 0, cgroupMemoryPeak: -1, cgroupOomKills: -1 }));

describe('a pipeline status pipe', () => {
  it('puts records reaped in any order back in member order', () => {
    const all = decodePipelineStatus(status([10, 11, 12], [[12, 0, 0], [10, 141, 13], [11, 2, 0]]), 3);
    expect(all?.pids).toEqual([10, 11, 12]);
    expect(all?.records.map((r) => [r.pid, r.exitStatus, r.termSignal])).toEqual([[10, 141, 13], [11, 2, 0], [12, 0, 0]]);
  });
  it('is null when cut short, for another count, with a stranger or a twice-reported pid', () => {
    const whole = status([10, 11], [[10, 0, 0], [11, 0, 0]]);
    expect(decodePipelineStatus(whole.subarray(0, whole.length - 1), 2)).toBeNull();
    expect(decodePipelineStatus(whole, 3)).toBeNull();
    expect(decodePipelineStatus(status([10, 11], [[10, 0, 0], [99, 0, 0]]), 2)).toBeNull();
    expect(decodePipelineStatus(status([10, 11], [[10, 0, 0], [10, 0, 0]]), 2)).toBeNull();
    const magic = status([10, 11], [[10, 0, 0], [11, 0, 0]]);
    magic[0] ^= 1;
    expect(decodePipelineStatus(magic, 2)).toBeNull();
  });
});

describe('the exit of a pipeline', () => {
  it('is the rightmost failure under pipefail, the last member without it', () => {
    expect(decisiveMember(exits([3, 5, 0]), true)).toBe(1);
    expect(decisiveMember(exits([3, 5, 0]), false)).toBe(2);
    expect(decisiveMember(exits([141, 0]), true)).toBe(0);
    expect(decisiveMember(exits([0, 0, 0]), true)).toBe(2);
  });
  it('sums CPU time, takes the largest RSS, and stands on the first member\'s pid', () => {
    const all = decodePipelineStatus(status([10, 11], [[11, 0, 0], [10, 141, 13]]), 2)!;
    expect(pipelineRecord(all, true)).toEqual({
      pid: 10, exitStatus: 141, termSignal: 13, userCpuUs: 3000, systemCpuUs: 1000, maxRssKb: 200,
      cgroupMemoryPeak: -1, cgroupOomKills: -1,
    });
  });
});

describe('the NR_EXT_PIPELINE bytes', () => {
  it('list the further members as count, then argc and length-prefixed UTF-8 strings', () => {
    const { tag, bytes } = pipelineExtension([['wc', '-l'], ['é']]);
    const v = new DataView(bytes.buffer);
    expect(tag).toBe(4);
    const words = [0, 4, 8, 14, 20, 24].map((at) => v.getUint32(at, true));
    expect(words).toEqual([2, 2, 2, 2, 1, 2]);
    expect(new TextDecoder().decode(bytes.subarray(12, 14))).toBe('wc');
    expect(new TextDecoder().decode(bytes.subarray(18, 20))).toBe('-l');
    expect(new TextDecoder().decode(bytes.subarray(28))).toBe('é');
    expect(bytes.length).toBe(30);
  });
});
