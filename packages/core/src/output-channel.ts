import type { FdReader } from './adapter.js';
import type { Notifier } from './notifier.js';

/**
 * One output stream of a child (stdout or stderr): serializes reads, counts
 * bytes and reads, and tracks who is consuming it so `wait()` can let those
 * consumers drain before reporting the exit.
 */
export class OutputChannel {
  bytes = 0;
  reads = 0;
  eof: boolean;
  /** Reads in flight. */
  pending = 0;
  /** Async iterators started and not finished. */
  iterating = 0;
  #reader: FdReader | null;
  #tail: Promise<unknown> = Promise.resolve();
  #changed: Notifier;

  constructor(reader: FdReader | null, changed: Notifier) {
    this.#reader = reader;
    this.eof = reader === null;
    this.#changed = changed;
  }

  /** The next chunk, or null at EOF (or once released). */
  read(): Promise<Uint8Array | null> {
    this.pending++;
    const next = this.#tail.then(() => this.#readOne());
    this.#tail = next.catch(() => undefined);
    return next.finally(() => {
      this.pending--;
      this.#changed.wake();
    });
  }

  async #readOne(): Promise<Uint8Array | null> {
    if (this.eof || this.#reader === null) return null;
    const chunk = await this.#reader.read();
    if (chunk === null) {
      this.eof = true;
      this.release();
      return null;
    }
    this.bytes += chunk.length;
    this.reads++;
    return chunk;
  }

  /** An async iterator over this channel finished. */
  endIteration(): void {
    this.iterating--;
    this.#changed.wake();
  }

  /** True when no consumer is between reads of unread data. */
  get settled(): boolean {
    return this.eof || (this.pending === 0 && this.iterating === 0);
  }

  /** Close the fd; pending and later reads give null. */
  release(): void {
    const reader = this.#reader;
    this.#reader = null;
    this.eof = true;
    reader?.destroy();
    this.#changed.wake();
  }
}
