import { describe, expect, it } from 'bun:test';
import { run } from '../src/index.ts';
import { workerFdsOutcome } from '@netrunner/conformance/fixtures/worker-fds-body.mjs';

const entry = new URL('../dist/index.js', import.meta.url).pathname;
const fixture = new URL('./fixtures/worker-host.ts', import.meta.url).pathname;
const fdsFixture = new URL('./fixtures/worker-fds.ts', import.meta.url).pathname;

describe('a worker', () => {
  it('runs commands, and terminate() leaves no child behind', async () => {
    const r = await run([process.execPath, fixture, entry], { timeout: 20_000 });
    expect([r.exitCode, r.signal, r.stderr]).toEqual([0, null, '']);
    const seen = JSON.parse(r.stdout);
    expect([seen.stdout, seen.stderr, seen.pids.length]).toEqual(['hi', 'err', 3]);
    // Before: the sh and both sleeps lived until the whole process exited.
    expect(seen.left).toEqual([]);
  }, 30_000); // above the run's own 20 s (Bun's default is 5 s, which a loaded machine exceeds)

  it('terminate() closes every fd its live children held', async () => {
    const r = await run([process.execPath, fdsFixture, entry], { timeout: 30_000 });
    expect([r.exitCode, r.signal, r.stderr]).toEqual([0, null, '']);
    // Before: every fd of every child left open (stdin, stdout, stderr, status; a PTY's master).
    expect(workerFdsOutcome(r.stdout)).toEqual({ children: 12, fdsLeft: 0, processesLeft: [] });
  }, 40_000);
});
