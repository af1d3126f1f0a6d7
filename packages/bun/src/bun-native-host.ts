import type { HostOptions, NativeHost, SpawnReply } from '@netrunner/core';
import { ShepherdStartError, type SandboxSupport } from '@netrunner/types';
import { openLibrary, type NetrunnerSymbols } from './ffi-symbols.js';
import { libraryPath, shepherdPath } from './native-path.js';

// How long close() waits for the shepherd to reap everything and exit.
const CLOSE_WAIT_MS = 2000;
const EPIPE = 32;
const ESRCH = 3;

let loaded: { lib: NetrunnerSymbols; path: string } | undefined;

// dlopen once per realm.
function library(): { lib: NetrunnerSymbols; path: string } {
  if (loaded) return loaded;
  const path = libraryPath();
  loaded = { lib: openLibrary(path), path };
  return loaded;
}

/** nr_sandbox_support: what this kernel can enforce. */
export function sandboxSupport(): SandboxSupport {
  // nr_sandbox_info: landlock_abi, seccomp, user_namespaces, no_new_privs (four int32).
  const info = new Int32Array(4);
  library().lib.nr_sandbox_support(info);
  return { landlockAbi: info[0]!, seccomp: info[1] === 1, noNewPrivs: info[3] === 1, userNamespaces: info[2] === 1 };
}

/** Close a child's fd (one spawn() returned), untying it from this thread. */
export function closeChildFd(fd: number): void {
  library().lib.nr_fd_close_tied(fd);
}

/** One shepherd reached through bun:ffi: the NativeHost contract over nr_* calls. */
export class BunNativeHost implements NativeHost {
  readonly #lib: NetrunnerSymbols;
  readonly #ctl: number;
  readonly #pid: number;
  // nr_child: pid, stdin, stdout, stderr, status, stage (six int32).
  readonly #child = new Int32Array(6);
  #closed = false;

  constructor(options: HostOptions = {}) {
    const { lib, path } = library();
    const shepherd = shepherdPath(path);
    const pidOut = new Int32Array(1);
    const root = options.cgroupRoot === undefined ? null : Buffer.from(`${options.cgroupRoot}\0`);
    const ctl = lib.nr_host_open_with(Buffer.from(`${shepherd}\0`), root, pidOut);
    if (ctl < 0) throw new ShepherdStartError(shepherd, -ctl);
    this.#lib = lib;
    this.#ctl = ctl;
    this.#pid = pidOut[0]!;
    // Worker.terminate() runs none of a worker's exit hooks: the host is
    // closed (every group SIGKILLed) when this thread exits instead.
    lib.nr_host_close_with_thread(ctl, this.#pid);
  }

  spawn(request: Uint8Array, fds: readonly number[] = []): SpawnReply {
    if (this.#closed) return { errno: EPIPE, stage: 0 };
    const c = this.#child;
    c.fill(-1);
    c[5] = 0;
    const rc =
      fds.length === 0
        ? this.#lib.nr_spawn(this.#ctl, request, request.byteLength, c)
        : this.#lib.nr_spawn_fds(this.#ctl, request, request.byteLength, Int32Array.from(fds), fds.length, c);
    if (rc < 0) return { errno: -rc, stage: c[5]! };
    // Worker.terminate() runs no JavaScript that could close them: each fd
    // is closed when this thread exits, unless closeChildFd() closed it.
    for (let i = 1; i <= 4; i++) if (c[i]! >= 0) this.#lib.nr_fd_tie_to_thread(c[i]!);
    return { pid: c[0]!, stdinFd: c[1]!, stdoutFd: c[2]!, stderrFd: c[3]!, statusFd: c[4]! };
  }

  signal(pid: number, signal: number): number {
    return this.#closed ? -ESRCH : this.#lib.nr_signal(this.#ctl, pid, signal);
  }

  killAll(signal: number): void {
    if (!this.#closed) this.#lib.nr_kill_all(this.#ctl, signal);
  }

  reclaimCgroup(path: string): number {
    return this.#closed ? -EPIPE : this.#lib.nr_reclaim_cgroup(this.#ctl, Buffer.from(`${path}\0`));
  }

  shepherdExited(): boolean {
    return this.#closed || this.#lib.nr_host_reap(this.#ctl, this.#pid) === 1;
  }

  ptyResize(fd: number, rows: number, cols: number): number {
    return this.#lib.nr_pty_resize(fd, rows, cols);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#lib.nr_host_close(this.#ctl, this.#pid, CLOSE_WAIT_MS);
  }
}
