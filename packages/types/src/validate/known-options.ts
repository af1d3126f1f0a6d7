// Every option key each call accepts: the one list strict options check.
// A new option is added here and to the matching interface in options.ts.

/** Options spawn(), run() and stream() all accept (SpawnOptions). */
export const SPAWN_OPTION_KEYS = [
  'stdin',
  'stdout',
  'stderr',
  'pty',
  'killTimeout',
  'killSignal',
  'argv0',
  'cgroup',
  'cwd',
  'env',
  'extendEnv',
  'waitDelay',
  'signal',
  'shell',
  'preferLocal',
  'verbose',
  'sandbox',
] as const;

/** Options stream() adds (StreamOptions). */
export const STREAM_OPTION_KEYS = [...SPAWN_OPTION_KEYS, 'input', 'timeout', 'reject', 'allowNonZeroExit'] as const;

/** Options run() adds (RunOptions). */
export const RUN_OPTION_KEYS = [
  ...SPAWN_OPTION_KEYS,
  'input',
  'timeout',
  'reject',
  'maxOutputSize',
  'encoding',
  'stripFinalNewline',
  'lines',
  'all',
] as const;

/** Options runSync() accepts (RunSyncOptions): run()'s but `signal`, which nothing could fire while it blocks. */
export const RUN_SYNC_OPTION_KEYS = RUN_OPTION_KEYS.filter((k) => k !== 'signal');

/**
 * Options pipeline() takes: run()'s but `shell` (one shell line cannot be
 * several members), and `pipefail`. `pty` stays known so that passing it
 * gets its own message (one terminal cannot serve several members).
 */
export const PIPELINE_OPTION_KEYS = [...RUN_OPTION_KEYS.filter((k) => k !== 'shell'), 'pipefail'] as const;

/** Options streamPipeline() takes: stream()'s but `shell`, and `pipefail`. */
export const STREAM_PIPELINE_OPTION_KEYS = [...STREAM_OPTION_KEYS.filter((k) => k !== 'shell'), 'pipefail'] as const;

/** Keys of configure() (NetRunnerConfig). */
export const CONFIG_OPTION_KEYS = ['cgroupRoot', 'defaultTimeout'] as const;

/** Keys a Daemon adds to spawn's (DaemonOptions; the daemon keeps all three streams piped). */
export const DAEMON_OPTION_KEYS = [
  ...SPAWN_OPTION_KEYS.filter((k) => k !== 'stdin' && k !== 'stdout' && k !== 'stderr'),
  'argv',
  'runner',
  'onOutput',
  'restart',
  'restartDelay',
  'maxRestarts',
  'logger',
] as const;

/** Which call a set of options belongs to, as its messages name it. */
export type OptionsOf =
  | 'spawn()'
  | 'run()'
  | 'runSync()'
  | 'stream()'
  | 'pipeline()'
  | 'streamPipeline()'
  | 'configure()'
  | 'new Daemon()';

/** The known keys of each call, for strict options and for "it is an option of ..." hints. */
export const KNOWN_OPTION_KEYS: Readonly<Record<OptionsOf, readonly string[]>> = {
  'spawn()': SPAWN_OPTION_KEYS,
  'run()': RUN_OPTION_KEYS,
  'runSync()': RUN_SYNC_OPTION_KEYS,
  'stream()': STREAM_OPTION_KEYS,
  'pipeline()': PIPELINE_OPTION_KEYS,
  'streamPipeline()': STREAM_PIPELINE_OPTION_KEYS,
  'configure()': CONFIG_OPTION_KEYS,
  'new Daemon()': DAEMON_OPTION_KEYS,
};
