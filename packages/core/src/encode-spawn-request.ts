import { ValidationError } from '@netrunner/types';

/** Spawn request fields, as netrunner.h's wire format lays them out. */
export interface SpawnRequest {
  pty: boolean;
  /** NR_STDERR_*: 0 consume, 1 redirect, 2 disabled. */
  stderrMode: number;
  /** NR_ENV_*: 0 inherit, 1 overlay, 2 replace. */
  envMode: number;
  killTimeoutMs: number;
  rows: number;
  cols: number;
  argv: readonly string[];
  /** "K=V" entries. */
  env: readonly string[];
  cwd: string | null;
  cgroup: string | null;
  /** -1 = unset. */
  memoryMax: number;
  pidsMax: number;
  cpuQuotaUs: number;
  cpuPeriodUs: number;
  /** Optional sections after the base fields, each tag at most once. */
  extensions?: readonly SpawnExtension[];
}

/** One spawn request extension: an NR_EXT_* tag and the feature's bytes. */
export interface SpawnExtension {
  tag: number;
  bytes: Uint8Array;
}

/** NR_EXT_* tags (netrunner.h). */
export const NR_EXT_STDIO = 1;
export const NR_EXT_ARGV0 = 2;
export const NR_EXT_SANDBOX = 3;
export const NR_EXT_PIPELINE = 4;

/** NR_SPAWN_PTY. */
export const NR_SPAWN_PTY = 1;
/** NR_ENV_REPLACE. */
export const NR_ENV_REPLACE = 2;
/** NR_MAX_FRAME: the largest request body the shepherd accepts (8 MiB). */
export const NR_MAX_FRAME = 8 * 1024 * 1024;

/** flags, stderr_mode, env_mode, kill_timeout_ms (u32 each), rows, cols (u16 each). */
const HEADER = 4 * 4 + 2 * 2;
/** argc, envc, cwd_len, cgroup_len (u32 each). */
const COUNTS = 4 * 4;
/** memory_max, pids_max, cpu_quota_us, cpu_period_us (i64 each). */
const LIMITS = 4 * 8;
/** An extension's tag, zero pad (u16 each) and length (u32). */
const EXT_HEADER = 2 + 2 + 4;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf8 = new TextEncoder();

/**
 * Encode a spawn request body in the exact layout of netrunner.h (native byte
 * order): flags, stderr_mode, env_mode, kill_timeout_ms, rows, cols, argv,
 * env, cwd, cgroup, four int64 limits, then each extension (tag, zero pad,
 * length, bytes). A body over NR_MAX_FRAME is a
 * ValidationError naming `argv`, before any byte is sent.
 *
 * @example
 * const body = encodeSpawnRequest({ pty: false, stderrMode: 0, envMode: 2, killTimeoutMs: 5000,
 *   rows: 0, cols: 0, argv: ['echo', 'hi'], env: ['A=1'], cwd: null, cgroup: null,
 *   memoryMax: -1, pidsMax: -1, cpuQuotaUs: -1, cpuPeriodUs: -1 });
 */
export function encodeSpawnRequest(req: SpawnRequest): Uint8Array {
  const env = encodeStrings(req.env);
  const cwd = req.cwd ?? '';
  const cgroup = req.cgroup ?? '';
  // UTF-8 takes 1 to 3 bytes per UTF-16 code unit: check the least first (so
  // a huge string allocates nothing), then the exact size once written.
  const extensions = req.extensions ?? [];
  let least = HEADER + COUNTS + env.length + cwd.length + cgroup.length + LIMITS;
  for (const e of extensions) least += EXT_HEADER + e.bytes.length;
  for (const s of req.argv) least += 4 + s.length;
  if (least > NR_MAX_FRAME) throw tooLarge(req.argv, `at least ${least} bytes`);
  const out = new Uint8Array(least + 2 * (cwd.length + cgroup.length + argvUnits(req.argv)));
  const view = new DataView(out.buffer);
  let at = 0;
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, LITTLE_ENDIAN);
    at += 4;
  };
  const u16 = (v: number) => {
    view.setUint16(at, v, LITTLE_ENDIAN);
    at += 2;
  };
  const i64 = (v: number) => {
    // Exact for every safe integer, negative ones included (two's complement).
    const hi = Math.floor(v / 2 ** 32);
    const lo = v - hi * 2 ** 32;
    view.setUint32(at + (LITTLE_ENDIAN ? 0 : 4), lo, LITTLE_ENDIAN);
    view.setInt32(at + (LITTLE_ENDIAN ? 4 : 0), hi, LITTLE_ENDIAN);
    at += 8;
  };
  const str = (s: string) => {
    const { written } = utf8.encodeInto(s, out.subarray(at + 4));
    u32(written);
    at += written;
  };
  u32(req.pty ? NR_SPAWN_PTY : 0);
  u32(req.stderrMode);
  u32(req.envMode);
  u32(req.killTimeoutMs);
  u16(req.rows);
  u16(req.cols);
  u32(req.argv.length);
  for (const s of req.argv) str(s);
  u32(req.env.length);
  out.set(env, at);
  at += env.length;
  str(cwd);
  str(cgroup);
  i64(req.memoryMax);
  i64(req.pidsMax);
  i64(req.cpuQuotaUs);
  i64(req.cpuPeriodUs);
  for (const e of extensions) {
    u16(e.tag);
    u16(0);
    u32(e.bytes.length);
    out.set(e.bytes, at);
    at += e.bytes.length;
  }
  if (at > NR_MAX_FRAME) throw tooLarge(req.argv, `${at} bytes`);
  return out.subarray(0, at);
}

function argvUnits(argv: readonly string[]): number {
  let units = 0;
  for (const s of argv) units += s.length;
  return units;
}

function tooLarge(argv: readonly string[], size: string): ValidationError {
  return new ValidationError(
    'argv',
    `small enough that argv, env, cwd, cgroup and the other options together take at most ${NR_MAX_FRAME} bytes (8 MiB), the largest spawn request`,
    argv,
    { got: `a request of ${size}` },
  );
}

// The last list encoded and its bytes: the host environment is usually the
// same frozen list from one spawn to the next (see HostEnv).
let lastList: readonly string[] | null = null;
let lastBytes = new Uint8Array(0);

/** Length-prefixed UTF-8 strings, back to back (count not included). */
function encodeStrings(list: readonly string[]): Uint8Array {
  if (list === lastList && Object.isFrozen(list)) return lastBytes;
  let bound = 0;
  for (const s of list) bound += 4 + 3 * s.length;
  const out = new Uint8Array(bound);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const s of list) {
    const { written } = utf8.encodeInto(s, out.subarray(at + 4));
    view.setUint32(at, written, LITTLE_ENDIAN);
    at += 4 + written;
  }
  lastList = list;
  lastBytes = out.subarray(0, at);
  return lastBytes;
}
