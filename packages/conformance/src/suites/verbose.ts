import type { NetRunner } from '@netrunner/types';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const fixture = new URL('../../fixtures/ergonomics-host.mjs', import.meta.url).pathname;

/** Durations vary; everything else in a verbose line is exact. */
const steady = (line: string): string => line.replace(/, \d+ ms$/, ', N ms');

/** `verbose` and NETRUNNER_DEBUG=1: one line per command (argv, pid, how it ended, duration). */
export function verboseBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const entry = env.hostCommand[env.hostCommand.length - 1]!;

  describe('verbose', () => {
    it('verbose: a function gets one line per command, on run, stream and spawn', async () => {
      const lines: string[] = [];
      const verbose = (line: string) => lines.push(line);
      const a = await nr.run(['echo', 'hi there'], { verbose });
      for await (const _ of nr.stream(['true'], { verbose })) void _;
      const p = await nr.spawn(['sh', '-c', 'kill -KILL $$'], { verbose });
      await p.wait();
      await nr.run(['netrunner-no-such-program'], { verbose }).catch(() => undefined);
      await nr.run(['echo', 'quiet']);
      // stream() hides its pid; the line has one all the same.
      expect(lines.map(steady).map((l) => l.replace(/^(\[netrunner\] true: pid )\d+/, '$1(stream)'))).toEqual([
        `[netrunner] echo 'hi there': pid ${a.pid}, exit 0, N ms`,
        '[netrunner] true: pid (stream), exit 0, N ms',
        `[netrunner] sh -c 'kill -KILL $$': pid ${p.pid}, killed by SIGKILL (exit 137), N ms`,
        '[netrunner] netrunner-no-such-program: not started, ENOENT',
      ]);
    });

    it('NETRUNNER_DEBUG=1 logs every command to stderr', async () => {
      const host = await nr.run([env.hostCommand[0]!, fixture, entry, 'debug'], { env: { NETRUNNER_DEBUG: '1' }, timeout: 60_000 });
      const { pids, failed } = JSON.parse(host.stdout) as { pids: number[]; failed: string };
      expect(failed).toBe('ENOENT');
      expect(host.stderr.trimEnd().split('\n').map(steady)).toEqual([
        `[netrunner] echo 'hi there': pid ${pids[0]}, exit 0, N ms`,
        `[netrunner] sh -c 'kill -TERM $$': pid ${pids[1]}, killed by SIGTERM (exit 143), N ms`,
        '[netrunner] netrunner-no-such-program: not started, ENOENT',
      ]);
      const quiet = await nr.run([env.hostCommand[0]!, fixture, entry, 'debug'], { env: { NETRUNNER_DEBUG: undefined }, timeout: 60_000 });
      expect(quiet.stderr).toBe('');
    }, 90_000);
  });
}
