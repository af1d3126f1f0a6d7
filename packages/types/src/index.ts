// @netrunner/types: the interface every netrunner binding shares.
// The public part, as the bindings export it; the rest serves @netrunner/core.
export * from './public.js';
export { signalNumber, signalName } from './signal.js';
export { type ValidationDetails } from './errors/validation-error.js';
export { SIGRTMIN, SIGRTMAX } from './signal.js';
export { normalizeSandbox, type NormalizedSandbox, type SandboxPath } from './validate/normalize-sandbox.js';
export { quoteCommand } from './errors/quote-command.js';
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
export { templateArgv } from './validate/template-argv.js';
export {
  normalizePipelineOptions,
  MAX_PIPELINE_MEMBERS,
  type NormalizedPipelineOptions,
} from './validate/normalize-pipeline-options.js';
