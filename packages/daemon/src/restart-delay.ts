const MAX_DELAY_MS = 30_000;

/** The wait before restart number `attempt` (1-based): base, doubled each time, capped at 30 s. */
export function restartDelay(base: number, attempt: number): number {
  return Math.min(MAX_DELAY_MS, base * 2 ** Math.max(0, attempt - 1));
}
