import { isMainThread } from 'node:worker_threads';
import { TerminalWriter, ShepherdStartError, type HostOptions, type NativeHost, type RuntimeAdapter } from '@netrunner/core';
import { blockingRunner, groupExists, isFdOpen, killGroup, nodeInterop, onProcessExit, openFile, pathExists, removeTree, writeSome } from '@netrunner/core/posix';
import { nativeBinding, shepherdPath } from './native-binding.js';
import { NativeReader } from './native-reader.js';
import { SocketWriter } from './socket-writer.js';

// How long the exit hook waits for the shepherd to reap everything and exit.
const CLOSE_WAIT_MS = 2000;

/** close(2) through the addon: fs.closeSync warns in a worker about fds it did not open. */
function closeFd(fd: number): void {
  nativeBinding().binding.closeFd(fd);
}

function openHost(options: HostOptions = {}): NativeHost {
  const { binding, file } = nativeBinding();
  const path = shepherdPath(file);
  const opened = binding.open(path, options.cgroupRoot);
  if ('errno' in opened) throw new ShepherdStartError(path, opened.errno);
  const { ctl, pid } = opened;
  let closed = false;
  return {
    spawn: (request, fds) => {
      if (closed) return { errno: 32, stage: 0 };
      return fds === undefined || fds.length === 0 ? binding.spawn(ctl, request) : binding.spawn(ctl, request, Int32Array.from(fds));
    },
    signal: (target, signal) => (closed ? -3 : binding.signal({ ctl, pid: target, signal })),
    killAll: (signal) => {
      if (!closed) binding.killAll({ ctl, signal });
    },
    reclaimCgroup: (path) => (closed ? -32 : binding.reclaimCgroup({ ctl, path })),
    shepherdExited: () => closed || binding.hostReap({ ctl, pid }) === 1,
    ptyResize: (fd, rows, cols) => binding.ptyResize({ fd, rows, cols }),
    close: () => {
      if (closed) return;
      closed = true;
      binding.close({ ctl, pid, waitMs: CLOSE_WAIT_MS });
    },
  };
}

/** The Node.js RuntimeAdapter: N-API for the shepherd calls and every read, net.Socket for stdin writes, non-blocking write(2) for a PTY. */
export const nodeAdapter: RuntimeAdapter = {
  openHost,
  reader: (fd) => new NativeReader(fd),
  writer: (fd) => {
    nativeBinding().binding.releaseFd(fd);
    return new SocketWriter(fd);
  },
  duplex: (fd) => {
    // The reader polls its own duplicate of the master and closes it at its
    // end of file (EIO, once the child and every holder of the slave are
    // gone), while the writer goes on using the original: closing the
    // master's last fd while the child lives would hang it up (SIGHUP). The
    // original is closed once both halves have let go. Writes do not block
    // the loop when the child stops reading (see TerminalWriter).
    const readFd = nativeBinding().binding.dup({ fd });
    if (readFd < 0) throw Object.assign(new Error(`@netrunner/node: dup of a PTY master failed (errno ${-readFd})`), { errno: -readFd });
    let users = 2;
    const release = (): void => {
      if (--users === 0) closeFd(fd);
    };
    return {
      reader: new NativeReader(readFd, release),
      writer: new TerminalWriter(writeSome(fd), release),
    };
  },
  onProcessExit,
  killGroup,
  groupExists,
  pathExists,
  removeTree,
  readStatus: (fd) =>
    new Promise((resolve, reject) => {
      const rc = nativeBinding().binding.watchExit(fd, resolve);
      if (rc < 0) {
        closeFd(fd);
        reject(Object.assign(new Error(`@netrunner/node: cannot watch a status pipe (errno ${-rc})`), { errno: -rc }));
      }
    }),
  closeFd: (fd) => closeFd(fd),
  openFile,
  isFdOpen,
  env: () => process.env,
  // On the main thread process.env is the C environment; a worker's is its own copy.
  envStamp: isMainThread ? () => nativeBinding().binding.envGeneration() : () => undefined,
  nodeInterop,
  // The built entry, from src/ (tests) as from dist/.
  runBlocking: blockingRunner(new URL('../dist/index.js', import.meta.url).href),
};
