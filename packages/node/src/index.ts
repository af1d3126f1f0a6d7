// @netrunner/node: netrunner for Node.js.
import { createNetRunner } from '@netrunner/core';
import type { NetRunner } from '@netrunner/types';
import type * as exported from './index.js';
import { nodeAdapter } from './node-adapter.js';

// The API functions below, the error classes, SIGNALS and the public types; nothing internal.
export * from '@netrunner/types/public';

// One shepherd per realm, even if this module is loaded twice.
const KEY = Symbol.for('netrunner.node.api');
const realm = globalThis as { [KEY]?: NetRunner };
const api: NetRunner = (realm[KEY] ??= createNetRunner(nodeAdapter));

/**
 * Run a command to completion and collect its output.
 *
 * @example
 * const { stdout } = await run(['echo', 'hello']); // 'hello\n'
 */
export const run: NetRunner['run'] = api.run;

/**
 * Stream a command's stdout with backpressure.
 *
 * @example
 * for await (const chunk of stream(['sort'], { input: 'b\na\n' })) process.stdout.write(chunk);
 */
export const stream: NetRunner['stream'] = api.stream;

/**
 * run(), blocking until the child has ended; the same result, errors and
 * guarantees (shepherd, group kill, timeout, output cap).
 *
 * @example
 * const { stdout } = runSync(['git', 'rev-parse', 'HEAD']);
 */
export const runSync: NetRunner['runSync'] = api.runSync;

/**
 * Start a child and drive it through a Process.
 *
 * @example
 * const p = await spawn(['cat']);
 * await p.write('hi'); await p.closeStdin();
 * await p.read(); // 'hi' as bytes
 */
export const spawn: NetRunner['spawn'] = api.spawn;

/**
 * Run commands joined by kernel pipes (`a | b | c`); the exit follows
 * `set -o pipefail` unless `pipefail: false`.
 *
 * @example
 * const { stdout } = await pipeline([['seq', '1', '100'], ['grep', '7'], ['wc', '-l']]); // '19\n'
 */
export const pipeline: NetRunner['pipeline'] = api.pipeline;

/**
 * Stream the last member's stdout of a pipeline with backpressure.
 *
 * @example
 * for await (const chunk of streamPipeline([['cat', 'big.log'], ['grep', 'ERROR']])) process.stdout.write(chunk);
 */
export const streamPipeline: NetRunner['streamPipeline'] = api.streamPipeline;

/** Kill every child and close the shepherd now (it reopens on the next call). */
export const shutdown: NetRunner['shutdown'] = api.shutdown;

/**
 * Set host-wide options (`cgroupRoot`, `defaultTimeout`) for the shepherd the next
 * spawn starts; call it before the first spawn or after shutdown().
 *
 * @example
 * configure({ cgroupRoot: 'myapp' }); // cgroup 'job-1' -> <hierarchy>/myapp/job-1
 */
export const configure: NetRunner['configure'] = api.configure;

/**
 * run() with argv as a tagged template; each interpolated value is one
 * argument, never parsed by a shell.
 *
 * @example
 * await $`git log -n ${3} --format=${'%h %s'}`;
 * await $({ cwd: '/tmp' })`ls -l`;
 */
export const $: NetRunner['$'] = api.$;

// Compile-time check: the build fails when this module's exports stop being a NetRunner.
function exportsAreNetRunner(binding: typeof exported): NetRunner {
  return binding satisfies NetRunner;
}
exportsAreNetRunner satisfies unknown;

/**
 * What this kernel can enforce for the `sandbox` option: the Landlock ABI
 * (the filesystem rules need 3+), seccomp, no_new_privs, user namespaces.
 *
 * @example
 * sandboxSupport(); // { landlockAbi: 7, seccomp: true, noNewPrivs: true, userNamespaces: true }
 */
export { sandboxSupport } from './sandbox-support.js';
