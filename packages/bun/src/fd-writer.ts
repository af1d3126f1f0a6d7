import type { FileSink } from 'bun';
import type { FdWriter } from '@netrunner/core';
import { OwnedFd } from './owned-fd.js';

function closedError(): Error {
  return Object.assign(new Error('write after close'), { code: 'EPIPE' });
}

/**
 * Writer of a pipe, socket or PTY master fd on Bun's event loop, through
 * `Bun.file(fd).writer()` (a FileSink). write() resolves once Bun has handed
 * every byte to the kernel: FileSink.write() returns a Promise while the pipe
 * is full, and awaiting it is what keeps memory bounded. FileSink.end() does
 * not close the fd; the writer closes it so the child reads EOF.
 */
export class BunFdWriter implements FdWriter {
  #fd: OwnedFd | null;
  #sink: FileSink | null = null;

  constructor(fd: number | OwnedFd) {
    this.#fd = typeof fd === 'number' ? new OwnedFd(fd) : fd;
  }

  async write(chunk: Uint8Array): Promise<void> {
    const fd = this.#fd;
    if (fd === null) throw closedError();
    const sink = (this.#sink ??= Bun.file(fd.fd).writer());
    const written = sink.write(chunk);
    if (typeof written !== 'number') await written;
    const flushed = sink.flush();
    if (typeof flushed !== 'number') await flushed;
  }

  async end(): Promise<void> {
    const fd = this.#fd;
    const sink = this.#sink;
    this.#fd = null;
    this.#sink = null;
    if (fd === null) return;
    try {
      if (sink !== null) await sink.end();
    } catch {
      // EPIPE: the child is gone; nothing left to flush
    } finally {
      fd.release();
    }
  }

  destroy(): void {
    const fd = this.#fd;
    const sink = this.#sink;
    this.#fd = null;
    this.#sink = null;
    if (fd === null) return;
    if (sink !== null) {
      try {
        // A write still pending settles with EPIPE once the child's side goes.
        const ended = sink.end();
        if (typeof ended !== 'number') ended.catch(() => undefined);
      } catch {
        // already failed
      }
    }
    fd.release();
  }
}
