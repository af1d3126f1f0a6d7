// @netrunner/core/posix: the adapter pieces that only need what Node and Bun
// both implement (node:fs, process). Kept out of the runtime-agnostic core
// (see purity.test.ts): a runtime without these APIs supplies its own.
import { existsSync, fstatSync, openSync, rmSync, writeSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import type { NodeInterop } from '../adapter.js';
import type { WriteSome } from '../terminal-writer.js';

/** One write(2) on a non-blocking fd, for TerminalWriter: EAGAIN becomes 'again'. */
export function writeSome(fd: number): WriteSome {
  return (chunk, offset) => {
    try {
      return writeSync(fd, chunk, offset, chunk.length - offset);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') return 'again';
      throw e;
    }
  };
}

/** Run `fn` synchronously at exit: Node and Bun fire 'exit' on a normal exit, on process.exit() and after an uncaught exception. */
export function onProcessExit(fn: () => void): void {
  process.on('exit', fn);
}

/** Whether a process group has a member: kill(-pgid, 0) succeeds, or fails with EPERM (it exists, not ours to signal). */
export function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** kill(2) of a process group; a group that is already gone (ESRCH) is not an error. */
export function killGroup(pgid: number, signal: number): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

const OPEN_FLAGS = { read: 'r', truncate: 'w', append: 'a' } as const;

/** open(2) for a child's stdio; Node and Bun both open close-on-exec. */
export function openFile(path: string, mode: 'read' | 'truncate' | 'append'): number {
  return openSync(path, OPEN_FLAGS[mode], 0o666);
}

/** Whether `fd` is open in this process. */
export function isFdOpen(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

/** Whether a path exists, following symbolic links (RuntimeAdapter.pathExists). */
export function pathExists(path: string): boolean {
  return existsSync(path);
}

/** Remove a directory tree (symbolic links are removed, not followed); errors are ignored (RuntimeAdapter.removeTree). */
export function removeTree(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // best effort: what is left is an empty directory or the child's files
  }
}
export { blockingRunner } from './blocking-runner.js';
export { runCli } from './cli.js';

/** node:stream and Buffer, which Node and Bun both have. */
export const nodeInterop: NodeInterop = {
  Readable,
  Writable,
  buffer: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
};
