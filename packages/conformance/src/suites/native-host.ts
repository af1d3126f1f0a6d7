import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSpawnRequest, NR_EXT_STDIO, type RuntimeAdapter } from '@netrunner/core';
import { childrenOf, procState, waitFor } from '../helpers/proc.js';
import type { TestApi } from '../test-api.js';

const EINVAL = 22;
const ENOENT = 2;
const EPIPE = 32;
const EBADF = 9;

/** A spawn request for `argv` whose stdin and stderr are /dev/null and stdout an fd sent with it. */
function stdoutToFd(argv: string[]): Uint8Array {
  return encodeSpawnRequest({
    pty: false, stderrMode: 0, envMode: 0, killTimeoutMs: 5000, rows: 0, cols: 0, argv, env: [], cwd: null, cgroup: null,
    memoryMax: -1, pidsMax: -1, cpuQuotaUs: -1, cpuPeriodUs: -1,
    extensions: [{ tag: NR_EXT_STDIO, bytes: new Uint8Array([1, 2, 1, 0]) }],
  });
}

/** This process's shepherds (children named netrunner-shepherd). */
function shepherds(): number[] {
  return childrenOf(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('netrunner-shep');
    } catch {
      return false;
    }
  });
}

/**
 * The NativeHost calls the TypeScript core uses once a shepherd died:
 * shepherdExited() (nr_host_reap) and reclaimCgroup() (nr_reclaim_cgroup).
 * Run by each runtime against its own adapter.
 */
export function defineNativeHostChecks(t: TestApi, adapter: RuntimeAdapter): void {
  const { describe, it, expect } = t;

  describe('NativeHost.spawn with fds', () => {
    it('sends the fds it is given to the child, keeps them open, and refuses a closed one with EBADF before sending', async () => {
      const host = adapter.openHost();
      const path = join(tmpdir(), `nr-native-host-${process.pid}.txt`);
      const fd = openSync(path, 'w');
      try {
        const reply = host.spawn(stdoutToFd(['echo', 'through an fd']), [fd]);
        if ('errno' in reply) throw new Error(`spawn failed: errno ${reply.errno}`);
        expect([reply.stdinFd, reply.stdoutFd, reply.stderrFd]).toEqual([-1, -1, -1]);
        expect(await waitFor(() => readFileSync(path, 'utf8') === 'through an fd\n')).toBe(true);
        adapter.closeFd(reply.statusFd);
        expect(adapter.isFdOpen(fd)).toBe(true);
        // Without its fd the request does not match its extension.
        expect(host.spawn(stdoutToFd(['true']), [])).toEqual({ errno: EINVAL, stage: 1 });
      } finally {
        closeSync(fd);
        rmSync(path, { force: true });
      }
      expect(host.spawn(stdoutToFd(['true']), [fd])).toEqual({ errno: EBADF, stage: 1 });
      // The control socket is still in step.
      const again = host.spawn(stdoutToFd(['true']), [2]);
      expect('pid' in again).toBe(true);
      if ('pid' in again) adapter.closeFd(again.statusFd);
      host.close();
    });
  });

  describe('NativeHost after its shepherd died', () => {
    it('shepherdExited() reaps a dead shepherd at once; reclaimCgroup() answers by path', async () => {
      const before = new Set(shepherds());
      const host = adapter.openHost();
      const started = shepherds().filter((pid) => !before.has(pid));
      expect(started.length).toBe(1);
      const pid = started[0]!;
      expect(host.shepherdExited()).toBe(false);
      expect(host.reclaimCgroup('../up')).toBe(-EINVAL);
      expect(host.reclaimCgroup(`never-made-${process.pid}`)).toBe(-ENOENT);

      process.kill(pid, 'SIGKILL');
      expect(await waitFor(() => host.shepherdExited(), 10_000)).toBe(true);
      expect(procState(pid)).toBe('gone'); // reaped, not a zombie
      expect(host.reclaimCgroup('any')).toBe(-EPIPE);
      host.close();
      expect(host.shepherdExited()).toBe(true);
    });
  });
}
