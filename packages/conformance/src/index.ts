// @netrunner/conformance: the behaviour suite, written once for every runtime.
import type { NetRunner } from '@netrunner/types';
import { badInputBehaviour } from './suites/bad-input.js';
import { cgroupBehaviour } from './suites/cgroup.js';
import { abortBehaviour } from './suites/abort.js';
import { daemonBehaviour } from './suites/daemon.js';
import { groupLeftoverBehaviour } from './suites/group-leftovers.js';
import { leakBehaviour } from './suites/leaks.js';
import { netrunnerFixedBehaviour } from './suites/netrunner-fixed.js';
import { lifecycleBehaviour } from './suites/lifecycle.js';
import { outputBehaviour } from './suites/output.js';
import { pipelineBehaviour } from './suites/pipeline.js';
import { pipelineStdioBehaviour } from './suites/pipeline-stdio.js';
import { ptyBehaviour } from './suites/pty.js';
import { readmeExamples } from './suites/readme.js';
import { sandboxBehaviour } from './suites/sandbox.js';
import { shepherdBehaviour } from './suites/shepherd.js';
import { stdioBehaviour } from './suites/stdio.js';
import { stdioGuarantees } from './suites/stdio-guarantees.js';
import { teardownBehaviour } from './suites/teardown.js';
import { validationBehaviour } from './suites/validation.js';
import { waitBehaviour } from './suites/wait.js';
import { waitDelayBehaviour } from './suites/wait-delay.js';
import { strictOptionsBehaviour } from './suites/strict-options.js';
import { errorMessageBehaviour } from './suites/error-messages.js';
import { shellTemplateBehaviour } from './suites/shell-template.js';
import { runResultBehaviour } from './suites/run-results.js';
import { verboseBehaviour } from './suites/verbose.js';
import { signalBehaviour } from './suites/signals.js';
import { argv0Behaviour } from './suites/argv0.js';
import { runSyncBehaviour } from './suites/run-sync.js';
import { cliBehaviour } from './suites/cli.js';
import { publicExportBehaviour } from './suites/public-exports.js';
import { streamInteropBehaviour } from './suites/stream-interop.js';
import { readmeStreamExamples } from './suites/readme-streams.js';
import type { ConformanceEnv, TestApi } from './test-api.js';

export type { ConformanceEnv, Matchers, TestApi } from './test-api.js';
export * from './helpers/proc.js';
export * from './helpers/bytes.js';
export * from './helpers/cgroups.js';
export { defineNativeHostChecks } from './suites/native-host.js';

/** Absolute path of the host fixture (run it as `[runtime, hostFixture, bindingEntry, mode]`). */
export const hostFixture = new URL('../fixtures/host.mjs', import.meta.url).pathname;

/**
 * Define the whole suite with the runtime's test API against a binding.
 *
 * @example
 * import { describe, it, expect, beforeAll, afterAll } from 'vitest';
 * defineConformance({ describe, it, expect, beforeAll, afterAll }, await import('@netrunner/node'),
 *   { runtime: 'node', hostCommand: [process.execPath, hostFixture, entry], gc: () => globalThis.gc?.() });
 */
export function defineConformance(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  t.describe(`netrunner conformance (${env.runtime})`, () => {
    readmeExamples(t, nr, env);
    outputBehaviour(t, nr, env);
    validationBehaviour(t, nr, env);
    badInputBehaviour(t, nr, env);
    teardownBehaviour(t, nr, env);
    ptyBehaviour(t, nr, env);
    leakBehaviour(t, nr, env);
    daemonBehaviour(t, nr, env);
    cgroupBehaviour(t, nr, env);
    shepherdBehaviour(t, nr, env);
    netrunnerFixedBehaviour(t, nr, env);
    lifecycleBehaviour(t, nr, env);
    waitDelayBehaviour(t, nr, env);
    waitBehaviour(t, nr, env);
    abortBehaviour(t, nr, env);
    groupLeftoverBehaviour(t, nr, env);
    sandboxBehaviour(t, nr, env);
    strictOptionsBehaviour(t, nr, env);
    errorMessageBehaviour(t, nr, env);
    shellTemplateBehaviour(t, nr, env);
    runResultBehaviour(t, nr, env);
    verboseBehaviour(t, nr, env);
    stdioBehaviour(t, nr, env);
    stdioGuarantees(t, nr, env);
    pipelineBehaviour(t, nr, env);
    pipelineStdioBehaviour(t, nr, env);
    signalBehaviour(t, nr, env);
    argv0Behaviour(t, nr, env);
    runSyncBehaviour(t, nr, env);
    cliBehaviour(t, nr, env);
    publicExportBehaviour(t, nr, env);
    streamInteropBehaviour(t, nr, env);
    readmeStreamExamples(t, nr, env);
  });
}
export { defineMatrix, type MatrixTestApi } from './suites/matrix.js';
export type { MatrixEnv } from './matrix/run-cell.js';
