import { Socket } from 'node:net';
import type { FdWriter } from '@netrunner/core';

/** Writer over a pipe or socket fd; write() resolves once libuv has handed the bytes to the kernel. */
export class SocketWriter implements FdWriter {
  #socket: Socket | null;
  #release: (socket: Socket) => void;

  /** `release` is called once when the writer is done (default: destroy the socket; a PTY's shared socket counts its users). */
  constructor(fdOrSocket: number | Socket, release: (socket: Socket) => void = (s) => s.destroy()) {
    const socket =
      typeof fdOrSocket === 'number' ? new Socket({ fd: fdOrSocket, readable: false, writable: true }) : fdOrSocket;
    socket.on('error', () => undefined); // reported through write()'s callback
    this.#socket = socket;
    this.#release = release;
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
    if (socket !== null) this.#release(socket);
  }
}
