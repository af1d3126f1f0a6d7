import { ValidationError } from './errors/validation-error.js';

/** The signal names netrunner accepts, as in NetRunner's supported list. */
export type SignalName =
  | 'SIGTERM'
  | 'SIGKILL'
  | 'SIGINT'
  | 'SIGHUP'
  | 'SIGUSR1'
  | 'SIGUSR2'
  | 'SIGSTOP'
  | 'SIGCONT'
  | 'SIGQUIT'
  | 'SIGPIPE';

/** A signal: one of the accepted names, or a Linux signal number 1..31. */
export type Signal = SignalName | number;

/**
 * The accepted signal names and their Linux numbers.
 *
 * @example
 * SIGNALS.SIGTERM; // 15
 */
export const SIGNALS: Readonly<Record<SignalName, number>> = Object.freeze({
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGTERM: 15,
  SIGCONT: 18,
  SIGSTOP: 19,
});

// Every Linux signal 1..31, used only to name a signal that killed a child.
const LINUX_NAMES = [
  '', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS',
  'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM',
  'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN',
  'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH',
  'SIGIO', 'SIGPWR', 'SIGSYS',
];

const EXPECTED = `one of ${Object.keys(SIGNALS).join(', ')} or an integer 1..31`;

/**
 * Resolve a signal name or number to its number, or throw a ValidationError.
 *
 * @example
 * signalNumber('SIGKILL'); // 9
 * signalNumber(15);        // 15
 * signalNumber(0);         // throws ValidationError (field 'signal')
 */
export function signalNumber(signal: unknown, field = 'signal'): number {
  if (typeof signal === 'string' && Object.hasOwn(SIGNALS, signal)) {
    return SIGNALS[signal as SignalName];
  }
  if (typeof signal === 'number' && Number.isInteger(signal) && signal >= 1 && signal <= 31) {
    return signal;
  }
  throw new ValidationError(field, EXPECTED, signal);
}

/**
 * The Linux name of signal number `n` (1..31), or null.
 *
 * @example
 * signalName(15); // 'SIGTERM'
 */
export function signalName(n: number): string | null {
  return Number.isInteger(n) && n >= 1 && n <= 31 ? (LINUX_NAMES[n] ?? null) : null;
}
