import type { NetRunner } from '@netrunner/types';
import { procState, waitFor } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const fdLimitFixture = new URL('../../fixtures/fd-limit-host.mjs', import.meta.url).pathname;

/** What the shepherd guarantees at the edges: a stopped child, a host out of fds. */
export function shepherdBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('the shepherd at the edges', () => {
    it('stop() ends a child that stopped itself without waiting for killTimeout (SIGTERM, then SIGCONT)', async () => {
      const p = await nr.spawn(['sh', '-c', 'trap "exit 0" TERM; kill -STOP $$; sleep 100'], { killTimeout: 60_000 });
      expect(await waitFor(() => procState(p.pid) === 'T')).toBe(true);
      const info = await p.stop();
      // 0: its TERM trap ran. Without SIGCONT it would wait out the 60 s
      // killTimeout (past this test's bound) and end with 137.
      expect(info.exitCode).toBe(0);
      expect(procState(p.pid)).toBe('gone');
    }, 30_000);

    it('a spawn at the fd limit fails with EMFILE at stage host and leaves nothing running', async () => {
      const marker = `nr-fd-limit-${process.pid}-${Date.now()}`;
      const command = env.hostCommand.map((a, i) => (i === 1 ? fdLimitFixture : a));
      const host = await nr.run(['sh', '-c', 'ulimit -n 256 && exec "$@"', 'sh', ...command, marker], { timeout: 60_000 });
      const line = host.stdout.split('\n').find((l) => l.startsWith('['));
      expect(line === undefined ? `${host.stdout}${host.stderr}` : 'report').toBe('report');
      const attempts = JSON.parse(line!) as Array<{ free: number; code: string; stage?: string; left: number[] }>;
      expect(attempts.map((a) => [a.free, a.code, a.stage, a.left])).toEqual([
        [1, 'EMFILE', 'host', []],
        [2, 'EMFILE', 'host', []],
        [3, 'EMFILE', 'host', []],
      ]);
    }, 90_000);
  });
}
