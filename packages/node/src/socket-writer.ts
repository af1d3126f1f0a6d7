import { Socket } from 'node:net';
import type { FdWriter } from '@netrunner/core';

/** Writer over a pipe or socket fd; write() resolves once libuv has handed the bytes to the kernel. */
export class SocketWriter implements FdWriter {
  #socket: Socket | null;

  constructor(fdOrSocket: number | Socket) {
    const socket =
      typeof fdOrSocket === 'number' ? new Socket({ fd: fdOrSocket, readable: false, writable: true }) : fdOrSocket;
    socket.on('error', () => undefined); // reported through write()'s callback
    this.#socket = socket;
  }

  write(chunk: Uint8Array): Promise<void> {
    const socket = this.#socket;
    if (socket === null || socket.destroyed) {
      return Promise.reject(Object.assign(new Error('write after close'), { code: 'EPIPE' }));
    }
    return new Promise((resolve, reject) => {
      socket.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
  }

  end(): Promise<void> {
    const socket = this.#socket;
    this.#socket = null;
    if (socket === null || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end(() => socket.destroy());
    });
  }

  destroy(): void {
    const socket = this.#socket;
    this.#socket = null;
    socket?.destroy();
  }
}
