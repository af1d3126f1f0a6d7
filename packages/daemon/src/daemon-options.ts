import type { ExitInfo, NetRunner, Process, SpawnOptions } from '@netrunner/types';
import type { DaemonState } from './daemon-state.js';

/** What a daemon needs of a binding (a NetRunner from @netrunner/types): its `spawn`, giving a DaemonProcess. */
export interface DaemonRunner {
  spawn(...args: Parameters<NetRunner['spawn']>): Promise<DaemonProcess>;
}

/** The part of a netrunner Process (from @netrunner/types) a daemon drives. */
export type DaemonProcess = Pick<Process, 'pid' | 'alive' | 'stdout' | 'stderr' | 'write' | 'wait' | 'stop' | typeof Symbol.asyncDispose>;

/** Which output a chunk came from. */
export type OutputStream = 'stdout' | 'stderr';

/** Where a daemon's output goes; it is always drained, whatever is chosen. */
export type OnOutput = 'discard' | 'log' | ((chunk: Uint8Array, stream: OutputStream) => void);

/** When a daemon is started again after its child exits on its own. */
export type RestartPolicy = 'never' | 'on-failure' | 'always';

/** Options of `new Daemon(...)`. */
export interface DaemonOptions extends Omit<SpawnOptions, 'stdin' | 'stdout' | 'stderr'> {
  /** The program and its arguments. */
  argv: readonly string[];
  /** The binding to spawn with: `import * as runner from '@netrunner/node'` (or bun). */
  runner: DaemonRunner;
  /** Default 'discard'. A callback that throws is reported and draining goes on. */
  onOutput?: OnOutput;
  /** Default 'on-failure': restart after a non-zero exit or a signal, not after exit 0. */
  restart?: RestartPolicy;
  /** First restart delay in ms, doubled per consecutive restart up to 30 s. Default 1000. */
  restartDelay?: number;
  /** Give up after this many consecutive restarts. Default Infinity. */
  maxRestarts?: number;
  /** Lines for onOutput 'log' and for reporting; default console.error. */
  logger?: (line: string) => void;
}

/** A snapshot from `daemon.status()`. */
export interface DaemonStatus {
  /** Where the daemon is in its life: stopped, starting, running, backoff, stopping or exited. */
  state: DaemonState;
  /** True while a child runs. */
  running: boolean;
  pid: number | null;
  /** The last exit of the child, if it has exited at least once. */
  lastExit: ExitInfo | null;
  /** Milliseconds since the current child started (0 when none runs). */
  uptimeMs: number;
  restarts: number;
  /** The last 64 KiB of stdout and of stderr, decoded as UTF-8. */
  stdout: string;
  stderr: string;
}
