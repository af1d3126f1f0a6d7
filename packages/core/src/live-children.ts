import type { NativeHost } from './adapter.js';

/** What the host manager knows of a child it tracks. */
export interface TrackedChild {
  readonly pid: number;
  /** The cgroup path as given in the spawn request, or null. */
  readonly cgroup: string | null;
  /** A sandbox's private directory, or null. */
  readonly privateTmp: string | null;
  /** The shepherd that spawned it. */
  readonly host: NativeHost;
}

/**
 * The children of one realm, from spawn until their handle lets go of them
 * (released, or collected): the groups to kill if their shepherd dies. It
 * holds each child's state, never its Process, so a dropped Process can
 * still be collected.
 */
export class LiveChildren {
  readonly #all = new Set<TrackedChild>();

  /** A child was spawned. */
  add(child: TrackedChild): void {
    this.#all.add(child);
  }

  /** Stop tracking a child. Idempotent. */
  delete(child: TrackedChild): void {
    this.#all.delete(child);
  }

  /** The tracked children spawned by `host`. */
  of(host: NativeHost): TrackedChild[] {
    return [...this.#all].filter((c) => c.host === host);
  }
}
