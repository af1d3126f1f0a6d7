// @netrunner/core: the implementation both bindings share.
export * from '@netrunner/types';
export type { HostOptions, NativeHost, NodeInterop, FdReader, FdWriter, RuntimeAdapter, SpawnReply, SpawnedChild, SpawnFailure } from './adapter.js';
export { createNetRunner } from './create-netrunner.js';
export { Process } from './process.js';
export type { BlockingRunner, BlockingRunRequest, BlockingRunReply } from './run-sync.js';
export { makeTemplate } from './template.js';
export { TerminalWriter, type WriteSome } from './terminal-writer.js';
export {
  encodeSpawnRequest,
  type SpawnRequest,
  type SpawnExtension,
  NR_SPAWN_PTY,
  NR_ENV_REPLACE,
  NR_EXT_STDIO,
  NR_EXT_ARGV0,
  NR_EXT_SANDBOX,
  NR_EXT_PIPELINE,
} from './encode-spawn-request.js';
export { decodeExitRecord, type ExitRecord, EXIT_RECORD_SIZE, NR_EXIT_MAGIC } from './decode-exit-record.js';
export { childEnv } from './child-env.js';
