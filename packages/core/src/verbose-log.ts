import { quoteCommand, type NormalizedSpawnOptions } from '@netrunner/types';
import type { ExitOutcome } from './child-state.js';

/** Where verbose lines go, or null when logging is off. */
export type VerboseSink = ((line: string) => void) | null;

const toStderr = (line: string): void => console.error(line);

/** The sink of one call: its `verbose` option, else NETRUNNER_DEBUG (`debug`). */
export function verboseSink(verbose: NormalizedSpawnOptions['verbose'], debug: boolean): VerboseSink {
  if (typeof verbose === 'function') return verbose;
  return verbose || debug ? toStderr : null;
}

/** How a child ended, in a few words. */
function ending(outcome: ExitOutcome): string {
  if ('error' in outcome) return 'lost (the shepherd died)';
  const { exitCode, signal } = outcome.info;
  return signal === null ? `exit ${exitCode}` : `killed by ${signal} (exit ${exitCode})`;
}

/**
 * One line for a child that ended.
 *
 * @example
 * exitLine(['echo', 'hi'], 4242, outcome, 3); // '[netrunner] echo hi: pid 4242, exit 0, 3 ms'
 */
export function exitLine(argv: readonly string[], pid: number, outcome: ExitOutcome, durationMs: number): string {
  return `[netrunner] ${quoteCommand(argv)}: pid ${pid}, ${ending(outcome)}, ${durationMs} ms`;
}

/** One line for a child that could not be started. */
export function failureLine(argv: readonly string[], error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return `[netrunner] ${quoteCommand(argv)}: not started, ${typeof code === 'string' ? code : String(error)}`;
}
