import type { NetRunner } from '@netrunner/types';
import { childrenOf, fdCount, parentOf, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** Nothing leaks over time. */
export function leakBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('over many runs', () => {
    it('leaves no fd and no zombie after 1,000 sequential runs', async () => {
      await nr.run(['true']); // the shepherd is open before counting
      const before = fdCount();
      let failed = 0;
      for (let i = 0; i < 1000; i++) {
        const r = await nr.run(['sh', '-c', 'echo x; echo y >&2'], { input: 'in' });
        if (r.stdout !== 'x\n' || r.stderr !== 'y\n') failed++;
      }
      expect(failed).toBe(0);
      // Closed sockets are released by the event loop a tick later.
      expect(await waitFor(() => fdCount() <= before, 5000)).toBe(true);
      expect(zombiesOf()).toEqual([]);
      // 14 s on a quiet machine, over 120 s on a loaded one: the bound only ends a hang.
    }, 600_000);

    it('is back to the same fds and processes after 10,000 spawns (8 at a time)', async () => {
      const probe = await nr.spawn(['sleep', '100']);
      const shepherd = parentOf(probe.pid);
      probe.kill('SIGKILL');
      await probe.wait();
      const before = fdCount();
      let done = 0;
      let wrong = 0;
      const worker = async () => {
        while (done < 10_000) {
          done++;
          const r = await nr.run(['true']);
          if (r.exitCode !== 0) wrong++;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      expect(wrong).toBe(0);
      expect(await waitFor(() => fdCount() <= before, 5000)).toBe(true);
      // The shepherd has no child left over, and we have no zombie.
      expect(await waitFor(() => childrenOf(shepherd).length === 0, 5000)).toBe(true);
      expect(zombiesOf()).toEqual([]);
      // 90-230 s on a shared 2-core machine, over 300 s under extra load: the
      // bound is only there so that a hang ends.
    }, 900_000);
  });
}
