import { ValidationError } from '../errors/validation-error.js';
import { boolean, cleanString, integerIn, milliseconds, plainObject, readField } from './checks.js';
import { isAbortSignal } from './is-abort-signal.js';
import { normalizeCgroup, type NormalizedCgroup } from './normalize-cgroup.js';
import { normalizeEnv } from './normalize-env.js';
import { normalizeSandbox, type NormalizedSandbox } from './normalize-sandbox.js';
import type { OptionsOf } from './known-options.js';
import { describeStdio, normalizeStdio, type NormalizedStdio } from './normalize-stdio.js';
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
  stdin: NormalizedStdio;
  stdout: NormalizedStdio;
  stderr: NormalizedStdio;
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
  sandbox: NormalizedSandbox | null;
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

/** The stderr values a PTY accepts: its terminal is stderr too; the earlier names were accepted (and meant nothing) before. */
const PTY_STDERR = new Set<unknown>([undefined, 'pipe', 'stdout', 'consume', 'redirect', 'disabled']);

/** Under a PTY the terminal is all three streams: stdin and stdout stay 'pipe'. */
function checkPtyStdio(raw: Record<'stdin' | 'stdout' | 'stderr', unknown>, stdio: Record<'stdin' | 'stdout' | 'stderr', NormalizedStdio>): void {
  for (const stream of ['stdin', 'stdout', 'stderr'] as const) {
    if (stream === 'stderr' ? PTY_STDERR.has(raw.stderr) : stdio[stream].kind === 'pipe') continue;
    throw new ValidationError(stream, "'pipe' (or absent) with `pty`: the terminal is the child's stdin, stdout and stderr", raw[stream], {
      got: describeStdio(stdio[stream]),
    });
  }
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
  const raw = { stdin: read('stdin'), stdout: read('stdout'), stderr: read('stderr') };
  const stdin = normalizeStdio(raw.stdin, 'stdin');
  const stdout = normalizeStdio(raw.stdout, 'stdout');
  const stderr = normalizeStdio(raw.stderr, 'stderr');
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
  const sandbox = read('sandbox');
  const shellPath = shell(read('shell'));
  const preferLocal = read('preferLocal');
  const verboseOption = verbose(read('verbose'));
  if (signal !== undefined && !isAbortSignal(signal)) throw new ValidationError('signal', 'an AbortSignal', signal);
  const terminal = pty(ptyOption);
  if (terminal !== null) checkPtyStdio(raw, { stdin, stdout, stderr });
  return {
    // sh -c 'line' sh a b: the line is parsed by the shell, a and b reach it as $1 and $2, unparsed;
    // $0 is argv0 when given, as for a shell started under that name.
    argv: shellPath === null ? args : [shellPath, '-c', args[0]!, argv0Name ?? shellPath, ...args.slice(1)],
    stdin,
    stdout,
    stderr,
    pty: terminal,
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
    sandbox: sandbox === undefined ? null : normalizeSandbox(sandbox),
    shell: shellPath,
    preferLocal: preferLocal === undefined ? false : boolean(preferLocal, 'preferLocal'),
    verbose: verboseOption,
  };
}
