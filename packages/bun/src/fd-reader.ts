import type { FdReader } from '@netrunner/core';
import { OwnedFd } from './owned-fd.js';

// The part of the ReadableStream reader from Bun.file(fd).stream() we use.
interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(): Promise<void>;
}

/** Whether `e` says the process (or the system) ran out of fds. */
function isFdExhaustion(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EMFILE' || code === 'ENFILE';
}

/**
 * Pull-based reader of a pipe, socket or PTY master fd on Bun's event loop,
 * through `Bun.file(fd).stream()`. The stream is created on the first read()
 * and read only when read() is called, so a consumer that stops pulling stops
 * the child once the pipe is full (Bun reads at most one chunk ahead).
 *
 * A read error ends the stream like EOF: reading a PTY master after the child
 * has exited fails with EIO, and a socket whose peer vanished with ECONNRESET.
 */
export class BunFdReader implements FdReader {
  #fd: OwnedFd | null;
  #reader: StreamReader | null = null;

  constructor(fd: number | OwnedFd) {
    this.#fd = typeof fd === 'number' ? new OwnedFd(fd) : fd;
  }

  async read(): Promise<Uint8Array | null> {
    for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
      const fd = this.#fd;
      if (fd === null) return null;
      let reader: StreamReader | null = this.#reader;
      try {
        reader ??= this.#reader = Bun.file(fd.fd).stream().getReader();
        const { value, done } = await reader.read();
        if (!done && value !== undefined) return value;
      } catch (e) {
        // Bun dups the fd for its stream: at the fd limit that fails, and the
        // bytes are still there. Try again once fds may have been freed,
        // rather than end the stream (for a status pipe, ending would mean
        // "the shepherd died").
        if (isFdExhaustion(e) && this.#reader === reader) {
          this.#reader = null;
          await new Promise((resolve) => setTimeout(resolve, pause));
          continue;
        }
        // EIO from a PTY master whose child is gone, ECONNRESET: end of stream
      }
      this.destroy();
      return null;
    }
  }

  destroy(): void {
    const fd = this.#fd;
    const reader = this.#reader;
    this.#fd = null;
    this.#reader = null;
    if (fd === null) return;
    if (reader === null) {
      fd.release();
      return;
    }
    // Cancelling resolves a pending read() with done and closes Bun's dup;
    // close ours once Bun has let go of its own.
    reader.cancel().then(
      () => fd.release(),
      () => fd.release(),
    );
  }
}
