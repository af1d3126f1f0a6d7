import type { ChildState } from './child-state.js';

const SIGKILL = 9;
// After the deadline, how long a read may find nothing before its channel is
// closed. The group was just SIGKILLed: its end of the pipes closes within
// microseconds, so a read still empty this long later waits on a process
// outside the group (one that called setsid, or got the fd passed).
const CUT_GRACE_MS = 100;

/**
 * The `waitDelay` bound on a child's output: once the child is reaped, its
 * stdout and stderr get `waitDelay` ms to end (a grandchild may hold them
 * open). Then what is left of its process group is SIGKILLed, and from then
 * on a read that finds nothing for CUT_GRACE_MS ends its channel.
 */
export class OutputDeadline {
  /** True once the deadline killed part of the group. */
  cut = false;
  #state: ChildState;
  #waitDelay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(state: ChildState, waitDelay: number) {
    this.#state = state;
    this.#waitDelay = waitDelay;
  }

  /** The child was reaped: start the clock unless its output has already ended. */
  start(): void {
    const { stdout, stderr } = this.#state;
    if (stdout.eof && stderr.eof) return;
    const timer = setTimeout(() => this.#expire(), this.#waitDelay);
    this.#timer = timer;
    // Output nobody is reading must not hold the host process open.
    if (!stdout.consumed && !stderr.consumed) (timer as { unref?: () => void }).unref?.();
  }

  #expire(): void {
    const { stdout, stderr } = this.#state;
    if (stdout.eof && stderr.eof) return;
    try {
      if (this.#state.signal(SIGKILL)) this.cut = true;
    } catch {
      // the shepherd is unreachable; the channels are bounded all the same
    }
    stdout.bound(CUT_GRACE_MS);
    stderr.bound(CUT_GRACE_MS);
  }

  /** Stop the clock (the child's fds are released). */
  clear(): void {
    clearTimeout(this.#timer);
  }
}
