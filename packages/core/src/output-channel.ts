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
  /** The last read; later reads wait for it (a rejection included). */
  #tail: Promise<unknown> = Promise.resolve();
  #changed: Notifier;

  constructor(reader: FdReader | null, changed: Notifier) {
    this.#reader = reader;
    this.eof = reader === null;
    this.#changed = changed;
  }

  /** The next chunk, or null at EOF (or once released). */
  read(): Promise<Uint8Array | null> {
    // Reads are served in order: chain on the last one only while it is in flight.
    const readOne = (): Promise<Uint8Array | null> => this.#readOne();
    const next = this.pending++ === 0 ? readOne() : this.#tail.then(readOne, readOne);
    const done = next.then(
      (chunk) => {
        this.#settle();
        return chunk;
      },
      (e: unknown) => {
        this.#settle();
        throw e;
      },
    );
    this.#tail = done;
    return done;
  }

  #settle(): void {
    this.pending--;
    this.#changed.wake();
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
