import { describe, expect, it } from 'vitest';
import { Daemon } from './daemon.js';
import { FakeRunner, settle, track } from './testing/fake-runner.js';

// Every interleaving of start() and stop(), driven step by step by a fake runner.

function daemon(runner: FakeRunner): Daemon {
  return new Daemon({ runner, argv: ['server'], restart: 'never', logger: () => {} });
}

async function running(runner: FakeRunner): Promise<Daemon> {
  const d = daemon(runner);
  const started = d.start();
  runner.spawnSucceeds();
  await started;
  return d;
}

describe('Daemon start() and stop() interleavings', () => {
  it('shares one launch between concurrent start() calls, and stop() then leaves nothing running', async () => {
    const runner = new FakeRunner();
    const d = daemon(runner);
    const both = Promise.all([d.start(), d.start()]);
    await settle();
    expect(runner.pendingSpawns).toBe(1);
    expect(d.status().state).toBe('starting');
    runner.spawnSucceeds();
    await both;
    expect([runner.processes.length, d.status().state, d.status().running]).toEqual([1, 'running', true]);
    await d.start();
    expect(runner.pendingSpawns).toBe(0);
    await d.stop();
    expect(runner.running).toEqual([]);
  });

  it('stops the child of a pending start() once it is spawned, and that start() rejects as cancelled', async () => {
    const runner = new FakeRunner();
    const d = daemon(runner);
    const start = track(d.start());
    const stop = track(d.stop());
    await settle();
    expect([d.status().state, stop.outcome]).toEqual(['stopping', 'pending']);
    const child = runner.spawnSucceeds();
    await settle();
    expect([child.stopCalls, child.alive]).toEqual([1, false]);
    expect(stop.outcome).toBe('resolved');
    expect(stop.value).toEqual({ pid: child.pid, exitCode: 143, signal: 'SIGTERM' });
    expect(start.outcome).toBe('rejected');
    expect((start.value as { code?: string }).code).toBe('ESTARTCANCELLED');
    const s = d.status();
    expect([s.state, s.running, s.pid]).toEqual(['stopped', false, null]);
  });

  it('start() during stopping waits for the stop, then starts a new child', async () => {
    const runner = new FakeRunner();
    const d = await running(runner);
    const [first] = runner.processes;
    first!.exitOnStop = false;
    const stop = track(d.stop());
    const start = track(d.start());
    await settle();
    expect([start.outcome, runner.pendingSpawns, d.status().state]).toEqual(['pending', 0, 'stopping']);
    first!.exit(143, 'SIGTERM');
    await settle();
    expect([stop.outcome, runner.pendingSpawns, d.status().state]).toEqual(['resolved', 1, 'starting']);
    const second = runner.spawnSucceeds();
    await settle();
    expect([start.outcome, d.pid, d.status().state]).toEqual(['resolved', second.pid, 'running']);
    expect(runner.running).toEqual([second]);
  });

  it('a stop() after a queued start() cancels that start: nothing is spawned', async () => {
    const runner = new FakeRunner();
    const d = await running(runner);
    const [child] = runner.processes;
    child!.exitOnStop = false;
    const firstStop = d.stop();
    const start = track(d.start());
    const secondStop = d.stop();
    child!.exit(143, 'SIGTERM');
    await settle();
    expect(start.outcome).toBe('rejected');
    expect((start.value as { code?: string }).code).toBe('ESTARTCANCELLED');
    expect(await secondStop).toBe(await firstStop);
    expect([runner.pendingSpawns, runner.running.length, d.status().state]).toEqual([0, 0, 'stopped']);
  });

  it('concurrent and repeated stop() calls stop the child once and agree on its exit', async () => {
    const runner = new FakeRunner();
    const d = await running(runner);
    const [child] = runner.processes;
    child!.exitOnStop = false;
    const stops = [d.stop(), d.stop()];
    await settle();
    expect(child!.stopCalls).toBe(1);
    child!.exit(143, 'SIGTERM');
    const [a, b] = await Promise.all(stops);
    expect(a).toEqual({ pid: child!.pid, exitCode: 143, signal: 'SIGTERM' });
    expect(b).toBe(a);
    expect(await d.stop()).toBe(a);
    expect([child!.stopCalls, d.status().state]).toEqual([1, 'stopped']);
  });

  it('a failing spawn rejects every start() sharing it and leaves the daemon stopped', async () => {
    const runner = new FakeRunner();
    const d = daemon(runner);
    const both = Promise.allSettled([d.start(), d.start()]);
    await settle();
    expect(runner.pendingSpawns).toBe(1);
    const enoent = new Error('ENOENT');
    runner.spawnFails(enoent);
    expect(await both).toEqual([
      { status: 'rejected', reason: enoent },
      { status: 'rejected', reason: enoent },
    ]);
    expect([d.status().state, d.status().running, runner.pendingSpawns]).toEqual(['stopped', false, 0]);
  });

  it('refuses write() while stopping, and after the child exited on its own', async () => {
    const runner = new FakeRunner();
    const d = await running(runner);
    const [first] = runner.processes;
    first!.exitOnStop = false;
    const stop = d.stop();
    const whileStopping = track(d.write('x'));
    await settle();
    expect([whileStopping.outcome, (whileStopping.value as { code?: string } | undefined)?.code]).toEqual(['rejected', 'ENOTRUNNING']);
    first!.exit(143, 'SIGTERM');
    await stop;
    const again = d.start();
    runner.spawnSucceeds().exit(0);
    await again;
    await settle();
    expect([d.status().state, d.pid]).toEqual(['exited', null]);
    const afterExit = track(d.write('x'));
    await settle();
    expect([afterExit.outcome, (afterExit.value as { code?: string } | undefined)?.code]).toEqual(['rejected', 'ENOTRUNNING']);
    await d.stop();
    expect(d.status().state).toBe('stopped');
  });
});
