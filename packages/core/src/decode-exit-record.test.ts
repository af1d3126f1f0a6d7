import { describe, expect, it } from 'vitest';
import { decodeExitRecord, EXIT_RECORD_SIZE, NR_EXIT_MAGIC } from './decode-exit-record.js';

function record(magic = NR_EXIT_MAGIC): Uint8Array {
  const b = new Uint8Array(EXIT_RECORD_SIZE);
  const v = new DataView(b.buffer);
  v.setUint32(0, magic, true);
  v.setInt32(4, 1234, true);
  v.setInt32(8, 143, true);
  v.setInt32(12, 15, true);
  [1500n, 2500n, 4096n, -1n, -1n].forEach((x, i) => v.setBigInt64(16 + 8 * i, x, true));
  return b;
}

describe('decodeExitRecord', () => {
  it('reads the 56-byte nr_exit_record', () => {
    expect(decodeExitRecord(record())).toEqual({
      pid: 1234, exitStatus: 143, termSignal: 15, userCpuUs: 1500, systemCpuUs: 2500, maxRssKb: 4096,
      cgroupMemoryPeak: -1, cgroupOomKills: -1,
    });
  });
  it('rejects a wrong size or magic', () => {
    expect(decodeExitRecord(record().subarray(0, 55))).toBeNull();
    expect(decodeExitRecord(record(0x12345678))).toBeNull();
  });
});
