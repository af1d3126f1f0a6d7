import type { FdReader } from './adapter.js';
import type { Notifier } from './notifier.js';

/** Keeps the owning Process (and its child) alive while `op` is pending. */
export type Hold = <T>(op: Promise<T>) => Promise<T>;

/** One `for await` over a channel: reading (a read in flight) or suspended at a yield. */
export interface Iteration {
  reading: boolean;
}

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
  /** True once a read was ended because the output stayed open too long (see bound()). */
  cut = false;
  /** Async iterators started and not finished. */
  readonly #iterations = new Set<Iteration>();
  /** Reads in flight that no iterator made. */
  #plainPending = 0;
  #reader: FdReader | null;
  /** The last read; later reads wait for it (a rejection included). */
  #tail: Promise<unknown> = Promise.resolve();
  #changed: Notifier;
  /** Once bound(): how long a read may find nothing before the channel is closed. */
  #graceMs: number | null = null;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(reader: FdReader | null, changed: Notifier) {
    this.#reader = reader;
    this.eof = reader === null;
    this.#changed = changed;
  }

  /** The next chunk, or null at EOF (or once released). `by` is the iterator reading, if any. */
  read(by?: Iteration): Promise<Uint8Array | null> {
    // Reads are served in order: chain on the last one only while it is in flight.
    const readOne = (): Promise<Uint8Array | null> => this.#readOne();
    const next = this.pending++ === 0 ? readOne() : this.#tail.then(readOne, readOne);
    if (by) by.reading = true;
    else this.#plainPending++;
    const settle = (): void => {
      this.pending--;
      if (by) by.reading = false;
      else this.#plainPending--;
      this.#changed.wake();
    };
    const done = next.then(
      (chunk) => {
        settle();
        return chunk;
      },
      (e: unknown) => {
        settle();
        throw e;
      },
    );
    this.#tail = done;
    return done;
  }

  async #readOne(): Promise<Uint8Array | null> {
    if (this.eof || this.#reader === null) return null;
    this.#armGrace();
    const chunk = await this.#reader.read();
    clearTimeout(this.#graceTimer);
    if (chunk === null) {
      this.eof = true;
      this.release();
      return null;
    }
    this.bytes += chunk.length;
    this.reads++;
    return chunk;
  }

  /** An async iterator over this channel started. */
  startIteration(): Iteration {
    const it: Iteration = { reading: false };
    this.#iterations.add(it);
    return it;
  }

  /** An async iterator over this channel finished. */
  endIteration(it: Iteration): void {
    this.#iterations.delete(it);
    this.#changed.wake();
  }

  /** The iterators suspended at a yield now: their loop body is running, so nobody may wait for them. */
  idleIterations(): ReadonlySet<Iteration> {
    return new Set([...this.#iterations].filter((it) => !it.reading));
  }

  /** True when no consumer is between reads of unread data, not counting the iterators in `ignored`. */
  settled(ignored: ReadonlySet<Iteration> = new Set()): boolean {
    if (this.eof) return true;
    if (this.#plainPending > 0) return false;
    for (const it of this.#iterations) if (!ignored.has(it)) return false;
    return true;
  }

  /** True while a read is in flight or an iterator is live. */
  get consumed(): boolean {
    return this.pending > 0 || this.#iterations.size > 0;
  }

  /**
   * From now on a read that finds nothing for `graceMs` ends the channel: the
   * fd is closed and that read (and every later one) gives null.
   */
  bound(graceMs: number): void {
    if (this.eof || this.#graceMs !== null) return;
    this.#graceMs = graceMs;
    if (this.pending > 0) this.#armGrace();
  }

  #armGrace(): void {
    if (this.#graceMs === null) return;
    clearTimeout(this.#graceTimer);
    this.#graceTimer = setTimeout(() => {
      if (this.eof) return;
      this.cut = true;
      this.release();
    }, this.#graceMs);
  }

  /** Close the fd; pending and later reads give null. */
  release(): void {
    clearTimeout(this.#graceTimer);
    const reader = this.#reader;
    this.#reader = null;
    this.eof = true;
    reader?.destroy();
    this.#changed.wake();
  }
}
