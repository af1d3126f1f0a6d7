import type { ChildState } from './child-state.js';
import { terminate, type StopPolicy } from './terminate.js';

/** Why a run was cut short. */
export type StopReason = 'timeout' | 'abort' | 'maxOutput' | 'input' | 'consumer';

/**
 * Watches a timeout and an AbortSignal for one run; the first reason to stop
 * wins: the group is terminated (killSignal, killTimeout, SIGKILL), then every fd
 * is released so pending reads end. A run that ends without a reason ends in
 * finish(), which kills what is left of the group.
 */
export class RunGuard {
  reason: StopReason | null = null;
  cause: unknown = undefined;
  stopped: Promise<void> = Promise.resolve();
  #state: ChildState;
  #stop: StopPolicy;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #signal: AbortSignal | undefined;
  #onAbort = (): void => this.stop('abort', this.#signal?.reason);

  constructor(state: ChildState, opts: StopPolicy & { timeout: number; signal: AbortSignal | undefined }) {
    this.#state = state;
    this.#stop = { killTimeout: opts.killTimeout, killSignal: opts.killSignal };
    if (opts.timeout > 0) {
      this.#timer = setTimeout(() => this.stop('timeout'), opts.timeout);
      // The timeout bounds the child's run; once it has exited, waitDelay bounds its output.
      void state.exited.then(() => clearTimeout(this.#timer));
    }
    this.#signal = opts.signal;
    if (opts.signal?.aborted) this.stop('abort', opts.signal.reason);
    else opts.signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** Stop the child for `reason` (only the first call counts). */
  stop(reason: StopReason, cause?: unknown): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.cause = cause;
    const state = this.#state;
    this.stopped = terminate(state, this.#stop)
      .catch(() => undefined)
      .then(() => state.release());
  }

  /** The run ended normally: SIGKILL what is left of the group (grandchildren), unless stop() did. */
  finish(): void {
    if (this.reason !== null) return;
    try {
      this.#state.killLeftovers();
    } catch {
      // the shepherd is unreachable: it has torn the group down with it
    }
  }

  /** Remove the timer and the abort listener. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
  }
}
