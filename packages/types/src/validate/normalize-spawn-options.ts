import { ValidationError } from '../errors/validation-error.js';
import type { StderrMode } from '../options.js';
import { boolean, cleanString, integerIn, milliseconds, oneOf, plainObject, readField } from './checks.js';
import { isAbortSignal } from './is-abort-signal.js';
import { normalizeCgroup, type NormalizedCgroup } from './normalize-cgroup.js';
import { normalizeEnv } from './normalize-env.js';
import { normalizeSandbox, type NormalizedSandbox } from './normalize-sandbox.js';
import { validateArgv } from './validate-argv.js';

/** Default milliseconds between SIGTERM and SIGKILL. */
export const DEFAULT_KILL_TIMEOUT = 5000;
/** Default milliseconds a child's output may stay open after it exited (see SpawnOptions.waitDelay). */
export const DEFAULT_WAIT_DELAY = 2000;

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
  sandbox: NormalizedSandbox | null;
}

function pty(value: unknown): { rows: number; cols: number } | null {
  if (value === undefined || value === false) return null;
  if (value === true) return { rows: 24, cols: 80 };
  const o = plainObject(value, 'pty');
  const rows = readField(o, 'rows', 'pty.rows');
  const cols = readField(o, 'cols', 'pty.cols');
  return {
    rows: rows === undefined ? 24 : integerIn(rows, 'pty.rows', 1, 65535),
    cols: cols === undefined ? 80 : integerIn(cols, 'pty.cols', 1, 65535),
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
  // Each option is read once: a getter cannot pass the check and then change.
  const read = (key: string): unknown => readField(o, key, key);
  const stderr = read('stderr');
  const ptyOption = read('pty');
  const killTimeout = read('killTimeout');
  const cgroup = read('cgroup');
  const cwd = read('cwd');
  const env = read('env');
  const extendEnv = read('extendEnv');
  const waitDelay = read('waitDelay');
  const signal = read('signal');
  const sandbox = read('sandbox');
  if (signal !== undefined && !isAbortSignal(signal)) throw new ValidationError('signal', 'an AbortSignal', signal);
  return {
    argv: args,
    stderr: stderr === undefined ? 'consume' : oneOf(stderr, 'stderr', ['consume', 'redirect', 'disabled'] as const),
    pty: pty(ptyOption),
    // Used by a timer and sent as a u32: both hold 0..2^31-1.
    killTimeout: killTimeout === undefined ? DEFAULT_KILL_TIMEOUT : milliseconds(killTimeout, 'killTimeout'),
    cgroup: cgroup === undefined ? null : normalizeCgroup(cgroup),
    cwd: cwd === undefined ? null : cleanString(cwd, 'cwd', true),
    env: env === undefined ? {} : normalizeEnv(env),
    extendEnv: extendEnv === undefined ? true : boolean(extendEnv, 'extendEnv'),
    waitDelay: waitDelay === undefined ? DEFAULT_WAIT_DELAY : milliseconds(waitDelay, 'waitDelay'),
    signal: signal as AbortSignal | undefined,
    sandbox: sandbox === undefined ? null : normalizeSandbox(sandbox),
  };
}
