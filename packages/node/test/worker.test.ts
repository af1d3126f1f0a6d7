import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { workerFdsOutcome } from '@netrunner/conformance/fixtures/worker-fds-body.mjs';

const entry = new URL('../dist/index.js', import.meta.url).pathname;
const fixture = new URL('./fixtures/worker-host.mjs', import.meta.url).pathname;
const fdsFixture = new URL('./fixtures/worker-fds.mjs', import.meta.url).pathname;

describe('a worker thread', () => {
  it('runs commands, and terminate() leaves no child, no crash and no warning', async () => {
    const r = await run([process.execPath, fixture, entry], { timeout: 20_000 });
    // Before: SIGSEGV in uv__finish_close (the addon unloaded before its
    // handles closed), fs warnings about fds, and the sleeps left running.
    expect([r.exitCode, r.signal, r.stderr]).toEqual([0, null, '']);
    const seen = JSON.parse(r.stdout);
    expect([seen.stdout, seen.stderr, seen.pids.length]).toEqual(['hi', 'err', 3]);
    expect(seen.left).toEqual([]);
  });

  it('terminate() closes every fd its live children held', async () => {
    const r = await run([process.execPath, fdsFixture, entry], { timeout: 30_000 });
    expect([r.exitCode, r.signal, r.stderr]).toEqual([0, null, '']);
    // Before: one fd per child left open (its stdin, never written), and the PTY's master.
    expect(workerFdsOutcome(r.stdout)).toEqual({ children: 12, fdsLeft: 0, processesLeft: [] });
  });
});
