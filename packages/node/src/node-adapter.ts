import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { ReadStream } from 'node:tty';
import { isMainThread } from 'node:worker_threads';
import type { HostOptions, NativeHost, RuntimeAdapter } from '@netrunner/core';
import { nativeBinding, shepherdPath } from './native-binding.js';
import { SocketReader } from './socket-reader.js';
import { SocketWriter } from './socket-writer.js';

// How long the exit hook waits for the shepherd to reap everything and exit.
const CLOSE_WAIT_MS = 2000;

function openHost(options: HostOptions = {}): NativeHost {
  const { binding, file } = nativeBinding();
  const opened = binding.open(shepherdPath(file), options.cgroupRoot);
  if ('errno' in opened) {
    throw Object.assign(new Error(`@netrunner/node: cannot start the shepherd (errno ${opened.errno})`), {
      code: 'ESHEPHERD',
      errno: opened.errno,
    });
  }
  const { ctl, pid } = opened;
  let closed = false;
  return {
    spawn: (request) => (closed ? { errno: 32, stage: 0 } : binding.spawn(ctl, request)),
    signal: (target, signal) => (closed ? -3 : binding.signal({ ctl, pid: target, signal })),
    killAll: (signal) => {
      if (!closed) binding.killAll({ ctl, signal });
    },
    ptyResize: (fd, rows, cols) => binding.ptyResize({ fd, rows, cols }),
    close: () => {
      if (closed) return;
      closed = true;
      binding.close({ ctl, pid, waitMs: CLOSE_WAIT_MS });
    },
  };
}

/** The Node.js RuntimeAdapter: N-API for the shepherd calls, net.Socket for fd I/O. */
export const nodeAdapter: RuntimeAdapter = {
  openHost,
  reader: (fd) => new SocketReader(fd),
  writer: (fd) => new SocketWriter(fd),
  duplex: (fd) => {
    let socket: Socket;
    try {
      socket = new Socket({ fd, readable: true, writable: true });
    } catch {
      socket = new ReadStream(fd); // a PTY master is a TTY to libuv; tty.ReadStream writes too
    }
    return { reader: new SocketReader(socket), writer: new SocketWriter(socket) };
  },
  onProcessExit: (fn) => {
    // 'exit' also fires for process.exit() and after an uncaught exception.
    process.on('exit', fn);
  },
  killGroup: (pgid, signal) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  },
  readStatus: (fd) =>
    new Promise((resolve, reject) => {
      const rc = nativeBinding().binding.watchExit(fd, resolve);
      if (rc < 0) {
        closeSync(fd);
        reject(Object.assign(new Error(`@netrunner/node: cannot watch a status pipe (errno ${-rc})`), { errno: -rc }));
      }
    }),
  closeFd: (fd) => closeSync(fd),
  env: () => process.env,
  // On the main thread process.env is the C environment; a worker's is its own copy.
  envStamp: isMainThread ? () => nativeBinding().binding.envGeneration() : () => undefined,
};
