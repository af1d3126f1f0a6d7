import { describe, expect, it } from 'vitest';
import { decodeExitRecord, EXIT_RECORD_SIZE, NR_EXIT_MAGIC, type ExitRecord } from './decode-exit-record.js';

// Random bytes through the exit-record decoder (the host's side of a status
// pipe), from a fixed seed so a failure replays: it never throws, reads only
// the bytes of the view it is given, and returns null or a record whose every
// field is a safe integer within what the shepherd can write.

/** mulberry32: a small seeded PRNG, uniform over [0, 2^32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const CASES = 20_000;
const SIGNAL_MAX = 64;

/** Bytes of `length`, at a random offset inside a larger buffer of other random bytes. */
function randomView(next: () => number, length: number): Uint8Array {
  const before = next() % 16;
  const backing = new Uint8Array(before + length + (next() % 16));
  for (let i = 0; i < backing.length; i++) backing[i] = next() & 0xff;
  return backing.subarray(before, before + length);
}

/** Mostly records that carry the magic, some with plausible small fields, so both paths are taken. */
function randomInput(next: () => number): Uint8Array {
  const roll = next() % 8;
  const length = roll < 6 ? EXIT_RECORD_SIZE : next() % (2 * EXIT_RECORD_SIZE);
  const bytes = randomView(next, length);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (roll < 5 && length >= 4) v.setUint32(0, NR_EXIT_MAGIC, true);
  if (roll < 3 && length === EXIT_RECORD_SIZE) {
    v.setInt32(4, next() % 100_000, true);
    const signal = next() % 2 === 0 ? 0 : next() % 70;
    v.setInt32(8, signal === 0 ? next() % 300 : 128 + signal, true);
    v.setInt32(12, signal, true);
    for (let at = 16; at < EXIT_RECORD_SIZE; at += 8) {
      v.setBigInt64(at, BigInt((next() % 2_000_000) - (at >= 40 ? 2 : 0)), true);
    }
  }
  return bytes;
}

function inDomain(r: ExitRecord): boolean {
  const counts = [r.userCpuUs, r.systemCpuUs, r.maxRssKb];
  const cgroup = [r.cgroupMemoryPeak, r.cgroupOomKills];
  const exit =
    r.termSignal === 0
      ? r.exitStatus >= 0 && r.exitStatus <= 255
      : r.termSignal >= 1 && r.termSignal <= SIGNAL_MAX && r.exitStatus === 128 + r.termSignal;
  return (
    r.pid > 1 &&
    exit &&
    [...counts, ...cgroup].every(Number.isSafeInteger) &&
    counts.every((n) => n >= 0) &&
    cgroup.every((n) => n >= -1)
  );
}

describe('decodeExitRecord on random bytes', () => {
  it('never throws, reads only its view, and returns null or a record within its domain', () => {
    const next = random(0x5eed);
    let decoded = 0;
    let rejected = 0;
    for (let i = 0; i < CASES; i++) {
      const view = randomInput(next);
      const alone = view.slice(); // the same bytes with nothing around them
      const r = decodeExitRecord(view);
      const same = decodeExitRecord(alone);
      if (JSON.stringify(same) !== JSON.stringify(r)) expect.fail(`the bytes around the view changed the result: ${JSON.stringify([r, same])}`);
      const magic = view.length >= 4 && new DataView(alone.buffer).getUint32(0, true) === NR_EXIT_MAGIC;
      if (view.length !== EXIT_RECORD_SIZE || !magic) {
        expect(r).toBeNull();
      } else if (r === null) {
        rejected++;
      } else {
        if (!inDomain(r)) expect.fail(`out of domain: ${JSON.stringify(r)} from ${Buffer.from(alone).toString('hex')}`);
        decoded++;
      }
    }
    // Both outcomes were exercised: the generator is not starving either path.
    expect(decoded).toBeGreaterThan(CASES / 10);
    expect(rejected).toBeGreaterThan(CASES / 10);
  });
});
