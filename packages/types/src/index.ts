// @netrunner/types: the interface every netrunner binding shares.
export type { SignalName, StandardSignalName, RealTimeSignalName, Signal } from './signal.js';
export { SIGNALS, SIGRTMIN, SIGRTMAX, signalNumber, signalName } from './signal.js';
export type { Stats, ExitInfo, RunResult, PipelineMember, PipelineResult } from './result.js';
export type {
  StderrMode,
  StdinOption,
  OutputOption,
  StderrOption,
  PtyOptions,
  CpuMax,
  CgroupOptions,
  NetRunnerConfig,
  InputChunk,
  InputSource,
  SpawnOptions,
  StreamOptions,
  Encoding,
  RunOptions,
  RunSyncOptions,
  SyncInputSource,
  PipelineOptions,
  PipelineStreamOptions,
} from './options.js';
export type { SandboxOptions, SandboxLimits, SandboxSupport } from './sandbox-options.js';
export { normalizeSandbox, type NormalizedSandbox, type SandboxPath } from './validate/normalize-sandbox.js';
export { NetRunnerError, type ErrorDetails } from './errors/netrunner-error.js';
export { ValidationError, type ValidationDetails } from './errors/validation-error.js';
export { SpawnError, type SpawnStage } from './errors/spawn-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { MaxOutputExceededError, type OutputStreamName } from './errors/max-output-exceeded-error.js';
export { StdinClosedError, type StdinClosedReason } from './errors/stdin-closed-error.js';
export { ShepherdStartError } from './errors/shepherd-start-error.js';
export { quoteCommand } from './errors/quote-command.js';
export { AbortError } from './errors/abort-error.js';
export { NonZeroExitError } from './errors/non-zero-exit-error.js';
export { errnoName } from './errno-name.js';
export { errnoMeaning } from './errors/errno-meaning.js';
export { formatValue } from './validate/format-value.js';
export { validateArgv } from './validate/validate-argv.js';
export { validateInput, INPUT_CHUNK_EXPECTED } from './validate/validate-input.js';
export { milliseconds, plainObject, readField, MAX_TIMER_MS } from './validate/checks.js';
export { normalizeCgroupPath, MAX_CGROUP_PATH, type NormalizedCgroup } from './validate/normalize-cgroup.js';
export { type NormalizedStdio, type StdioStream } from './validate/normalize-stdio.js';
export {
  normalizeSpawnOptions,
  DEFAULT_SHELL,
  DEFAULT_KILL_TIMEOUT,
  DEFAULT_KILL_SIGNAL,
  DEFAULT_WAIT_DELAY,
  type NormalizedSpawnOptions,
} from './validate/normalize-spawn-options.js';
export {
  normalizeRunOptions,
  DEFAULT_MAX_OUTPUT_SIZE,
  type NormalizedRunOptions,
  type RunDefaults,
} from './validate/normalize-run-options.js';
export {
  SPAWN_OPTION_KEYS,
  RUN_OPTION_KEYS,
  RUN_SYNC_OPTION_KEYS,
  STREAM_OPTION_KEYS,
  PIPELINE_OPTION_KEYS,
  STREAM_PIPELINE_OPTION_KEYS,
  CONFIG_OPTION_KEYS,
  DAEMON_OPTION_KEYS,
  KNOWN_OPTION_KEYS,
  type OptionsOf,
} from './validate/known-options.js';
export { rejectUnknownOptions } from './validate/reject-unknown-options.js';
export { nearestKey } from './validate/nearest-key.js';
export { templateArgv, type TemplateValue } from './validate/template-argv.js';
export {
  normalizePipelineOptions,
  MAX_PIPELINE_MEMBERS,
  type NormalizedPipelineOptions,
} from './validate/normalize-pipeline-options.js';
