import { ValidationError } from './errors/validation-error.js';
import { nearestKey } from './validate/nearest-key.js';

/** A Linux signal name (1..31 and the aliases SIGIOT, SIGPOLL). */
export type StandardSignalName =
  | 'SIGHUP' | 'SIGINT' | 'SIGQUIT' | 'SIGILL' | 'SIGTRAP' | 'SIGABRT' | 'SIGIOT' | 'SIGBUS'
  | 'SIGFPE' | 'SIGKILL' | 'SIGUSR1' | 'SIGSEGV' | 'SIGUSR2' | 'SIGPIPE' | 'SIGALRM' | 'SIGTERM'
  | 'SIGSTKFLT' | 'SIGCHLD' | 'SIGCONT' | 'SIGSTOP' | 'SIGTSTP' | 'SIGTTIN' | 'SIGTTOU' | 'SIGURG'
  | 'SIGXCPU' | 'SIGXFSZ' | 'SIGVTALRM' | 'SIGPROF' | 'SIGWINCH' | 'SIGIO' | 'SIGPOLL' | 'SIGPWR'
  | 'SIGSYS';

/** A real-time signal by name: `SIGRTMIN`, `SIGRTMIN+n`, `SIGRTMAX-n`, `SIGRTMAX` (n 1..30). */
export type RealTimeSignalName = 'SIGRTMIN' | 'SIGRTMAX' | `SIGRTMIN+${number}` | `SIGRTMAX-${number}`;

/** Every signal name netrunner accepts. */
export type SignalName = StandardSignalName | RealTimeSignalName;

/** A signal: a name, or a Linux signal number (1..31, or 34..64 for the real-time ones). */
export type Signal = SignalName | number;

/** The first and last real-time signal a program may use (glibc keeps 32 and 33). */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

/**
 * Every standard signal name and its Linux number.
 *
 * @example
 * SIGNALS.SIGTERM;  // 15
 * SIGNALS.SIGWINCH; // 28
 */
export const SIGNALS: Readonly<Record<StandardSignalName, number>> = Object.freeze({
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7,
  SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14,
  SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21,
  SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28,
  SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
});

// The name each number is reported by (aliases lose to the first name).
const NAME_OF: readonly string[] = Object.entries(SIGNALS).reduce<string[]>((names, [name, n]) => {
  names[n] ??= name;
  return names;
}, []);

const REAL_TIME = /^SIGRT(MIN|MAX)(?:([+-])([1-9]\d?))?$/;

const EXPECTED = 'a signal name (SIGTERM, SIGWINCH, SIGRTMIN+3, ...) or an integer 1..31 or 34..64';

function realTimeNumber(name: string): number | undefined {
  const m = REAL_TIME.exec(name);
  if (!m) return undefined;
  const base = m[1] === 'MIN' ? SIGRTMIN : SIGRTMAX;
  const offset = m[2] === undefined ? 0 : Number(m[3]);
  if (m[2] !== undefined && (m[1] === 'MIN') !== (m[2] === '+')) return undefined;
  const n = m[1] === 'MIN' ? base + offset : base - offset;
  return n >= SIGRTMIN && n <= SIGRTMAX ? n : undefined;
}

function isSignalNumber(n: number): boolean {
  return Number.isInteger(n) && ((n >= 1 && n <= 31) || (n >= SIGRTMIN && n <= SIGRTMAX));
}

/**
 * Resolve a signal name or number to its number, or throw a ValidationError
 * naming `field`.
 *
 * @example
 * signalNumber('SIGKILL');     // 9
 * signalNumber('SIGRTMIN+2');  // 36
 * signalNumber(40);            // 40
 * signalNumber(0);             // throws ValidationError (field 'signal')
 */
export function signalNumber(signal: unknown, field = 'signal'): number {
  if (typeof signal === 'number' && isSignalNumber(signal)) return signal;
  if (typeof signal === 'string') {
    if (Object.hasOwn(SIGNALS, signal)) return SIGNALS[signal as StandardSignalName];
    const rt = realTimeNumber(signal);
    if (rt !== undefined) return rt;
    // Compared without the common SIG prefix, which would make any two names look close.
    const bare = signal.replace(/^sig/i, '');
    const near = bare === '' ? undefined : nearestKey(bare, Object.keys(SIGNALS).map((n) => n.slice(3)));
    if (near !== undefined && `SIG${near}` !== signal) {
      throw new ValidationError(field, `${EXPECTED} (did you mean SIG${near}?)`, signal);
    }
  }
  throw new ValidationError(field, EXPECTED, signal);
}

/**
 * The name of signal number `n` as `kill -l` prints it (`SIGTERM`,
 * `SIGRTMIN+3`, `SIGRTMAX-2`), or null.
 *
 * @example
 * signalName(15); // 'SIGTERM'
 * signalName(37); // 'SIGRTMIN+3'
 */
export function signalName(n: number): string | null {
  if (!isSignalNumber(n)) return null;
  if (n <= 31) return NAME_OF[n] ?? null;
  if (n === SIGRTMIN) return 'SIGRTMIN';
  if (n === SIGRTMAX) return 'SIGRTMAX';
  return n <= 49 ? `SIGRTMIN+${n - SIGRTMIN}` : `SIGRTMAX-${SIGRTMAX - n}`;
}
