import { Socket } from 'node:net';
import type { FdReader } from '@netrunner/core';
import { drainTerminal } from './drain-terminal.js';

/** How a reader shares and ends its socket. */
export interface SocketReaderOptions {
  /** Called once when the reader is done (default: destroy the socket). A PTY's shared socket counts its users. */
  release?: (socket: Socket) => void;
  /** A PTY master's fd: at libuv's (early) end of stream, read what is left directly (see drainTerminal). */
  terminalFd?: number;
}

// Read ahead up to this many bytes while nobody is waiting in read(): the
// next read() is then served without a trip through the loop, and libuv is
// not stopped and restarted (two epoll_ctl calls) for every chunk.
const READ_AHEAD = 256 * 1024;

/**
 * Pull-based reader over a pipe or socket fd. The socket flows while someone
 * waits in read() or less than READ_AHEAD bytes are queued; otherwise it is
 * paused, libuv stops reading, and the child blocks on a full pipe.
 */
export class SocketReader implements FdReader {
  #socket: Socket | null;
  #queue: Uint8Array[] = [];
  #queued = 0;
  #ended = false;
  #wake: (() => void) | null = null;
  #release: (socket: Socket) => void;

  constructor(fdOrSocket: number | Socket, options: SocketReaderOptions = {}) {
    const socket =
      typeof fdOrSocket === 'number' ? new Socket({ fd: fdOrSocket, readable: true, writable: false }) : fdOrSocket;
    this.#socket = socket;
    this.#release = options.release ?? ((s) => s.destroy());
    const terminalFd = options.terminalFd;
    socket.pause();
    socket.on('data', (chunk: Buffer) => {
      this.#queue.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.#queued += chunk.byteLength;
      if (this.#queued >= READ_AHEAD) socket.pause();
      this.#signal();
    });
    const end = (): void => {
      this.#ended = true;
      this.#signal();
    };
    socket.on('end', () => {
      // Still open (allowHalfOpen): take what libuv left in the kernel.
      if (terminalFd !== undefined && !socket.destroyed) this.#queue.push(...drainTerminal(terminalFd));
      end();
    });
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
      if (chunk !== undefined) {
        this.#queued -= chunk.byteLength;
        if (this.#queued < READ_AHEAD && !this.#ended) this.#socket?.resume();
        return chunk;
      }
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
    this.#queued = 0;
    if (socket !== null) this.#release(socket);
    this.#signal();
  }
}
