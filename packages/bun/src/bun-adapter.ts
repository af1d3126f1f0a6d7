import { TerminalWriter, type RuntimeAdapter } from '@netrunner/core';
import { blockingRunner, groupExists, isFdOpen, killGroup, nodeInterop, onProcessExit, openFile, pathExists, removeTree, writeSome } from '@netrunner/core/posix';
import { BunFdReader } from './fd-reader.js';
import { BunFdWriter } from './fd-writer.js';
import { BunNativeHost } from './bun-native-host.js';
import { OwnedFd } from './owned-fd.js';

/** The Bun RuntimeAdapter: bun:ffi for the shepherd calls, Bun.file(fd) for fd I/O. */
export const bunAdapter: RuntimeAdapter = {
  openHost: (options) => new BunNativeHost(options),
  reader: (fd) => new BunFdReader(fd),
  writer: (fd) => new BunFdWriter(fd),
  duplex: (fd) => {
    // The shepherd made the master O_NONBLOCK (Bun's stream fails on a
    // blocking one, and a FileSink would clear it: see TerminalWriter). The
    // fd is closed once, when both halves have released it.
    const shared = new OwnedFd(fd, 2);
    return { reader: new BunFdReader(shared), writer: new TerminalWriter(writeSome(fd), () => shared.release()) };
  },
  onProcessExit,
  killGroup,
  groupExists,
  pathExists,
  removeTree,
  closeFd: (fd) => new OwnedFd(fd).release(),
  openFile,
  isFdOpen,
  env: () => process.env,
  nodeInterop,
  // The built entry, from src/ (tests) as from dist/.
  runBlocking: blockingRunner(new URL('../dist/index.js', import.meta.url).href),
};
