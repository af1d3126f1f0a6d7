import type { NetRunner } from '@netrunner/types';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** Every name a binding exports at run time: the API, sandboxSupport(), the error classes and SIGNALS. */
export const PUBLIC_EXPORTS: readonly string[] = [
  '$',
  'AbortError',
  'MaxOutputExceededError',
  'NetRunnerError',
  'NonZeroExitError',
  'SIGNALS',
  'ShepherdStartError',
  'SpawnError',
  'StdinClosedError',
  'TimeoutError',
  'ValidationError',
  'configure',
  'pipeline',
  'run',
  'runSync',
  'sandboxSupport',
  'shutdown',
  'spawn',
  'stream',
  'streamPipeline',
];

/** The binding (its module namespace) exports the public API and nothing internal. */
export function publicExportBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  t.describe('public exports', () => {
    t.it('are exactly the API, the error classes and SIGNALS (no validators, adapters or codecs)', () => {
      t.expect(Object.keys(nr).sort()).toEqual([...PUBLIC_EXPORTS].sort());
    });
  });
}
