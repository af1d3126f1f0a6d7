import { SpawnError } from '@netrunner/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Daemon } from './daemon.js';
import type { RestartPolicy } from './daemon-options.js';
import { FakeRunner, settle, track } from './testing/fake-runner.js';

// Restarts and their backoff timers, on fake time.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function running(runner: FakeRunner, restart: RestartPolicy, logged: string[] = []): Promise<Daemon> {
  const d = new Daemon({ runner, argv: ['server'], restart, restartDelay: 100, logger: (l) => logged.push(l) });
  const started = d.start();
  runner.spawnSucceeds();
  await started;
  return d;
}

/** Let the backoff timers run for a long stretch of fake time. */
async function muchLater(): Promise<void> {
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  await settle();
}

describe('Daemon restarts', () => {
  it('a crash during stop() does not restart the child', async () => {
    const runner = new FakeRunner();
    const d = await running(runner, 'always');
    const [child] = runner.processes;
    child!.exitOnStop = false;
    const stop = d.stop();
    child!.exit(1);
    expect(await stop).toEqual({ pid: child!.pid, exitCode: 1, signal: null });
    await muchLater();
    expect([runner.pendingSpawns, d.status().state, d.status().restarts]).toEqual([0, 'stopped', 0]);
  });

  it('stop() during backoff cancels the restart', async () => {
    const runner = new FakeRunner();
    const d = await running(runner, 'on-failure');
    runner.processes[0]!.exit(1);
    await settle();
    expect(d.status().state).toBe('backoff');
    expect(await d.stop()).toEqual({ pid: runner.processes[0]!.pid, exitCode: 1, signal: null });
    await muchLater();
    expect([runner.pendingSpawns, d.status().state]).toEqual([0, 'stopped']);
  });

  it('stop() during a restart spawn stops the restarted child', async () => {
    const runner = new FakeRunner();
    const d = await running(runner, 'on-failure');
    runner.processes[0]!.exit(1);
    await vi.advanceTimersByTimeAsync(100);
    expect([runner.pendingSpawns, d.status().state]).toEqual([1, 'starting']);
    const stop = track(d.stop());
    const restarted = runner.spawnSucceeds();
    await settle();
    expect([restarted.stopCalls, restarted.alive, stop.outcome]).toEqual([1, false, 'resolved']);
    await muchLater();
    expect([runner.running.length, runner.pendingSpawns, d.status().state, d.pid]).toEqual([0, 0, 'stopped', null]);
  });

  it('gives up at once when a restart cannot spawn the program at all', async () => {
    const logged: string[] = [];
    const runner = new FakeRunner();
    const d = await running(runner, 'always', logged);
    runner.processes[0]!.exit(0);
    await vi.advanceTimersByTimeAsync(100);
    runner.spawnFails(new SpawnError(['server'], 2, 'ENOENT', 'resolve'));
    await muchLater();
    expect([runner.pendingSpawns, d.status().state, d.status().running]).toEqual([0, 'exited', false]);
    expect(logged.some((l) => l.includes('ENOENT'))).toBe(true);
  });

  it('retries a restart that failed for lack of resources, with backoff, up to maxRestarts', async () => {
    const runner = new FakeRunner();
    const d = new Daemon({ runner, argv: ['server'], restartDelay: 100, maxRestarts: 3, logger: () => {} });
    const started = d.start();
    runner.spawnSucceeds();
    await started;
    runner.processes[0]!.exit(1);
    await settle();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = Date.now();
      while (runner.pendingSpawns === 0) await vi.advanceTimersByTimeAsync(10);
      delays.push(Date.now() - before);
      runner.spawnFails(new SpawnError(['server'], 11, 'EAGAIN', 'resource'));
      await settle();
    }
    expect(delays).toEqual([100, 200, 400]);
    await muchLater();
    expect([runner.pendingSpawns, d.status().state, d.status().restarts]).toEqual([0, 'exited', 3]);
  });

  it('start() during backoff starts at once, and the pending restart never fires', async () => {
    const runner = new FakeRunner();
    const d = await running(runner, 'on-failure');
    runner.processes[0]!.exit(1);
    await settle();
    const start = d.start();
    expect(runner.pendingSpawns).toBe(1);
    runner.spawnSucceeds();
    await start;
    expect([d.status().state, d.pid]).toEqual(['running', runner.processes[1]!.pid]);
    await muchLater();
    expect(runner.pendingSpawns).toBe(0);
    await d.stop();
  });

  it('start() after the daemon gave up restarts it with maxRestarts afresh', async () => {
    const runner = new FakeRunner();
    const d = new Daemon({ runner, argv: ['server'], restartDelay: 100, maxRestarts: 1, logger: () => {} });
    const crashOnce = async (): Promise<void> => {
      while (runner.pendingSpawns === 0) await vi.advanceTimersByTimeAsync(10);
      runner.spawnSucceeds().exit(1);
      await settle();
    };
    const started = d.start();
    await crashOnce();
    await started;
    await crashOnce(); // the one restart allowed
    expect([d.status().state, d.status().restarts]).toEqual(['exited', 1]);
    const again = d.start();
    await crashOnce();
    await again;
    expect([d.status().state, d.status().restarts]).toEqual(['backoff', 1]);
    await crashOnce();
    expect([d.status().state, d.status().restarts, runner.processes.length]).toEqual(['exited', 2, 4]);
  });
});
