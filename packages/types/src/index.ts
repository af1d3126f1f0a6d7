// @netrunner/types: the interface every netrunner binding shares.
export type { SignalName, Signal } from './signal.js';
export { SIGNALS, signalNumber, signalName } from './signal.js';
export type { Stats, ExitInfo, RunResult } from './result.js';
export type {
  StderrMode,
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
} from './options.js';
export type { SandboxOptions, SandboxLimits, SandboxSupport } from './sandbox-options.js';
export { normalizeSandbox, type NormalizedSandbox, type SandboxPath } from './validate/normalize-sandbox.js';
export { NetRunnerError, type ErrorDetails } from './errors/netrunner-error.js';
export { ValidationError, type ValidationDetails } from './errors/validation-error.js';
export { SpawnError, type SpawnStage } from './errors/spawn-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { MaxOutputExceededError } from './errors/max-output-exceeded-error.js';
export { AbortError } from './errors/abort-error.js';
export { NonZeroExitError } from './errors/non-zero-exit-error.js';
export { errnoName } from './errno-name.js';
export { errnoMeaning } from './errors/errno-meaning.js';
export { formatValue } from './validate/format-value.js';
export { validateArgv } from './validate/validate-argv.js';
export { validateInput, INPUT_CHUNK_EXPECTED } from './validate/validate-input.js';
export { milliseconds, MAX_TIMER_MS } from './validate/checks.js';
export { normalizeCgroupPath, MAX_CGROUP_PATH, type NormalizedCgroup } from './validate/normalize-cgroup.js';
export {
  normalizeSpawnOptions,
  DEFAULT_KILL_TIMEOUT,
  DEFAULT_WAIT_DELAY,
  type NormalizedSpawnOptions,
} from './validate/normalize-spawn-options.js';
export {
  normalizeRunOptions,
  DEFAULT_MAX_OUTPUT_SIZE,
  type NormalizedRunOptions,
} from './validate/normalize-run-options.js';
