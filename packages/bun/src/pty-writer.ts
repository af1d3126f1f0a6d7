import { writeSync } from 'node:fs';
import type { FdWriter } from '@netrunner/core';
import type { OwnedFd } from './owned-fd.js';

// Back-off while the terminal's input queue is full (EAGAIN), in ms.
const FIRST_WAIT_MS = 1;
const MAX_WAIT_MS = 50;

function closedError(): Error {
  return Object.assign(new Error('write after close'), { code: 'EPIPE' });
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writer of a PTY master on Bun. Not a FileSink: `Bun.file(fd).writer()` on a
 * terminal clears O_NONBLOCK on the master's (shared) file description, after
 * which the reader half fails with ESPIPE and a full input queue would block
 * the event loop. This writer keeps the master non-blocking and writes with
 * write(2) directly; while the queue is full (EAGAIN, the child is not
 * reading) it waits with a short back-off, so the event loop never blocks.
 */
export class PtyWriter implements FdWriter {
  #fd: OwnedFd | null;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(fd: OwnedFd) {
    this.#fd = fd;
  }

  /** Resolves once every byte is in the terminal's input queue; writes go out in call order. */
  write(chunk: Uint8Array): Promise<void> {
    const done = this.#tail.then(() => this.#writeAll(chunk));
    this.#tail = done.catch(() => undefined);
    return done;
  }

  async #writeAll(chunk: Uint8Array): Promise<void> {
    let at = 0;
    let pause = FIRST_WAIT_MS;
    while (at < chunk.length) {
      const fd = this.#fd;
      if (fd === null) throw closedError();
      try {
        at += writeSync(fd.fd, chunk, at, chunk.length - at);
        pause = FIRST_WAIT_MS;
      } catch (e) {
        if ((e as { code?: string }).code !== 'EAGAIN') throw e;
        await wait(pause);
        pause = Math.min(pause * 2, MAX_WAIT_MS);
      }
    }
  }

  /** A terminal has no half-close: release this half (the reader keeps the master open). */
  async end(): Promise<void> {
    this.destroy();
  }

  destroy(): void {
    const fd = this.#fd;
    this.#fd = null;
    fd?.release();
  }
}
