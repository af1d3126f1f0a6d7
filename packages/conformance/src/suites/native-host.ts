import { readFileSync } from 'node:fs';
import type { RuntimeAdapter } from '@netrunner/core';
import { childrenOf, procState, waitFor } from '../helpers/proc.js';
import type { TestApi } from '../test-api.js';

const EINVAL = 22;
const ENOENT = 2;
const EPIPE = 32;

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
