import type { ChildState } from './child-state.js';

const SIGKILL = 9;

/** The handle of `state` was collected: kill the child, or what is left of its group, and close the fds. */
export function abandon(state: ChildState): void {
  try {
    state.signal(SIGKILL);
  } catch {
    // the host is gone; the shepherd has already torn the child down
  } finally {
    state.release();
  }
}

// A Process collected while its child still runs.
const registry = new FinalizationRegistry<ChildState>(abandon);

/** Kill `state`'s child if `owner` is garbage collected before unwatch(). */
export function watch(owner: object, state: ChildState): void {
  registry.register(owner, state, state);
}

/** The owner released the child itself. */
export function unwatch(state: ChildState): void {
  registry.unregister(state);
}
