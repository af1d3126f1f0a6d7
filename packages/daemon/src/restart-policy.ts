import { SpawnError, ValidationError, type ExitInfo } from '@netrunner/types';
import type { RestartPolicy } from './daemon-options.js';

/** Whether `policy` asks for a restart after this exit (null: the child was lost). */
export function restartWanted(policy: RestartPolicy, exit: ExitInfo | null): boolean {
  if (policy === 'always') return true;
  return policy === 'on-failure' && (exit === null || exit.exitCode !== 0);
}

/**
 * Whether a spawn failure will fail the same way on every retry: bad
 * options, or a SpawnError that blames an option (program not found or not
 * executable, missing cwd, unusable cgroup). Resource shortages (EAGAIN,
 * EMFILE, ...) and a lost shepherd are worth retrying.
 */
export function isPermanentSpawnFailure(error: unknown): boolean {
  return ValidationError.isInstance(error) || (SpawnError.isInstance(error) && error.field !== undefined);
}
