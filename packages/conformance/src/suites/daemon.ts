import type { NetRunner } from '@netrunner/types';
import { Daemon, type DaemonRunner } from '@netrunner/daemon';
import { ValidationError } from '@netrunner/types';
import { caught } from '../helpers/bytes.js';
import { allGone, waitFor } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';
import { daemonRaceBehaviour } from './daemon-races.js';

// 20,000 lines of 40 bytes: far more than a socket buffer holds, so the
// child only reaches `done` if its output is drained all along.
const CHATTY = 'i=0; while [ $i -lt 20000 ]; do echo "line-$i-......................"; i=$((i+1)); done; echo done; sleep 100';

/** @netrunner/daemon over the binding under test. */
export function daemonBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const runner = nr as unknown as DaemonRunner;

  describe('daemon', () => {
    daemonRaceBehaviour(t, nr, env);

    it('drains a chatty child so it never blocks, and keeps the last 64 KiB for status()', async () => {
      const d = new Daemon({ runner, argv: ['sh', '-c', CHATTY] });
      await d.start();
      expect(await waitFor(() => d.status().stdout.endsWith('done\n'), 20_000)).toBe(true);
      const s = d.status();
      expect([s.running, s.stdout.length, s.restarts]).toEqual([true, 64 * 1024, 0]);
      expect(s.stdout.endsWith('line-19999-......................\ndone\n')).toBe(true);
      const pid = d.pid!;
      const last = await d.stop();
      expect([last?.exitCode, last?.signal]).toEqual([143, 'SIGTERM']);
      expect(await allGone([pid])).toBe(true);
      expect(d.alive).toBe(false);
    }, 30_000);

    it('restarts a failing child by policy, backing off, and gives up after maxRestarts', async () => {
      const d = new Daemon({ runner, argv: ['sh', '-c', 'exit 3'], restart: 'on-failure', restartDelay: 10, maxRestarts: 3, logger: () => {} });
      await d.start();
      expect(await waitFor(() => d.status().restarts === 3 && !d.alive, 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 300)); // no fourth restart comes
      expect(d.status().restarts).toBe(3);
      expect(d.status().lastExit?.exitCode).toBe(3);
      await d.stop();
    });

    it('does not restart a clean exit under on-failure, and does under always', async () => {
      const once = new Daemon({ runner, argv: ['true'], restartDelay: 10 });
      await once.start();
      expect(await waitFor(() => once.status().lastExit !== null)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(once.status().restarts).toBe(0);
      const always = new Daemon({ runner, argv: ['true'], restart: 'always', restartDelay: 10, maxRestarts: 2 });
      await always.start();
      expect(await waitFor(() => always.status().restarts === 2 && !always.alive)).toBe(true);
      await Promise.all([once.stop(), always.stop()]);
    });

    it('writes reach the child and its output reaches an onOutput callback', async () => {
      const seen: string[] = [];
      const d = new Daemon({ runner, argv: ['cat'], onOutput: (chunk, stream) => seen.push(`${stream}:${new TextDecoder().decode(chunk)}`) });
      await d.start();
      await d.write('PING\n');
      expect(await waitFor(() => seen.join('') === 'stdout:PING\n')).toBe(true);
      await d.stop();
    });

    it('keeps draining when onOutput throws, and says so', async () => {
      const logged: string[] = [];
      const d = new Daemon({
        runner,
        argv: ['sh', '-c', CHATTY],
        onOutput: () => {
          throw new Error('handler broke');
        },
        logger: (line) => logged.push(line),
      });
      await d.start();
      expect(await waitFor(() => d.status().stdout.endsWith('done\n'), 20_000)).toBe(true);
      expect(logged.some((l) => l.includes('handler broke'))).toBe(true);
      await d.stop();
    }, 30_000);

    it('stops the whole group: grandchildren too', async () => {
      const d = new Daemon({ runner, argv: ['sh', '-c', 'sleep 100 & echo $!; wait'] });
      await d.start();
      expect(await waitFor(() => /^\d+\n$/.test(d.status().stdout))).toBe(true);
      const grandchild = Number(d.status().stdout.trim());
      const child = d.pid!;
      await d.stop();
      expect(await allGone([child, grandchild])).toBe(true);
    });

    it('rejects bad options with a ValidationError naming the field', async () => {
      const e = await caught((async () => new Daemon({ runner, argv: ['true'], restart: 'sometimes' as never }))());
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('restart');
      const notRunning = await caught(new Daemon({ runner, argv: ['true'] }).write('x'));
      expect((notRunning as { code?: string }).code).toBe('ENOTRUNNING');
    });
  });
}
