import type { Readable, Writable } from 'node:stream';
import type { BlockingRunner } from './run-sync.js';

/** A successful spawn reply: the child's pid and its fds (-1 when absent). */
export interface SpawnedChild {
  pid: number;
  stdinFd: number;
  stdoutFd: number;
  stderrFd: number;
  statusFd: number;
}

/** A failed spawn reply: a positive errno and the NR_STAGE_* where it failed. */
export interface SpawnFailure {
  errno: number;
  stage: number;
}

/** What the native `spawn` returns. */
export type SpawnReply = SpawnedChild | SpawnFailure;

/** How to start a shepherd. */
export interface HostOptions {
  /** The cgroup root of the shepherd; absent = the host's environment decides. */
  cgroupRoot?: string;
}

/**
 * One shepherd, as the runtime's native binding exposes it. Every call is
 * synchronous and short (a frame out, a frame back).
 */
export interface NativeHost {
  /**
   * Send an encoded spawn request (see encodeSpawnRequest), with `fds` (at
   * most 3) riding on it for the NR_STDIO_FD entries of its stdio extension
   * (nr_spawn_fds). The fds stay open and the caller's. A closed fd fails
   * with EBADF at stage 1 (request) before anything is sent.
   */
  spawn(request: Uint8Array, fds?: readonly number[]): SpawnReply;
  /** Signal a child's process group: 0, or a negative errno (-ESRCH when it is gone). */
  signal(pid: number, signal: number): number;
  /** Signal every child's process group. */
  killAll(signal: number): void;
  /** Set a PTY's window size: 0 or a negative errno. */
  ptyResize(fd: number, rows: number, cols: number): number;
  /**
   * Kill every process in the cgroup a spawn with this `cgroup` path would
   * create, and remove it (nr_reclaim_cgroup): for the cgroups of a shepherd
   * that died. 0 once the kill is issued (the directory goes at once when
   * empty, else within a few seconds), or a negative errno: -ENOENT no such
   * cgroup, -EBUSY a live child of this shepherd runs in it, -EINVAL a bad
   * path, -EPIPE the host is closed or its shepherd gone.
   */
  reclaimCgroup(path: string): number;
  /**
   * Whether the shepherd has exited, without waiting (nr_host_reap): true
   * once it is gone, and then it is reaped (no zombie is left). Call it when
   * a status pipe ends without an exit record. True after close().
   */
  shepherdExited(): boolean;
  /** Hang up on the shepherd (it tears every child down) and reap it. */
  close(): void;
}

/**
 * Pull-based reading of one fd: the runtime reads from the OS only while a
 * `read()` is pending or a small read-ahead buffer is not full, so a consumer
 * that stops pulling stops the child (the pipe fills).
 */
export interface FdReader {
  /** The next chunk, or null at EOF. Calls are made one at a time. */
  read(): Promise<Uint8Array | null>;
  /** Close the fd; a pending read resolves null. Idempotent. */
  destroy(): void;
}

/** Writing to one fd with backpressure. */
export interface FdWriter {
  /** Resolves once the bytes are handed to the kernel; rejects with an error whose `code` is e.g. 'EPIPE'. */
  write(chunk: Uint8Array): Promise<void>;
  /** Half-close (the reader sees EOF) and close the fd. */
  end(): Promise<void>;
  /** Close the fd now. Idempotent. */
  destroy(): void;
}

/** What a runtime with node:stream and Buffer (Node, Bun) lends to Process and run(). */
export interface NodeInterop {
  Readable: typeof Readable;
  Writable: typeof Writable;
  /** A Buffer over the same memory (no copy). */
  buffer(bytes: Uint8Array): Uint8Array;
}

/**
 * Everything netrunner needs from a JavaScript runtime. @netrunner/node
 * implements it with N-API and net.Socket, @netrunner/bun with bun:ffi and
 * Bun.file(fd).
 */
export interface RuntimeAdapter {
  /**
   * Start a shepherd (called lazily, once per realm, again only if it died).
   * `cgroupRoot`, when given, replaces NETRUNNER_CGROUP_ROOT in the
   * shepherd's environment (nr_host_open_with).
   */
  openHost(options?: HostOptions): NativeHost;
  /** Take ownership of a readable fd. */
  reader(fd: number): FdReader;
  /** Take ownership of a writable fd. */
  writer(fd: number): FdWriter;
  /** Take ownership of a PTY master, readable and writable through one handle. */
  duplex(fd: number): { reader: FdReader; writer: FdWriter };
  /** Run `fn` synchronously when the host process exits (normal exit, process.exit, uncaught exception). */
  onProcessExit(fn: () => void): void;
  /**
   * Signal a process group with kill(2), bypassing the shepherd. Used only
   * once the shepherd is gone: its children die with it (PDEATHSIG), but
   * their own children do not. Never throws.
   */
  killGroup(pgid: number, signal: number): void;
  /**
   * Optional: whether a process group still has a member (kill(-pgid, 0)),
   * without a round trip to the shepherd. Lets the normal end of a run skip
   * asking the shepherd to kill a group that is already empty.
   */
  groupExists?(pgid: number): boolean;
  /**
   * Optional, a fast path for a status pipe: wait on the event loop until it
   * is readable, read it to EOF, close it, and resolve with the bytes (one
   * exit record), or null if it ended empty. Without it, the pipe is read
   * through reader().
   */
  readStatus?(fd: number): Promise<Uint8Array | null>;
  /**
   * Optional: whether a path exists (following symbolic links). With it, a
   * sandbox path that does not exist is a ValidationError before the spawn;
   * without it, the spawn fails at stage 'sandbox' with ENOENT.
   */
  pathExists?(path: string): boolean;
  /**
   * Optional: remove a directory tree without following symbolic links,
   * ignoring errors. Used for a sandbox's private directory when its
   * shepherd died before removing it.
   */
  removeTree?(path: string): void;
  /** Close an fd that no reader or writer owns. */
  closeFd(fd: number): void;
  /**
   * Open a file for a child's stdin ('read') or stdout/stderr ('truncate',
   * 'append'; created with mode 0666 less the umask), close-on-exec. A
   * relative path is resolved against the host's working directory. Throws
   * the runtime's error (with `code`, e.g. 'ENOENT') when it cannot.
   */
  openFile(path: string, mode: 'read' | 'truncate' | 'append'): number;
  /** Whether `fd` is open in this process (fstat(2) succeeds). */
  isFdOpen(fd: number): boolean;
  /** The host's environment now. */
  env(): Record<string, string | undefined>;
  /**
   * Optional: a value that changes whenever env() would return something
   * different (undefined: unknown). With it, the child environment built from
   * env() is reused while the stamp stays the same.
   */
  envStamp?(): unknown;
  /** node:stream classes and Buffer, where the runtime has them: Process.nodeStdout() and the like, run()'s Buffers. */
  nodeInterop?: NodeInterop;
  /**
   * Optional: run one runSync() request to completion while the calling
   * thread blocks (through run() on another thread, see
   * @netrunner/core/posix). Without it, runSync() throws ENOTSUP.
   */
  runBlocking?: BlockingRunner;
}
