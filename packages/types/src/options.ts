import type { SandboxOptions } from './sandbox-options.js';
import type { Signal } from './signal.js';

/**
 * The earlier names of the stderr modes, still accepted: 'consume' is
 * 'pipe', 'redirect' is 'stdout', 'disabled' is 'ignore'.
 */
export type StderrMode = 'consume' | 'redirect' | 'disabled';

/**
 * Where the child's stdin comes from: 'pipe' (default: written through
 * `input` or `write()`), 'inherit' (the host's stdin, a terminal included),
 * 'ignore' (/dev/null), a file (read from its start), or an fd the caller
 * owns (it stays open and the caller's).
 */
export type StdinOption = 'pipe' | 'inherit' | 'ignore' | { file: string } | { fd: number };

/**
 * Where the child's stdout (or stderr) goes: 'pipe' (default: read through
 * the result, `read()` or the stream), 'inherit' (the host's, live), 'ignore'
 * (/dev/null), a file (created with mode 0666 less the umask, truncated
 * unless `append`), or an fd the caller owns. A relative `file` is resolved
 * against the host's working directory, not the child's `cwd`.
 */
export type OutputOption = 'pipe' | 'inherit' | 'ignore' | { file: string; append?: boolean } | { fd: number };

/** Where the child's stderr goes: as stdout's options, 'stdout' (into stdout, 2>&1), or an earlier name (StderrMode). */
export type StderrOption = OutputOption | 'stdout' | StderrMode;

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
  /**
   * Milliseconds every `run()` and `stream()` without its own `timeout` may
   * run (0 or absent: no bound, the default). A call's `timeout: 0` opts out.
   */
  defaultTimeout?: number;
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
  /** Where stdin comes from (default 'pipe'); see StdinOption. Not with `pty`. */
  stdin?: StdinOption;
  /** Where stdout goes (default 'pipe'); see OutputOption. Not with `pty`. */
  stdout?: OutputOption;
  /** Where stderr goes (default 'pipe'); 'stdout' joins it to stdout. Not with `pty`, but for 'pipe' and 'stdout'. */
  stderr?: StderrOption;
  /**
   * Run under a pseudo-terminal: a new session whose controlling terminal is
   * the PTY slave on fds 0, 1 and 2. stdout carries everything the terminal
   * shows (stderr included, with \r\n line ends and echo); closing stdin types
   * Ctrl-D. `true` = 24 rows x 80 columns.
   */
  pty?: boolean | PtyOptions;
  /** Milliseconds between SIGTERM and SIGKILL when netrunner stops a child. Default 5000. */
  killTimeout?: number;
  /**
   * The signal netrunner stops the group with (timeout, abort, output cap,
   * stop()), before SIGKILL after `killTimeout`. Default 'SIGTERM'. The
   * shepherd's cleanup when the host dies always uses SIGTERM.
   */
  killSignal?: Signal;
  /**
   * The name the child sees as argv[0] (`$0` of a shell, /proc/self/cmdline);
   * the program is still found from argv[0]. With `shell`, the shell's name.
   */
  argv0?: string;
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
  /**
   * Run `argv[0]` as a command line through a shell: `true` = '/bin/sh',
   * or the shell's path. The rest of argv become `$1`, `$2`, ... (never
   * parsed as shell syntax): `run(['cp -- "$1" "$2"', a, b], { shell: true })`.
   */
  shell?: boolean | string;
  /** Put `node_modules/.bin` of `cwd` and of each of its parents in front of PATH (nearest first). */
  preferLocal?: boolean;
  /**
   * Log one line per command (its argv, pid, duration and how it ended):
   * `true` to stderr, or to a function of your own. Also on for every call
   * when NETRUNNER_DEBUG=1 is set when netrunner loads.
   */
  verbose?: boolean | ((line: string) => void);
}

/** Options of `stream()`. */
export interface StreamOptions extends SpawnOptions {
  /** Data for stdin; stdin is closed after it (or at once without it). */
  input?: InputSource;
  /** Milliseconds the child may run before its process group is stopped; 0 or absent = none. */
  timeout?: number;
  /**
   * stream(): reject with NonZeroExitError after the last chunk when the
   * child exits non-zero (default true). run(): see RunOptions.reject.
   */
  reject?: boolean;
  /** Old name of `reject: false` on stream(); kept as an alias. */
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
  /** Throw NonZeroExitError (with `.result`) on a non-zero exit instead of returning it. Default false. */
  reject?: boolean;
  /** Drop one final '\n' (or '\r\n') of stdout, stderr and all. Default false. */
  stripFinalNewline?: boolean;
  /** stdout, stderr and all as arrays of lines, without their line ends (utf8 only). */
  lines?: boolean;
  /** Also collect `result.all`: stdout and stderr in the order their chunks were read. */
  all?: boolean;
}

/**
 * Options of `pipeline()`: those of `run()`, for the pipeline as a whole
 * (one timeout, one kill, one cgroup; env and cwd for every member). `input`
 * goes to the first member, `stdout` is the last member's, `stderr` is what
 * every member wrote ('redirect': into that stdout). No `pty`.
 */
export interface PipelineOptions extends Omit<RunOptions, 'pty' | 'shell'> {
  /**
   * true (default): the exit is the rightmost member's that failed, as under
   * `set -o pipefail` (a writer killed by SIGPIPE counts, as in bash: 141);
   * false: the last member's, as in a plain shell pipeline.
   */
  pipefail?: boolean;
}

/** Options of `streamPipeline()`: those of `stream()` for the pipeline as a whole, and `pipefail`. */
export interface PipelineStreamOptions extends Omit<StreamOptions, 'pty' | 'shell'> {
  /** See PipelineOptions.pipefail: which member's exit decides whether the stream ends in NonZeroExitError. */
  pipefail?: boolean;
}

/** Data for the child's stdin in `runSync()`: nothing asynchronous. */
export type SyncInputSource = InputChunk | Iterable<InputChunk>;

/** Options of `runSync()`: those of `run()` but `signal`, with synchronous input. */
export interface RunSyncOptions extends Omit<RunOptions, 'signal' | 'input'> {
  /** Data for stdin; stdin is closed after it (or at once without it). */
  input?: SyncInputSource;
}
