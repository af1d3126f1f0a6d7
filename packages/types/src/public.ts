// @netrunner/types/public: what a binding exports besides its API functions,
// and nothing else (no validators, adapters or wire codecs).
export type { NetRunner, NetRunnerApi, TemplateOptions, TemplateRun } from './contract/netrunner.js';
export type { Process, OutputName } from './contract/process.js';
export type { NodeReadable, NodeWritable } from './contract/node-streams.js';
export type { SignalName, StandardSignalName, RealTimeSignalName, Signal } from './signal.js';
export { SIGNALS } from './signal.js';
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
export type { TemplateValue } from './validate/template-argv.js';
export { NetRunnerError, type ErrorDetails } from './errors/netrunner-error.js';
export { ValidationError } from './errors/validation-error.js';
export { SpawnError, type SpawnStage } from './errors/spawn-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { MaxOutputExceededError, type OutputStreamName } from './errors/max-output-exceeded-error.js';
export { StdinClosedError, type StdinClosedReason } from './errors/stdin-closed-error.js';
export { ShepherdStartError } from './errors/shepherd-start-error.js';
export { AbortError } from './errors/abort-error.js';
export { NonZeroExitError } from './errors/non-zero-exit-error.js';
