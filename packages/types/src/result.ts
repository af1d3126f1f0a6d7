/**
 * I/O and resource statistics of one child, tracked by the host.
 *
 * Kernel figures (`userCpuMs`, `systemCpuMs`, `maxRssKb`) and `exitStatus`
 * are `null` until the child has been reaped.
 */
export interface Stats {
  /** Bytes written to the child's stdin. */
  bytesIn: number;
  /** Bytes read from the child's stdout. */
  bytesOut: number;
  /** Bytes read from the child's stderr. */
  bytesErr: number;
  /** Reads from stdout that delivered data. */
  readCount: number;
  /** Writes to stdin. */
  writeCount: number;
  /** Wall-clock time from spawn to exit (or to now while running). */
  durationMs: number;
  /** The exit code, 128 + n when killed by signal n; null while running. */
  exitStatus: number | null;
  /** User CPU time of the child and its reaped descendants. */
  userCpuMs: number | null;
  /** System CPU time of the child and its reaped descendants. */
  systemCpuMs: number | null;
  /** Peak resident set size in KiB. */
  maxRssKb: number | null;
  /** Peak memory of the child's cgroup in bytes, when it ran in one. */
  cgroupMemoryPeak: number | null;
  /** OOM kills in the child's cgroup, when it ran in one. */
  cgroupOomKills: number | null;
}

/** How a child ended. */
export interface ExitInfo {
  /** The child's pid (also its process group id). */
  pid: number;
  /** The exit code; 128 + n when killed by signal n (143 for SIGTERM). */
  exitCode: number;
  /** The name of the signal that killed it, or null. */
  signal: string | null;
  /** True when its output was still open `waitDelay` ms after it exited and was cut (see SpawnOptions.waitDelay). */
  outputCut: boolean;
}

/** How one member of a pipeline ended. */
export interface PipelineMember {
  argv: string[];
  pid: number;
  /** The exit code; 128 + n when killed by signal n (141 for SIGPIPE). */
  exitCode: number;
  /** The name of the signal that killed it, or null. */
  signal: string | null;
  /** User CPU time of the member and its reaped descendants. */
  userCpuMs: number;
  systemCpuMs: number;
  /** Peak resident set size in KiB. */
  maxRssKb: number;
}

/** The outcome of `run()`: output, exit code and stats. */
export interface RunResult<T extends string | Uint8Array | string[] = string> {
  stdout: T;
  /** Empty when stderr was 'redirect'ed or 'disabled'. */
  stderr: T;
  /**
   * With `all: true`: stdout and stderr as read, chunk by chunk (each
   * stream's bytes in order; between the two, the order the reads finished).
   */
  all?: T;
  /** The command as spawned (after `shell`), and quoted as one line. */
  argv: readonly string[];
  command: string;
  exitCode: number;
  signal: string | null;
  /** True when the output was still open `waitDelay` ms after the child exited and was cut. */
  outputCut: boolean;
  pid: number;
  stats: Stats;
}

/**
 * The outcome of `pipeline()`: the last member's stdout, every member's
 * stderr, and the exit that `pipefail` picks (`exitCode`, `signal`); `pid`
 * is the first member's (the process group of all); `stats` cover the
 * whole pipeline (CPU summed, peak RSS the largest); `members` in order.
 */
export interface PipelineResult<T extends string | Uint8Array | string[] = string> extends RunResult<T> {
  members: PipelineMember[];
}
