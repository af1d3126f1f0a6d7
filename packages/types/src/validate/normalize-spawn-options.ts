import type { StderrMode } from '../options.js';
import { abortSignal } from './abort-signal.js';
import { boolean, cleanString, integerIn, nonNegativeInteger, oneOf, plainObject } from './checks.js';
import { normalizeCgroup, type NormalizedCgroup } from './normalize-cgroup.js';
import { normalizeEnv } from './normalize-env.js';
import { validateArgv } from './validate-argv.js';

/** Default milliseconds between SIGTERM and SIGKILL. */
export const DEFAULT_KILL_TIMEOUT = 5000;
/** Default milliseconds a child's output may stay open after it exited (see SpawnOptions.waitDelay). */
export const DEFAULT_WAIT_DELAY = 2000;
/** The longest delay a timer holds (2^31 - 1 ms, about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

/** Spawn options after validation, with every default filled in. */
export interface NormalizedSpawnOptions {
  argv: string[];
  stderr: StderrMode;
  pty: { rows: number; cols: number } | null;
  killTimeout: number;
  cgroup: NormalizedCgroup | null;
  cwd: string | null;
  env: Record<string, string | undefined>;
  extendEnv: boolean;
  waitDelay: number;
  signal: AbortSignal | undefined;
}

function pty(value: unknown): { rows: number; cols: number } | null {
  if (value === undefined || value === false) return null;
  if (value === true) return { rows: 24, cols: 80 };
  const o = plainObject(value, 'pty');
  return {
    rows: o.rows === undefined ? 24 : integerIn(o.rows, 'pty.rows', 1, 65535),
    cols: o.cols === undefined ? 80 : integerIn(o.cols, 'pty.cols', 1, 65535),
  };
}

/**
 * Validate argv and the options every call shares; throws ValidationError.
 *
 * @example
 * normalizeSpawnOptions(['ls'], { cwd: '/tmp' }).killTimeout; // 5000
 */
export function normalizeSpawnOptions(argv: unknown, options: unknown = {}): NormalizedSpawnOptions {
  const args = validateArgv(argv);
  const o = options === undefined ? {} : plainObject(options, 'options');
  return {
    argv: args,
    stderr: o.stderr === undefined ? 'consume' : oneOf(o.stderr, 'stderr', ['consume', 'redirect', 'disabled'] as const),
    pty: pty(o.pty),
    killTimeout: o.killTimeout === undefined ? DEFAULT_KILL_TIMEOUT : nonNegativeInteger(o.killTimeout, 'killTimeout'),
    cgroup: o.cgroup === undefined ? null : normalizeCgroup(o.cgroup),
    cwd: o.cwd === undefined ? null : cleanString(o.cwd, 'cwd', true),
    env: o.env === undefined ? {} : normalizeEnv(o.env),
    extendEnv: o.extendEnv === undefined ? true : boolean(o.extendEnv, 'extendEnv'),
    waitDelay: o.waitDelay === undefined ? DEFAULT_WAIT_DELAY : integerIn(o.waitDelay, 'waitDelay', 0, MAX_DELAY),
    signal: abortSignal(o.signal),
  };
}
