import type { FdWriter } from './adapter.js';

// Back-off while the terminal's input queue is full, in ms.
const FIRST_WAIT_MS = 1;
const MAX_WAIT_MS = 50;

/** One non-blocking write(2): the bytes written, or 'again' on EAGAIN; throws on any other error. */
export type WriteSome = (chunk: Uint8Array, offset: number) => number | 'again';

function closedError(): Error {
  return Object.assign(new Error('write after close'), { code: 'EPIPE' });
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writer of a PTY master, for both runtimes. Neither runtime's own writer
 * fits a master: libuv (Node) falls back to blocking writes for a terminal it
 * cannot reopen, and Bun's FileSink clears O_NONBLOCK on it; either way a
 * child that stops reading its terminal would freeze the host's event loop.
 * This writer keeps the master non-blocking and calls write(2) itself; while
 * the terminal's input queue is full (EAGAIN) it waits with a short back-off
 * (1 ms doubling to 50 ms), so the event loop always runs. Writes go out in
 * call order; `release` is called once, when the writer is done.
 *
 * @example
 * const w = new TerminalWriter((b, at) => writeSync(fd, b, at), () => shared.release());
 */
export class TerminalWriter implements FdWriter {
  #writeSome: WriteSome | null;
  #release: () => void;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(writeSome: WriteSome, release: () => void) {
    this.#writeSome = writeSome;
    this.#release = release;
  }

  /** Resolves once every byte is in the terminal's input queue. */
  write(chunk: Uint8Array): Promise<void> {
    const done = this.#tail.then(() => this.#writeAll(chunk));
    this.#tail = done.catch(() => undefined);
    return done;
  }

  async #writeAll(chunk: Uint8Array): Promise<void> {
    let at = 0;
    let pause = FIRST_WAIT_MS;
    while (at < chunk.length) {
      const writeSome = this.#writeSome;
      if (writeSome === null) throw closedError();
      const n = writeSome(chunk, at);
      if (n === 'again') {
        await wait(pause);
        pause = Math.min(pause * 2, MAX_WAIT_MS);
      } else {
        at += n;
        pause = FIRST_WAIT_MS;
      }
    }
  }

  /** A terminal has no half-close: this only lets go of the writer half. */
  async end(): Promise<void> {
    this.destroy();
  }

  destroy(): void {
    if (this.#writeSome === null) return;
    this.#writeSome = null;
    this.#release();
  }
}
