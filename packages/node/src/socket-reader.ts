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

  constructor(fdOrSocket: number | Socket) {
    const socket =
      typeof fdOrSocket === 'number' ? new Socket({ fd: fdOrSocket, readable: true, writable: false }) : fdOrSocket;
    this.#socket = socket;
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
    socket?.destroy();
    this.#signal();
  }
}
