/** Wakes everyone waiting for "something changed"; holds no reference to what changed. */
export class Notifier {
  #waiters: Array<() => void> = [];

  /** Resolves at the next wake(). */
  next(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Resolve every pending next(). */
  wake(): void {
    const waiters = this.#waiters;
    if (waiters.length === 0) return;
    this.#waiters = [];
    for (const w of waiters) w();
  }
}
