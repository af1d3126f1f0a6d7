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
}

/** NR_SPAWN_PTY. */
export const NR_SPAWN_PTY = 1;
/** NR_ENV_REPLACE. */
export const NR_ENV_REPLACE = 2;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf8 = new TextEncoder();

/**
 * Encode a spawn request body in the exact layout of netrunner.h (native byte
 * order): flags, stderr_mode, env_mode, kill_timeout_ms, rows, cols, argv,
 * env, cwd, cgroup, then four int64 limits.
 *
 * @example
 * const body = encodeSpawnRequest({ pty: false, stderrMode: 0, envMode: 2, killTimeoutMs: 5000,
 *   rows: 0, cols: 0, argv: ['echo', 'hi'], env: ['A=1'], cwd: null, cgroup: null,
 *   memoryMax: -1, pidsMax: -1, cpuQuotaUs: -1, cpuPeriodUs: -1 });
 */
export function encodeSpawnRequest(req: SpawnRequest): Uint8Array {
  const argv = req.argv.map((s) => utf8.encode(s));
  const env = req.env.map((s) => utf8.encode(s));
  const cwd = utf8.encode(req.cwd ?? '');
  const cgroup = utf8.encode(req.cgroup ?? '');
  const strings = [...argv, ...env, cwd, cgroup].reduce((n, s) => n + 4 + s.length, 0);
  const out = new Uint8Array(16 + 4 + 4 + 4 + strings + 32);
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
    view.setBigInt64(at, BigInt(v), LITTLE_ENDIAN);
    at += 8;
  };
  const str = (s: Uint8Array) => {
    u32(s.length);
    out.set(s, at);
    at += s.length;
  };
  u32(req.pty ? NR_SPAWN_PTY : 0);
  u32(req.stderrMode);
  u32(req.envMode);
  u32(req.killTimeoutMs);
  u16(req.rows);
  u16(req.cols);
  u32(argv.length);
  argv.forEach(str);
  u32(env.length);
  env.forEach(str);
  str(cwd);
  str(cgroup);
  i64(req.memoryMax);
  i64(req.pidsMax);
  i64(req.cpuQuotaUs);
  i64(req.cpuPeriodUs);
  return out;
}
