import { mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { text } from '../helpers/bytes.js';
import { cgroupDirsLeft, cgroupMounts } from '../helpers/cgroups.js';
import { allGone, procState, zombiesOf, killLeftover } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const lifecycleFixture = new URL('../../fixtures/lifecycle-host.mjs', import.meta.url).pathname;


/** What a host process owns, from its own point of view: it must keep children alive while someone can observe them, and leave nothing. */
export function lifecycleBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const runtime = env.hostCommand[0]!;
  const entry = env.hostCommand[env.hostCommand.length - 1]!;
  const gcFlag = env.runtime === 'node' ? ['--expose-gc'] : [];

  /** Run fixtures/lifecycle-host.mjs in `mode`; its JSON lines, merged, and its exit. */
  async function host(mode: string, ...args: string[]): Promise<{ facts: Record<string, unknown>; exitCode: number }> {
    const p = await nr.spawn([runtime, ...gcFlag, lifecycleFixture, entry, mode, ...args], { stderr: 'redirect' });
    let out = '';
    for (let c = await p.read(); c !== null; c = await p.read()) out += text(c);
    const { exitCode } = await p.wait();
    const facts: Record<string, unknown> = {};
    for (const line of out.split('\n')) {
      if (line.startsWith('{')) Object.assign(facts, JSON.parse(line));
      else if (line !== '') facts.unexpected = `${(facts.unexpected as string | undefined) ?? ''}${line}\n`;
    }
    return { facts, exitCode };
  }

  describe('a pending operation keeps its Process alive', () => {
    it('wait(), read(), a for-await loop and write() see their child to the end under GC pressure', async () => {
      const { facts, exitCode } = await host('gc');
      const clean = { exitCode: 0, signal: null };
      expect(facts).toEqual({ awaited: clean, chained: clean, read: 'out\n', looped: 'loop\n', written: clean });
      expect(exitCode).toBe(0);
    }, 60_000);
  });

  describe('a running child keeps its host alive', () => {
    it('a host that returns while its child runs exits after the child, which finished its work', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-returns-'));
      try {
        const marker = join(dir, 'marker');
        const { facts, exitCode } = await host('returns', marker);
        expect(exitCode).toBe(0);
        // The child wrote its marker after `sleep 1`: the host waited for it instead of killing it at exit.
        expect(readFileSync(marker, 'utf8')).toBe('done\n');
        expect(await allGone([facts.child as number, facts.host as number])).toBe(true);
        expect(zombiesOf()).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 30_000);
  });

  describe('the shepherd dies first', () => {
    it('the host kills the group of a child whose leader already exited, and reaps the dead shepherd at once', async () => {
      const { facts, exitCode } = await host('shepherd');
      expect(exitCode).toBe(0);
      expect(facts.waited).toBe('ESHEPHERD');
      expect(facts.shepherdState).toBe('gone');
      // Killed while the host still ran; init reaps it (a zombie until then).
      expect(['Z', 'gone']).toContain(facts.grandchildState);
      const pids = [facts.host, facts.shepherd, facts.leader, facts.grandchild, facts.running] as number[];
      expect(await allGone(pids)).toBe(true);
      expect(procState(facts.grandchild as number)).toBe('gone');
    }, 30_000);

    it('wait() and a reading loop end (waitDelay) while a grandchild that left the group holds stdout', async () => {
      const { facts, exitCode } = await host('orphan');
      if (typeof facts.escapee === 'number') killLeftover(facts.escapee);
      expect([facts.waited, facts.loop, exitCode]).toEqual(['ESHEPHERD', 'ended', 0]);
      const pids = [facts.host, facts.shepherd, facts.child, facts.escapee] as number[];
      expect(await allGone(pids)).toBe(true);
    }, 30_000);

    it('a host exiting after its shepherd died unnoticed kills the groups whose leaders had exited', async () => {
      const { facts, exitCode } = await host('unnoticed');
      // A zombie when the exit hook finds the death, gone if the host's watch found it first.
      expect(['Z', 'gone']).toContain(facts.shepherdState);
      expect(exitCode).toBe(0);
      const gone = await allGone([facts.grandchild as number], 5000);
      killLeftover(facts.grandchild as number);
      expect(gone).toBe(true);
      expect(await allGone([facts.host, facts.shepherd, facts.leader] as number[])).toBe(true);
    }, 30_000);

    it('a host that goes on running notices its shepherd died with no child running, reaps it and kills the groups left', async () => {
      const { facts, exitCode } = await host('idle');
      killLeftover(facts.grandchild as number);
      // Checked while the host still ran: the shepherd reaped (no zombie), the group killed (init reaps it).
      expect([facts.shepherdState, ['Z', 'gone'].includes(facts.grandchildState as string), exitCode]).toEqual(['gone', true, 0]);
      expect(await allGone([facts.host, facts.shepherd, facts.leader] as number[])).toBe(true);
    }, 30_000);

    // Needs the shepherd's NR_OP_RECLAIM_CGROUP (NativeHost.reclaimCgroup).
    const root = `netrunner-reclaim-${env.runtime}-${process.pid}`;
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const why = cgroupMounts().length === 0 ? 'no cgroup hierarchy is mounted' : !isRoot ? 'not running as root' : '';
    const name = "the next shepherd kills what is left in a dead shepherd's cgroup and removes it";
    if (why) t.skip(`${name} [skipped: ${why}]`, () => undefined);
    else it(name, async () => {
      try {
        const { facts, exitCode } = await host('cgroup', root);
        if (typeof facts.escapee === 'number') killLeftover(facts.escapee);
        // Killed: gone, or a zombie until init reaps it.
        const killed = facts.escapeeState === 'gone' || facts.escapeeState === 'Z';
        expect([facts.waited, killed, facts.again, exitCode]).toEqual(['ESHEPHERD', true, 0, 0]);
        // The child's cgroup is gone; the root the shepherds share is theirs to keep.
        expect(cgroupDirsLeft(`${root}/reclaimed`)).toEqual([]);
      } finally {
        for (const dir of cgroupDirsLeft(root)) {
          for (const sub of [`${dir}/reclaimed`, dir]) rmdirQuiet(sub);
        }
      }
    }, 30_000);
  });
}

/** rmdir that ignores a directory already gone or still busy (cleanup only). */
function rmdirQuiet(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // gone, or still holding a process
  }
}
