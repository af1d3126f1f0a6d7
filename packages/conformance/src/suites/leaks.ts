import type { NetRunnerApi } from '@netrunner/core';
import { fdCount, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** Nothing leaks over time. */
export function leakBehaviour(t: TestApi, nr: NetRunnerApi, _env: ConformanceEnv): void {
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
    }, 120_000);
  });
}
