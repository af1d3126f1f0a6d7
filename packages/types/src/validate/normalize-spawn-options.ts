import { ValidationError } from '../errors/validation-error.js';
import type { StderrMode } from '../options.js';
import { boolean, cleanString, integerIn, milliseconds, oneOf, plainObject, readField } from './checks.js';
import { isAbortSignal } from './is-abort-signal.js';
import { normalizeCgroup, type NormalizedCgroup } from './normalize-cgroup.js';
import { normalizeEnv } from './normalize-env.js';
import type { OptionsOf } from './known-options.js';
import { rejectUnknownOptions } from './reject-unknown-options.js';
import { signalNumber } from '../signal.js';
import { validateArgv } from './validate-argv.js';

/** Default milliseconds between SIGTERM and SIGKILL. */
export const DEFAULT_KILL_TIMEOUT = 5000;
/** SIGTERM: the signal a stop starts with unless `killSignal` says otherwise. */
export const DEFAULT_KILL_SIGNAL = 15;
/** Default milliseconds a child's output may stay open after it exited (see SpawnOptions.waitDelay). */
export const DEFAULT_WAIT_DELAY = 2000;

/** Spawn options after validation, with every default filled in. */
export interface NormalizedSpawnOptions {
  argv: string[];
  stderr: StderrMode;
  pty: { rows: number; cols: number } | null;
  killTimeout: number;
  /** The signal number a stop starts with (SIGTERM, 15, by default). */
  killSignal: number;
  /** The name the child sees as argv[0], or null for argv[0] itself. */
  argv0: string | null;
  cgroup: NormalizedCgroup | null;
  cwd: string | null;
  env: Record<string, string | undefined>;
  extendEnv: boolean;
  waitDelay: number;
  signal: AbortSignal | undefined;
  /** The shell argv[0] of the call went through, or null. */
  shell: string | null;
  preferLocal: boolean;
  /** false, true (the default sink) or the caller's sink. */
  verbose: boolean | ((line: string) => void);
}

/** The shell `shell: true` means. */
export const DEFAULT_SHELL = '/bin/sh';

function shell(value: unknown): string | null {
  if (value === undefined || value === false) return null;
  if (value === true) return DEFAULT_SHELL;
  if (typeof value !== 'string') throw new ValidationError('shell', 'a boolean or the path of a shell', value);
  return cleanString(value, 'shell', true);
}

function verbose(value: unknown): boolean | ((line: string) => void) {
  if (value === undefined) return false;
  if (typeof value === 'boolean' || typeof value === 'function') return value as boolean | ((line: string) => void);
  throw new ValidationError('verbose', 'a boolean or a function taking a line', value);
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
export function normalizeSpawnOptions(argv: unknown, options: unknown = {}, call: OptionsOf = 'spawn()'): NormalizedSpawnOptions {
  const args = validateArgv(argv);
  const o = options === undefined ? {} : plainObject(options, 'options');
  rejectUnknownOptions(o, call);
  // Each option is read once: a getter cannot pass the check and then change.
  const read = (key: string): unknown => readField(o, key, key);
  const stderr = read('stderr');
  const ptyOption = read('pty');
  const killTimeout = read('killTimeout');
  const killSignal = read('killSignal');
  const argv0 = read('argv0');
  const argv0Name = argv0 === undefined ? null : cleanString(argv0, 'argv0', true);
  const cgroup = read('cgroup');
  const cwd = read('cwd');
  const env = read('env');
  const extendEnv = read('extendEnv');
  const waitDelay = read('waitDelay');
  const signal = read('signal');
  const shellPath = shell(read('shell'));
  const preferLocal = read('preferLocal');
  const verboseOption = verbose(read('verbose'));
  if (signal !== undefined && !isAbortSignal(signal)) throw new ValidationError('signal', 'an AbortSignal', signal);
  return {
    // sh -c 'line' sh a b: the line is parsed by the shell, a and b reach it as $1 and $2, unparsed;
    // $0 is argv0 when given, as for a shell started under that name.
    argv: shellPath === null ? args : [shellPath, '-c', args[0]!, argv0Name ?? shellPath, ...args.slice(1)],
    stderr: stderr === undefined ? 'consume' : oneOf(stderr, 'stderr', ['consume', 'redirect', 'disabled'] as const),
    pty: pty(ptyOption),
    // Used by a timer and sent as a u32: both hold 0..2^31-1.
    killTimeout: killTimeout === undefined ? DEFAULT_KILL_TIMEOUT : milliseconds(killTimeout, 'killTimeout'),
    killSignal: killSignal === undefined ? DEFAULT_KILL_SIGNAL : signalNumber(killSignal, 'killSignal'),
    argv0: argv0Name,
    cgroup: cgroup === undefined ? null : normalizeCgroup(cgroup),
    cwd: cwd === undefined ? null : cleanString(cwd, 'cwd', true),
    env: env === undefined ? {} : normalizeEnv(env),
    extendEnv: extendEnv === undefined ? true : boolean(extendEnv, 'extendEnv'),
    waitDelay: waitDelay === undefined ? DEFAULT_WAIT_DELAY : milliseconds(waitDelay, 'waitDelay'),
    signal: signal as AbortSignal | undefined,
    shell: shellPath,
    preferLocal: preferLocal === undefined ? false : boolean(preferLocal, 'preferLocal'),
    verbose: verboseOption,
  };
}
