import { errnoMeaning } from './errno-meaning.js';
import { quoteCommand } from './quote-command.js';
import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';
import { SANDBOX_REASON } from './sandbox-reason.js';

/** Where a spawn failed (mirrors NR_STAGE_* of netrunner.h). */
export type SpawnStage =
  | 'request'
  | 'resolve'
  | 'resource'
  | 'cwd'
  | 'exec'
  | 'cgroup'
  | 'setup'
  | 'sandbox'
  | 'host';

const FIELD: Partial<Record<SpawnStage, string>> = {
  resolve: 'argv',
  exec: 'argv',
  cwd: 'cwd',
  cgroup: 'cgroup',
  sandbox: 'sandbox',
};

/** What was being done at each stage, in words. */
const DOING: Readonly<Record<SpawnStage, string>> = {
  request: 'checking the spawn request',
  resolve: 'looking up the program (`argv[0]`)',
  resource: 'creating the pipes, terminal or process',
  cwd: 'changing to the working directory (`cwd`)',
  exec: 'executing the program (`argv`)',
  cgroup: 'setting up the cgroup (`cgroup`)',
  setup: "setting up the child's stdio, session or terminal",
  sandbox: 'confining the child (`sandbox`)',
  host: 'talking to the shepherd process',
};

/** What a cgroup-stage errno means, in words. */
const CGROUP_REASON: Readonly<Record<string, string>> = {
  ENOENT: 'cgroups are unavailable on this platform (no cgroup hierarchy is mounted)',
  EOPNOTSUPP: 'a requested cgroup limit cannot be enforced: no mounted cgroup hierarchy provides its controller (or cgroups are unavailable on this platform)',
  EEXIST: 'the cgroup already exists (netrunner never adopts an existing cgroup; pick a fresh path)',
  EACCES: 'no permission to create the cgroup (run as root or under a delegated cgroup)',
  EPERM: 'no permission to create the cgroup (run as root or under a delegated cgroup)',
  EROFS: 'the cgroup filesystem is read-only',
  EINVAL: 'the kernel refused the cgroup path, root or a limit value',
  EBUSY: 'the cgroup is busy',
};

/**
 * The child could not be started. `.code` is the errno name ('ENOENT',
 * 'EACCES', ...), `.stage` where it failed, and `.field` the option to blame
 * when there is one: 'argv' (program not found or not executable), 'cwd'
 * (the working directory is missing or not a directory), 'cgroup' (the
 * cgroup could not be made, limited or joined: 'ENOENT' no cgroups on this
 * platform, 'EOPNOTSUPP' a limit no hierarchy can enforce, 'EEXIST' the
 * cgroup already exists), 'sandbox' (the kernel lacks what the sandbox
 * needs: 'EOPNOTSUPP' no Landlock, 'EPROTONOSUPPORT' a Landlock ABI below
 * 6, 'ENOSYS' no seccomp; or 'EPERM' it could not be applied). The message
 * says what the errno means and what was being done, e.g. "Cannot spawn `nope --help`: ENOENT (no such file or
 * directory) at stage resolve, looking up the program (`argv[0]`)".
 *
 * @example
 * await run(['no-such-program']).catch((e) => e.code); // 'ENOENT'
 */
export class SpawnError extends NetRunnerError {
  readonly errno: number;
  readonly stage: SpawnStage;
  readonly field: string | undefined;

  constructor(argv: readonly string[], errno: number, code: string, stage: SpawnStage, details: ErrorDetails = {}) {
    const field = FIELD[stage];
    const reasons = stage === 'cgroup' ? CGROUP_REASON : stage === 'sandbox' ? SANDBOX_REASON : {};
    const reason = reasons[code] ? `: ${reasons[code]}` : '';
    const what = `${code} (${errnoMeaning(errno)}) at stage ${stage}, ${DOING[stage] ?? 'spawning'}`;
    super(`Cannot spawn \`${quoteCommand(argv)}\`: ${what}${reason}`, { ...details, argv, code });
    this.errno = errno;
    this.stage = stage;
    this.field = field;
  }
}
