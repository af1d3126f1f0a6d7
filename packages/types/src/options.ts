import type { SandboxOptions } from './sandbox-options.js';

/** What happens to the child's stderr. */
export type StderrMode = 'consume' | 'redirect' | 'disabled';

/** A pseudo-terminal's window size (default 24 rows x 80 columns). */
export interface PtyOptions {
  rows?: number;
  cols?: number;
}

/** CPU limit: a number of CPUs (`1.5`), or an explicit quota and period. */
export type CpuMax = number | { quotaUs: number; periodUs?: number };

/**
 * A fresh cgroup to run the child in, relative to netrunner's cgroup root
 * (see `configure({ cgroupRoot })`). Linux only. It must not exist yet; it
 * is removed, and everything left in it killed, when the child exits.
 */
export interface CgroupOptions {
  path: string;
  /** Memory limit in bytes (memory.max; no swap on top). */
  memoryMax?: number;
  /** Most processes and threads at once (pids.max). */
  pidsMax?: number;
  /** CPU bandwidth (cpu.max / cfs quota). */
  cpuMax?: CpuMax;
}

/** Host-wide settings, see `configure()`. */
export interface NetRunnerConfig {
  /**
   * The directory, relative to each cgroup hierarchy's base, under which
   * every `cgroup` path goes ('/'-separated segments of [A-Za-z0-9._-]).
   * Default: the host's NETRUNNER_CGROUP_ROOT when its shepherd starts,
   * else 'netrunner'.
   */
  cgroupRoot?: string;
}

/** One chunk of input. Strings are sent as UTF-8. */
export type InputChunk = string | Uint8Array;

/** Data for the child's stdin. */
export type InputSource =
  | InputChunk
  | Iterable<InputChunk>
  | AsyncIterable<InputChunk>;

/** Options of `spawn()`; `run()` and `stream()` accept them too. */
export interface SpawnOptions {
  /** 'consume' (default): its own channel; 'redirect': into stdout; 'disabled': /dev/null. */
  stderr?: StderrMode;
  /**
   * Run under a pseudo-terminal: a new session whose controlling terminal is
   * the PTY slave on fds 0, 1 and 2. stdout carries everything the terminal
   * shows (stderr included, with \r\n line ends and echo); closing stdin types
   * Ctrl-D. `true` = 24 rows x 80 columns.
   */
  pty?: boolean | PtyOptions;
  /** Milliseconds between SIGTERM and SIGKILL when netrunner stops a child. Default 5000. */
  killTimeout?: number;
  /** A cgroup path (relative to the cgroup root), or a path with limits. */
  cgroup?: string | CgroupOptions;
  /** Working directory of the child. Default: the host's. */
  cwd?: string;
  /** Variables to set; `undefined` removes one. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Start from the host's environment at call time (default true), else from nothing. */
  extendEnv?: boolean;
  /**
   * Milliseconds to wait, once the child has exited, for its stdout and
   * stderr to end (a grandchild may still hold them open). Then what is left
   * of its process group is SIGKILLed, reads that still find nothing are
   * ended, and the result says `outputCut: true`. Default 2000; 0 cuts at once.
   */
  waitDelay?: number;
  /**
   * Stops the process group when aborted (SIGTERM, killTimeout, SIGKILL). An
   * already aborted signal rejects with AbortError before anything is spawned.
   */
  signal?: AbortSignal;
  /** Confine what the child can reach: files, network, privileges, resources (Linux; see docs/sandbox.md). */
  sandbox?: SandboxOptions;
}

/** Options of `stream()`. */
export interface StreamOptions extends SpawnOptions {
  /** Data for stdin; stdin is closed after it (or at once without it). */
  input?: InputSource;
  /** Milliseconds the child may run before its process group is stopped; 0 or absent = none. */
  timeout?: number;
  /** Finish normally on a non-zero exit instead of rejecting with NonZeroExitError. */
  allowNonZeroExit?: boolean;
}

/** Output encoding of `run()`. */
export type Encoding = 'utf8' | 'buffer';

/** Options of `run()`. */
export interface RunOptions extends Omit<StreamOptions, 'allowNonZeroExit'> {
  /** Bytes kept per stream (stdout, stderr) before the group is stopped. Default 64 MiB. */
  maxOutputSize?: number;
  /** 'utf8' (default): strings; 'buffer': Uint8Array. */
  encoding?: Encoding;
}
