import { ValidationError, type NormalizedSandbox } from '@netrunner/types';
import { NR_EXT_SANDBOX, type SpawnExtension } from './encode-spawn-request.js';

/** NR_SANDBOX_* flags (netrunner.h). */
const FS = 1;
const NO_NETWORK = 2;
const BEST_EFFORT = 4;
const IDS = 8;
const PRIVATE_TMP = 16;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf8 = new TextEncoder();

/** What a sandboxed spawn sends: the tag-3 extension and the child's environment. */
export interface SandboxRequest {
  extension: SpawnExtension;
  env: readonly string[];
  /** The private directory the shepherd will create, or null. */
  privateTmp: string | null;
}

/**
 * Turn a validated sandbox into its NR_EXT_SANDBOX bytes, and apply its
 * environment rules to `env` ("K=V" entries): with `envAllow`, only PATH,
 * the allowed names and the keys of `overlay` (the call's own `env`) pass;
 * with a private temporary directory, TMPDIR names it. `exists` (from the
 * runtime, when it can tell) turns a missing path into a ValidationError
 * naming its field before anything is spawned; a preset's missing system
 * directory is left out.
 */
export function sandboxRequest(
  sb: NormalizedSandbox,
  env: readonly string[],
  overlay: Record<string, string | undefined>,
  exists?: (path: string) => boolean,
): SandboxRequest {
  const paths = (sb.paths ?? []).filter((p) => {
    if (!exists || exists(p.path)) return true;
    if (p.optional) return false;
    throw new ValidationError(p.field, 'an existing path', p.path);
  });
  const tmp = sb.privateTmp ? privateTmpPath() : '';
  let childEnv = env;
  if (sb.envAllow) {
    const allowed = new Set(['PATH', ...sb.envAllow, ...Object.keys(overlay)]);
    childEnv = env.filter((entry) => allowed.has(entry.slice(0, entry.indexOf('='))));
  }
  if (tmp) childEnv = [...childEnv.filter((e) => !e.startsWith('TMPDIR=')), `TMPDIR=${tmp}`];
  const flags =
    (sb.paths ? FS : 0) |
    (sb.noNetwork ? NO_NETWORK : 0) |
    (sb.bestEffort ? BEST_EFFORT : 0) |
    (sb.ids ? IDS : 0) |
    (tmp ? PRIVATE_TMP : 0);
  return { extension: { tag: NR_EXT_SANDBOX, bytes: encode(flags, sb, paths, tmp) }, env: childEnv, privateTmp: tmp || null };
}

/** A fresh name the shepherd creates (and refuses if it exists). */
function privateTmpPath(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `/tmp/netrunner-sandbox-${hex}`;
}

function encode(flags: number, sb: NormalizedSandbox, paths: NormalizedSandbox['paths'] & object, tmp: string): Uint8Array {
  const strings = paths.map((p) => utf8.encode(p.path));
  const tmpBytes = utf8.encode(tmp);
  const groups = sb.ids?.groups ?? [];
  let size = 4 + 4 * 8 + 4 + 4 + 4 + 4 * groups.length + 4 + 4 + tmpBytes.length;
  for (const s of strings) size += 8 + s.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, LITTLE_ENDIAN);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    u32(b.length);
    out.set(b, at);
    at += b.length;
  };
  u32(flags);
  for (const v of sb.limits) {
    view.setBigInt64(at, BigInt(v), LITTLE_ENDIAN);
    at += 8;
  }
  u32(sb.ids?.uid ?? 0);
  u32(sb.ids?.gid ?? 0);
  u32(groups.length);
  for (const g of groups) u32(g);
  u32(paths.length);
  paths.forEach((p, i) => {
    u32(p.access);
    bytes(strings[i]!);
  });
  bytes(tmpBytes);
  return out;
}
