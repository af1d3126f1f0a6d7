/** The 56-byte nr_exit_record, decoded. */
export interface ExitRecord {
  pid: number;
  /** The exit code, or 128 + n when killed by signal n. */
  exitStatus: number;
  /** n when killed by a signal, else 0. */
  termSignal: number;
  userCpuUs: number;
  systemCpuUs: number;
  maxRssKb: number;
  /** -1 without a cgroup. */
  cgroupMemoryPeak: number;
  cgroupOomKills: number;
}

/** sizeof(nr_exit_record). */
export const EXIT_RECORD_SIZE = 56;
/** NR_EXIT_MAGIC ("NREX"). */
export const NR_EXIT_MAGIC = 0x5845524e;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** SIGRTMAX on Linux. */
const SIGNAL_MAX = 64;

/** What the shepherd can write: a real pid, 128 + n for signal n, counters that are safe integers. */
function plausible(r: ExitRecord): boolean {
  const exit =
    r.termSignal === 0
      ? r.exitStatus >= 0 && r.exitStatus <= 255
      : r.termSignal > 0 && r.termSignal <= SIGNAL_MAX && r.exitStatus === 128 + r.termSignal;
  const counter = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
  return (
    r.pid > 1 &&
    exit &&
    counter(r.userCpuUs, 0) &&
    counter(r.systemCpuUs, 0) &&
    counter(r.maxRssKb, 0) &&
    counter(r.cgroupMemoryPeak, -1) &&
    counter(r.cgroupOomKills, -1)
  );
}

/**
 * Decode an exit record (native byte order); null when the size or the magic
 * is wrong, or a field holds what no shepherd writes (a broken record).
 *
 * @example
 * const rec = decodeExitRecord(bytes); // { pid: 123, exitStatus: 0, ... }
 */
export function decodeExitRecord(bytes: Uint8Array): ExitRecord | null {
  if (bytes.length !== EXIT_RECORD_SIZE) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(0, LITTLE_ENDIAN) !== NR_EXIT_MAGIC) return null;
  const i64 = (at: number) => Number(v.getBigInt64(at, LITTLE_ENDIAN));
  const record: ExitRecord = {
    pid: v.getInt32(4, LITTLE_ENDIAN),
    exitStatus: v.getInt32(8, LITTLE_ENDIAN),
    termSignal: v.getInt32(12, LITTLE_ENDIAN),
    userCpuUs: i64(16),
    systemCpuUs: i64(24),
    maxRssKb: i64(32),
    cgroupMemoryPeak: i64(40),
    cgroupOomKills: i64(48),
  };
  return plausible(record) ? record : null;
}
