import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShepherdStartError } from '@netrunner/types';

/** An open fd reader in the addon (addon/fd-reader.cc). */
export type ReaderHandle = { readonly __nativeReader: unique symbol };

/** The addon's exports (see addon/addon.cc). */
export interface NativeBinding {
  open(shepherdPath: string, cgroupRoot?: string): { ctl: number; pid: number } | { errno: number };
  /** nr_spawn_fds: `fds` (at most 3) ride on the request; they stay the caller's. */
  spawn(ctl: number, request: Uint8Array, fds?: Int32Array):
    | { pid: number; stdinFd: number; stdoutFd: number; stderrFd: number; statusFd: number }
    | { errno: number; stage: number };
  signal(o: { ctl: number; pid: number; signal: number }): number;
  killAll(o: { ctl: number; signal: number }): number;
  close(o: { ctl: number; pid: number; waitMs: number }): number;
  ptyResize(o: { fd: number; rows: number; cols: number }): number;
  /** nr_reclaim_cgroup: 0 or -errno. */
  reclaimCgroup(o: { ctl: number; path: string }): number;
  /** nr_host_reap: 1 the shepherd is gone (reaped), 0 running, or -errno. */
  hostReap(o: { ctl: number; pid: number }): number;
  /** A number that changes whenever the C environment (environ) does. */
  envGeneration(): number;
  /** Watch a status pipe on the loop; `callback` gets its bytes (or null) once, and the fd is closed. 0 or -errno. */
  watchExit(fd: number, callback: (record: Uint8Array | null) => void): number;
  /**
   * Take ownership of a pipe or socket fd and poll it on the loop (once
   * started): onChunk gets each batch of bytes, then eof = true once (bytes
   * may ride along; a read error ends it too, with its errno). -errno if the
   * fd cannot be polled (it stays the caller's then).
   */
  readerOpen(fd: number, onChunk: (chunk: Uint8Array | null, eof: boolean, errno: number) => void): ReaderHandle | number;
  readerStart(handle: ReaderHandle): number;
  readerStop(handle: ReaderHandle): void;
  /** Stop, close the fd; no callback after this. Idempotent. */
  readerClose(handle: ReaderHandle): void;
  /** close(2): 0 or -errno (fs.closeSync warns in a worker about fds it did not open). */
  closeFd(fd: number): number;
  /** A net.Socket owns fd from now on: a worker's teardown leaves it to Node. */
  releaseFd(fd: number): void;
  /** A close-on-exec duplicate of fd, or -errno. */
  dup(o: { fd: number }): number;
  /** nr_sandbox_support: what this kernel can enforce. */
  sandboxSupport(): { landlockAbi: number; seccomp: boolean; noNewPrivs: boolean; userNamespaces: boolean };
  protocolVersion: number;
}

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHEPHERD = 'netrunner-shepherd';
const ENOENT = 2;

let loaded: { binding: NativeBinding; file: string } | undefined;

/** Load the addon once: $NETRUNNER_ADDON_PATH, else the prebuild for this platform and libc; the error lists every path tried. */
export function nativeBinding(): { binding: NativeBinding; file: string } {
  if (loaded) return loaded;
  const [platform, arch, libc] = platformName().split('-');
  const override = process.env.NETRUNNER_ADDON_PATH;
  const file = override || join(root, 'prebuilds', `${platform}-${arch}`, `@netrunner+node.${libc}.node`);
  try {
    loaded = { binding: require(file) as NativeBinding, file };
    return loaded;
  } catch (e) {
    const error = (e as Error).message.split('\n')[0] ?? String(e);
    throw new Error(`${loadFailure()}\nTried:\n  ${file}\nError:\n  ${error}`);
  }
}

/** What went wrong, named by platform; the build command only in a source checkout (addon/ is not shipped). */
function loadFailure(): string {
  const platform = platformName();
  const shipped = shippedPrebuilds();
  const what = shipped.includes(platform) || process.env.NETRUNNER_ADDON_PATH
    ? `@netrunner/node: cannot load the native addon for ${platform} (Node ${process.version}).`
    : `@netrunner/node: no prebuilt addon for ${platform}; this package ships prebuilds for ${shipped.join(', ') || 'no platform'}.`;
  const fix = existsSync(join(root, 'addon'))
    ? ' In a source checkout, `npm run build` builds it (needs make and a C compiler); or set NETRUNNER_ADDON_PATH.'
    : ' Set NETRUNNER_ADDON_PATH to an addon built for this platform, or see the support table in the README.';
  return what + fix;
}

/** This platform as the prebuilds name it: linux-x64-glibc. $LIBC overrides the libc (as for node-gyp-build). */
function platformName(): string {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const libc = process.env.LIBC || (report?.header?.glibcVersionRuntime ? 'glibc' : 'musl');
  return `${process.platform}-${process.arch}-${libc}`;
}

/** The platforms in prebuilds/: a linux-x64 folder holding <name>.glibc.node gives linux-x64-glibc. */
function shippedPrebuilds(): string[] {
  const dir = join(root, 'prebuilds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((target) =>
    readdirSync(join(dir, target))
      .filter((file) => file.endsWith('.node'))
      .map((file) => [target, ...file.split('.').slice(1, -1)].join('-')),
  );
}

/** The shepherd executable: $NETRUNNER_SHEPHERD_PATH when set (and then only it), else next to the loaded addon, else the source tree's build. */
export function shepherdPath(addonFile: string): string {
  const override = process.env.NETRUNNER_SHEPHERD_PATH;
  const candidates = override
    ? [override]
    : [
        join(dirname(addonFile), SHEPHERD),
        join(root, 'prebuilds', `${process.platform}-${process.arch}`, SHEPHERD),
        join(root, '..', '..', 'core-c', 'out', SHEPHERD),
      ];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new ShepherdStartError(candidates[0]!, ENOENT, candidates);
  return found;
}
