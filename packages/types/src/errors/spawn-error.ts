import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';

/** Where a spawn failed (mirrors NR_STAGE_* of netrunner.h). */
export type SpawnStage =
  | 'request'
  | 'resolve'
  | 'resource'
  | 'cwd'
  | 'exec'
  | 'cgroup'
  | 'setup'
  | 'host';

const FIELD: Partial<Record<SpawnStage, string>> = {
  resolve: 'argv',
  exec: 'argv',
  cwd: 'cwd',
  cgroup: 'cgroup',
};

/**
 * The child could not be started. `.code` is the errno name ('ENOENT',
 * 'EACCES', ...), `.stage` where it failed, and `.field` the option to blame
 * when there is one: 'argv' (program not found or not executable), 'cwd'
 * (the working directory is missing or not a directory), 'cgroup'.
 *
 * @example
 * await run(['no-such-program']).catch((e) => e.code); // 'ENOENT'
 */
export class SpawnError extends NetRunnerError {
  readonly errno: number;
  readonly stage: SpawnStage;
  readonly field: string | undefined;
  readonly argv: readonly string[];

  constructor(argv: readonly string[], errno: number, code: string, stage: SpawnStage, details: ErrorDetails = {}) {
    const field = FIELD[stage];
    const what = field === 'cwd' ? ' (`cwd`)' : field === 'cgroup' ? ' (`cgroup`)' : '';
    super(`Cannot spawn \`${argv[0] ?? ''}\`: ${code} at stage ${stage}${what}`, { ...details, code });
    this.errno = errno;
    this.stage = stage;
    this.field = field;
    this.argv = argv;
  }
}
