import type { ChildState } from './child-state.js';
import { abandon } from './finalizer.js';

/** The child of one stream() generator, once spawned and until the generator ends. */
export interface StreamSlot {
  state: ChildState | null;
}

// A stream() generator collected mid-iteration, its child spawned and not released.
const registry = new FinalizationRegistry<StreamSlot>((slot) => {
  if (slot.state !== null) abandon(slot.state);
});

/** Kill the child in `slot` if `generator` is collected before it ends. */
export function watchStream(generator: object, slot: StreamSlot): void {
  registry.register(generator, slot);
}
