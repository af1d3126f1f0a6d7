import { Socket } from 'node:net';
import type { FdReader } from '@netrunner/core';

/**
 * Pull-based reader over a pipe or socket fd. The socket flows only while
 * someone waits in read(); otherwise it is paused and libuv stops reading
 * once its small buffer is full, so the child blocks on a full pipe.
 */
export class SocketReader implements FdReader {
  #socket: Socket | null;
  #queue: Uint8Array[] = [];
  #ended = false;
  #wake: (() => void) | null = null;
  #release: (socket: Socket) => void;

  /** `release` closes the socket once this reader is done (default: destroy it; a PTY's shared socket counts its users). */
  constructor(fdOrSocket: number | Socket, release: (socket: Socket) => void = (s) => s.destroy()) {
    const socket =
      typeof fdOrSocket === 'number' ? new Socket({ fd: fdOrSocket, readable: true, writable: false }) : fdOrSocket;
    this.#socket = socket;
    this.#release = release;
    socket.pause();
    socket.on('data', (chunk: Buffer) => {
      this.#queue.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      socket.pause();
      this.#signal();
    });
    const end = (): void => {
      this.#ended = true;
      this.#signal();
    };
    socket.on('end', end);
    socket.on('close', end);
    // A PTY master reads EIO once the child and every holder of the slave
    // are gone: that is its end of file, and everything before it was queued.
    socket.on('error', end);
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async read(): Promise<Uint8Array | null> {
    for (;;) {
      const chunk = this.#queue.shift();
      if (chunk !== undefined) return chunk;
      if (this.#ended || this.#socket === null) {
        this.destroy();
        return null;
      }
      const socket = this.#socket;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
        socket.resume();
      });
    }
  }

  destroy(): void {
    const socket = this.#socket;
    this.#socket = null;
    this.#ended = true;
    this.#queue = [];
    if (socket !== null) this.#release(socket);
    this.#signal();
  }
}
