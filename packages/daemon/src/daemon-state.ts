/**
 * Where a daemon is in its life:
 * - `stopped`: no child, none coming (before the first start(), after stop()).
 * - `starting`: the one spawn in flight; every start() meanwhile shares it.
 * - `running`: a child runs (or has just exited and its output is draining).
 * - `backoff`: the child exited and a restart waits for its delay.
 * - `stopping`: stop() is ending the child (or the spawn it came during).
 * - `exited`: the child ended on its own and is not restarted (by policy,
 *   after maxRestarts, or because the program cannot be spawned).
 */
export type DaemonState = 'stopped' | 'starting' | 'running' | 'backoff' | 'stopping' | 'exited';

const NEXT: Readonly<Record<DaemonState, readonly DaemonState[]>> = {
  stopped: ['starting'],
  starting: ['running', 'stopping', 'stopped', 'backoff', 'exited'],
  running: ['stopping', 'backoff', 'exited'],
  backoff: ['starting', 'stopped'],
  stopping: ['stopped'],
  exited: ['starting', 'stopped'],
};

/** A daemon's current state; refuses any transition not in the table above. */
export class DaemonStateMachine {
  #state: DaemonState = 'stopped';

  get state(): DaemonState {
    return this.#state;
  }

  /** Move to `next`; an illegal move is a bug in the daemon, so it throws. */
  to(next: DaemonState): void {
    if (!NEXT[this.#state].includes(next)) throw new Error(`Daemon state cannot go from ${this.#state} to ${next}`);
    this.#state = next;
  }
}
