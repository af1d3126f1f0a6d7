import type {
  NetRunnerConfig,
  PipelineOptions,
  PipelineStreamOptions,
  RunOptions,
  RunSyncOptions,
  SpawnOptions,
  StreamOptions,
} from '../options.js';
import type { PipelineResult, RunResult } from '../result.js';
import type { TemplateValue } from '../validate/template-argv.js';
import type { Process } from './process.js';

/**
 * `$`: run() with argv written as a tagged template, or, called with
 * options, a `$` that uses them.
 */
export interface TemplateRun<T extends string | Uint8Array | string[] = string> {
  (strings: TemplateStringsArray, ...values: readonly TemplateValue[]): Promise<RunResult<T>>;
  (options: TemplateOptions & { lines: true }): TemplateRun<string[]>;
  (options: TemplateOptions & { encoding: 'buffer' }): TemplateRun<Uint8Array>;
  (options: TemplateOptions): TemplateRun<T>;
}

/** Options a `$` binds: run()'s, but never a shell (its values would be parsed). */
export type TemplateOptions = RunOptions & { shell?: false };

/**
 * What every binding exports (`@netrunner/node`, `@netrunner/bun`): write
 * code against it once and pass either module.
 *
 * @example
 * import type { NetRunner } from '@netrunner/types';
 * export async function build(nr: NetRunner) {
 *   await nr.run(['make'], { reject: true });
 * }
 * // build(await import('@netrunner/node')) or build(await import('@netrunner/bun'))
 */
export interface NetRunner {
  /**
   * Run a command to completion and collect its output. A non-zero exit is a
   * result (with `reject: true`, a NonZeroExitError carrying it); a timeout,
   * the output cap or an abort rejects. Never throws synchronously.
   * `encoding: 'buffer'` gives Buffers where the runtime has them (Node, Bun).
   *
   * @example
   * const { stdout, exitCode } = await run(['echo', 'hello']); // 'hello\n', 0
   * await run(['cat'], { input: 'from node' });                // stdout 'from node'
   * await run(['ls'], { lines: true });                        // stdout ['a.txt', 'b.txt']
   */
  run(argv: readonly string[], options: RunOptions & { lines: true }): Promise<RunResult<string[]>>;
  run(argv: readonly string[], options: RunOptions & { encoding: 'buffer' }): Promise<RunResult<Uint8Array>>;
  run(argv: readonly string[], options?: RunOptions): Promise<RunResult<string>>;
  /**
   * Stream a command's stdout, lazily (spawned on the first pull) and with
   * backpressure (the child blocks while you do not pull). Leaving the loop
   * early stops the process group; a non-zero exit rejects after the last
   * chunk with NonZeroExitError unless `reject: false`.
   *
   * @example
   * for await (const chunk of stream(['tr', 'a-z', 'A-Z'], { input: 'hello world' })) {
   *   process.stdout.write(chunk); // HELLO WORLD
   * }
   */
  stream(argv: readonly string[], options?: StreamOptions): AsyncIterable<Uint8Array>;
  /**
   * run(), blocking the calling thread until the child has ended: the same
   * shepherd, process-group kill, timeout, output cap and result. The run
   * happens on a helper thread (started once, on first use); input is
   * synchronous data; there is no `signal`.
   *
   * @example
   * const { stdout, exitCode } = runSync(['git', 'rev-parse', 'HEAD']);
   * runSync(['sleep', '9'], { timeout: 100 }); // throws TimeoutError, the group is gone
   */
  runSync(argv: readonly string[], options: RunSyncOptions & { lines: true }): RunResult<string[]>;
  runSync(argv: readonly string[], options: RunSyncOptions & { encoding: 'buffer' }): RunResult<Uint8Array>;
  runSync(argv: readonly string[], options?: RunSyncOptions): RunResult<string>;
  /**
   * Start a child and get a Process to drive it (write, read, kill, wait).
   * An already aborted `signal` rejects with AbortError and starts nothing.
   *
   * @example
   * await using p = await spawn(['sleep', '100']);
   * p.kill();            // SIGTERM to the group
   * await p.wait();      // { exitCode: 143, signal: 'SIGTERM' }
   */
  spawn(argv: readonly string[], options?: SpawnOptions): Promise<Process>;
  /**
   * Run commands joined by kernel pipes, as a shell's `a | b | c`: each
   * member's stdout feeds the next one's stdin inside the kernel (no byte
   * passes through JavaScript). `input` goes to the first member; `stdout`
   * is the last one's; `stderr` is what every member wrote. The members
   * share one process group, timeout, kill and cgroup. The exit follows
   * `set -o pipefail` unless `pipefail: false`; `members` has each one's.
   *
   * @example
   * const r = await pipeline([['printf', 'b\na\nb\n'], ['sort'], ['uniq', '-c']]);
   * r.stdout;                        // '      1 a\n      2 b\n'
   * r.members.map((m) => m.exitCode); // [0, 0, 0]
   */
  pipeline(members: readonly (readonly string[])[], options: PipelineOptions & { lines: true }): Promise<PipelineResult<string[]>>;
  pipeline(
    members: readonly (readonly string[])[],
    options: PipelineOptions & { encoding: 'buffer' },
  ): Promise<PipelineResult<Uint8Array>>;
  pipeline(members: readonly (readonly string[])[], options?: PipelineOptions): Promise<PipelineResult<string>>;
  /**
   * Stream the last member's stdout of a pipeline, as stream() does for one
   * command: lazily, with backpressure, the whole group stopped when the
   * loop is left early; the exit `pipefail` picks rejects with
   * NonZeroExitError after the last chunk unless `reject: false`.
   *
   * @example
   * for await (const chunk of streamPipeline([['cat', 'big.log'], ['grep', 'ERROR']])) process.stdout.write(chunk);
   */
  streamPipeline(members: readonly (readonly string[])[], options?: PipelineStreamOptions): AsyncIterable<Uint8Array>;
  /** Kill every child (SIGKILL) and close this realm's shepherd now; the next call opens a new one. */
  shutdown(): void;
  /**
   * Set host-wide options; they apply to the shepherd started by the next
   * spawn. Throws a ValidationError for a bad value, and a NetRunnerError
   * (code 'ESHEPHERDOPEN') when a shepherd is already running with other
   * settings: call it before the first spawn, or after `shutdown()`.
   * Passing `{}` goes back to the defaults.
   *
   * @example
   * configure({ cgroupRoot: 'myapp/jobs' }); // cgroup 'build-1' -> <hierarchy>/myapp/jobs/build-1
   */
  configure(config: NetRunnerConfig): void;
  /**
   * run() with argv as a tagged template: the literal text is split on
   * whitespace, each interpolated value is exactly one argument (an array,
   * one per element), and nothing goes through a shell. `$(options)` gives
   * a `$` with those options.
   *
   * @example
   * const n = 3, fmt = '%h %s';
   * await $`git log -n ${n} --format=${fmt}`;  // argv ['git', 'log', '-n', '3', '--format=%h %s']
   * await $({ cwd: '/tmp' })`ls ${['-l', '-a']}`;
   */
  $: TemplateRun;
}

/** The former name of NetRunner. */
export type NetRunnerApi = NetRunner;
