import type { ChildState } from './child-state.js';

const SIGKILL = 9;

// A Process collected while its child still runs: kill the group, close the fds.
const registry = new FinalizationRegistry<ChildState>((state) => {
  try {
    state.signal(SIGKILL); // the child, or what is left of its group
  } catch {
    // the host is gone; the shepherd has already torn the child down
  } finally {
    state.release();
  }
});

/** Kill `state`'s child if `owner` is garbage collected before unwatch(). */
export function watch(owner: object, state: ChildState): void {
  registry.register(owner, state, state);
}

/** The owner released the child itself. */
export function unwatch(state: ChildState): void {
  registry.unregister(state);
}
