import { readdirSync, readFileSync } from 'node:fs';
import type { NetRunner } from '@netrunner/types';
import { Daemon, type DaemonRunner } from '@netrunner/daemon';
import { caught } from '../helpers/bytes.js';
import { allGone, parentOf, procState, waitFor } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

let markers = 0;

/**
 * A shell that waits for one line on stdin (kept open by the daemon), then
 * exits with `code`. `read` is a builtin: no forked copy of the shell ever
 * carries the marker too.
 */
function lineThenExit(marker: string, code: number): string[] {
  return ['sh', '-c', `read line; exit ${code}`, marker];
}

/** A fresh argv word that marks a test's children in /proc/<pid>/cmdline. */
function newMarker(env: ConformanceEnv): string {
  return `nr-daemon-race-${env.runtime}-${process.pid}-${++markers}`;
}

/**
 * Live processes with `marker` among their arguments, and how many children
 * of a shepherd are mid-exec: vfork returns to the shepherd (and the spawn
 * is answered) before execve has set up the new arguments, and until then
 * the child's cmdline reads empty. A zombie has no cmdline either, so check
 * pids with allGone too.
 */
function scanMarked(marker: string): { marked: number[]; midExec: number } {
  const marked: number[] = [];
  let midExec = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (args.split('\0').includes(marker)) marked.push(Number(name));
      else if (args === '' && procState(Number(name)) !== 'Z' && isShepherd(parentOf(Number(name)))) midExec++;
    } catch {
      // exited while scanning
    }
  }
  return { marked, midExec };
}

function isShepherd(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('netrunner-shep');
  } catch {
    return false;
  }
}

/** scanMarked()'s pids once no shepherd's child is mid-exec. */
async function markedPids(marker: string): Promise<number[]> {
  let scan = scanMarked(marker);
  await waitFor(() => (scan = scanMarked(marker)).midExec === 0);
  return scan.marked;
}

/** The binding, except that every spawn after the first starts its child at once but answers the daemon only once released. */
function holdingRestarts(runner: DaemonRunner): { runner: DaemonRunner; held: Array<() => void> } {
  const held: Array<() => void> = [];
  let calls = 0;
  return {
    held,
    runner: {
      async spawn(argv, options) {
        const first = ++calls === 1;
        const child = await runner.spawn(argv, options);
        if (!first) await new Promise<void>((release) => held.push(release));
        return child;
      },
    },
  };
}

/** start() and stop() in every order on real children: at most one child, and none after stop(). */
export function daemonRaceBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { it, expect } = t;
  const runner = nr as unknown as DaemonRunner;

  it('starts one child for concurrent start() calls, and stop() leaves no process behind', async () => {
    const marker = newMarker(env);
    const d = new Daemon({ runner, argv: lineThenExit(marker, 0) });
    await Promise.all([d.start(), d.start()]);
    const pids = await markedPids(marker);
    expect(pids).toEqual([d.pid]);
    const last = await d.stop();
    expect([last?.pid, last?.exitCode, last?.signal]).toEqual([pids[0], 143, 'SIGTERM']);
    expect(await allGone(pids)).toBe(true);
    expect(await markedPids(marker)).toEqual([]);
  });

  it('stop() during a pending start() stops the child it spawns; that start() rejects as cancelled', async () => {
    const marker = newMarker(env);
    const d = new Daemon({ runner, argv: lineThenExit(marker, 0) });
    const starting = caught(d.start());
    const last = await d.stop();
    expect([last?.exitCode, last?.signal]).toEqual([143, 'SIGTERM']);
    expect(await markedPids(marker)).toEqual([]);
    expect(await allGone([last!.pid])).toBe(true);
    expect((await starting)?.code).toBe('ESTARTCANCELLED');
    const s = d.status();
    expect([s.state, s.running, s.pid]).toEqual(['stopped', false, null]);
  });

  it('stop() during a restart stops the restarted child, and no restart follows', async () => {
    const marker = newMarker(env);
    const { runner: holding, held } = holdingRestarts(runner);
    const d = new Daemon({ runner: holding, argv: lineThenExit(marker, 1), restart: 'always', restartDelay: 10, logger: () => {} });
    await d.start();
    const first = d.pid!;
    await d.write('crash\n');
    expect(await waitFor(() => held.length === 1)).toBe(true); // the restart's child exists, its spawn not yet answered
    const restarted = await markedPids(marker);
    expect(restarted.length).toBe(1);
    expect(restarted[0]).not.toBe(first);
    const stopping = d.stop();
    held[0]!();
    const last = await stopping;
    expect([last?.pid, last?.exitCode, last?.signal]).toEqual([restarted[0], 143, 'SIGTERM']);
    expect(await allGone([first, restarted[0]!])).toBe(true);
    await new Promise((r) => setTimeout(r, 200)); // ten restart delays: none comes
    expect([held.length, await markedPids(marker), d.status().state]).toEqual([1, [], 'stopped']);
  });
  it('a child that exits on its own leaves no background job behind, across restarts and after stop()', async () => {
    const marker = newMarker(env);
    // Each run starts a background shell loop in its group (the marker is its $0), then exits 0.
    const argv = ['sh', '-c', `sh -c 'while :; do sleep 1; done' ${marker} > /dev/null 2>&1 & exit 0`];
    const d = new Daemon({ runner, argv, restart: 'always', maxRestarts: 2, restartDelay: 10 });
    await d.start();
    // Every run's leftover is killed once its leader exits, before the next run starts.
    expect(await waitFor(() => d.status().state === 'exited', 10_000)).toBe(true);
    expect(await waitFor(() => scanMarked(marker).marked.length === 0, 5_000)).toBe(true);
    await d.stop();
    expect(await markedPids(marker)).toEqual([]);
  });
}
