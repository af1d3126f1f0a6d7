import type { FdReader } from '@netrunner/core';
import { nativeBinding, type ReaderHandle } from './native-binding.js';

// Read ahead up to this many bytes while nobody is waiting in read(): the
// next read() is then served without a trip through the loop.
const READ_AHEAD = 256 * 1024;

/**
 * Pull-based reader over a pipe, socket or PTY master fd, polled by the
 * addon. It polls while less than READ_AHEAD bytes are queued; beyond that
 * it stops, the kernel buffer fills, and the child blocks on its write. At
 * the end of file (or a read error: EIO is a PTY master's end) the fd is
 * closed at once and `onClose` runs; what is queued stays readable.
 */
export class NativeReader implements FdReader {
  #handle: ReaderHandle | null;
  #queue: Uint8Array[] = [];
  #queued = 0;
  #ended = false;
  #polling = false;
  #wake: (() => void) | null = null;
  #onClose: (() => void) | undefined;

  constructor(fd: number, onClose?: () => void) {
    this.#onClose = onClose;
    const { binding } = nativeBinding();
    const handle = binding.readerOpen(fd, (chunk, eof) => this.#onChunk(chunk, eof));
    if (typeof handle === 'number') {
      throw Object.assign(new Error(`@netrunner/node: cannot poll fd ${fd} (errno ${-handle})`), { errno: -handle });
    }
    this.#handle = handle;
    this.#poll(true);
  }

  #onChunk(chunk: Uint8Array | null, eof: boolean): void {
    if (chunk !== null) {
      this.#queue.push(chunk);
      this.#queued += chunk.byteLength;
      if (this.#queued >= READ_AHEAD) this.#poll(false);
    }
    // A read error (ECONNRESET) ends the stream like EOF: what came before it is kept.
    if (eof) {
      this.#ended = true;
      this.#polling = false;
      this.#close();
    }
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #poll(on: boolean): void {
    if (this.#handle === null || this.#ended || this.#polling === on) return;
    this.#polling = on;
    const { binding } = nativeBinding();
    if (on) binding.readerStart(this.#handle);
    else binding.readerStop(this.#handle);
  }

  async read(): Promise<Uint8Array | null> {
    for (;;) {
      const chunk = this.#queue.shift();
      if (chunk !== undefined) {
        this.#queued -= chunk.byteLength;
        if (this.#queued < READ_AHEAD) this.#poll(true);
        return chunk;
      }
      if (this.#ended) return null;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        this.#poll(true);
      });
    }
  }

  #close(): void {
    const handle = this.#handle;
    this.#handle = null;
    if (handle === null) return;
    nativeBinding().binding.readerClose(handle);
    this.#onClose?.();
  }

  destroy(): void {
    this.#ended = true;
    this.#queue = [];
    this.#queued = 0;
    this.#close();
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}
