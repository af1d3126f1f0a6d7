// @netrunner/node: netrunner for Node.js.
import { createNetRunner, type NetRunnerApi } from '@netrunner/core';
import { nodeAdapter } from './node-adapter.js';

export * from '@netrunner/types';
export { Process, type NetRunnerApi } from '@netrunner/core';
export { nodeAdapter } from './node-adapter.js';

// One shepherd per realm, even if this module is loaded twice.
const KEY = Symbol.for('netrunner.node.api');
const realm = globalThis as { [KEY]?: NetRunnerApi };
const api: NetRunnerApi = (realm[KEY] ??= createNetRunner(nodeAdapter));

/**
 * Run a command to completion and collect its output.
 *
 * @example
 * const { stdout } = await run(['echo', 'hello']); // 'hello\n'
 */
export const run: NetRunnerApi['run'] = api.run;

/**
 * Stream a command's stdout with backpressure.
 *
 * @example
 * for await (const chunk of stream(['sort'], { input: 'b\na\n' })) process.stdout.write(chunk);
 */
export const stream: NetRunnerApi['stream'] = api.stream;

/**
 * run(), blocking until the child has ended; the same result, errors and
 * guarantees (shepherd, group kill, timeout, output cap).
 *
 * @example
 * const { stdout } = runSync(['git', 'rev-parse', 'HEAD']);
 */
export const runSync: NetRunnerApi['runSync'] = api.runSync;

/**
 * Start a child and drive it through a Process.
 *
 * @example
 * const p = await spawn(['cat']);
 * await p.write('hi'); await p.closeStdin();
 * await p.read(); // 'hi' as bytes
 */
export const spawn: NetRunnerApi['spawn'] = api.spawn;

/**
 * Run commands joined by kernel pipes (`a | b | c`); the exit follows
 * `set -o pipefail` unless `pipefail: false`.
 *
 * @example
 * const { stdout } = await pipeline([['seq', '1', '100'], ['grep', '7'], ['wc', '-l']]); // '19\n'
 */
export const pipeline: NetRunnerApi['pipeline'] = api.pipeline;

/**
 * Stream the last member's stdout of a pipeline with backpressure.
 *
 * @example
 * for await (const chunk of streamPipeline([['cat', 'big.log'], ['grep', 'ERROR']])) process.stdout.write(chunk);
 */
export const streamPipeline: NetRunnerApi['streamPipeline'] = api.streamPipeline;

/** Kill every child and close the shepherd now (it reopens on the next call). */
export const shutdown: NetRunnerApi['shutdown'] = api.shutdown;

/**
 * Set host-wide options (`cgroupRoot`, `defaultTimeout`) for the shepherd the next
 * spawn starts; call it before the first spawn or after shutdown().
 *
 * @example
 * configure({ cgroupRoot: 'myapp' }); // cgroup 'job-1' -> <hierarchy>/myapp/job-1
 */
export const configure: NetRunnerApi['configure'] = api.configure;

/**
 * run() with argv as a tagged template; each interpolated value is one
 * argument, never parsed by a shell.
 *
 * @example
 * await $`git log -n ${3} --format=${'%h %s'}`;
 * await $({ cwd: '/tmp' })`ls -l`;
 */
export const $: NetRunnerApi['$'] = api.$;

/**
 * What this kernel can enforce for the `sandbox` option: the Landlock ABI
 * (the filesystem rules need 3+), seccomp, no_new_privs, user namespaces.
 *
 * @example
 * sandboxSupport(); // { landlockAbi: 7, seccomp: true, noNewPrivs: true, userNamespaces: true }
 */
export { sandboxSupport } from './sandbox-support.js';
