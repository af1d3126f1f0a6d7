import { mkdirSync, rmdirSync } from 'node:fs';
import type { NetRunner } from '@netrunner/types';
import { NetRunnerError, SpawnError, ValidationError } from '@netrunner/types';
import { caught, collectText } from '../helpers/bytes.js';
import { cgroupCase, rejectedField } from '../helpers/cases.js';
import { cgroupDirsLeft, cgroupMounts, cgroupSkipReason } from '../helpers/cgroups.js';
import { allGone, procState } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const MiB = 1024 * 1024;

/**
 * `cgroup`: the child runs in a fresh cgroup under a root of this run's own
 * (configure({ cgroupRoot })), limits are enforced or refused, everything in
 * it dies with it, and nothing is left behind. Needs root and a cgroup
 * hierarchy; without any cgroup mount the cases say why they skip.
 */
export function cgroupBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect, beforeAll, afterAll } = t;
  const root = `netrunner-conformance-${env.runtime}-${process.pid}`;
  const mounts = cgroupMounts();
  const why = cgroupSkipReason();
  // A case that cannot run here is a real skip (counted by the summary) that says why.
  const cit = cgroupCase(t);
  const invalid = async (call: () => Promise<unknown>, field: string): Promise<void> => {
    expect(await rejectedField(call)).toBe(field);
  };

  describe('cgroups', () => {
    beforeAll(() => {
      nr.shutdown();
      nr.configure({ cgroupRoot: root });
    });
    afterAll(() => {
      nr.shutdown();
      nr.configure({});
    });

    it('rejects a path that could leave the root, naming cgroup.path', async () => {
      await invalid(() => nr.run(['true'], { cgroup: '../escape' }), 'cgroup.path');
      await invalid(() => nr.run(['true'], { cgroup: '/sys/fs/cgroup/x' }), 'cgroup.path');
      await invalid(() => nr.run(['true'], { cgroup: { path: 'a/../../b' } }), 'cgroup.path');
      await invalid(() => nr.run(['true'], { cgroup: 'a b' }), 'cgroup.path');
      await invalid(() => nr.run(['true'], { cgroup: 'x'.repeat(256) }), 'cgroup.path');
      await invalid(() => nr.spawn(['true'], { cgroup: { path: 'ok', memoryMax: 0 } }), 'cgroup.memoryMax');
      const e = await caught(collectText(nr.stream(['true'], { cgroup: 'a/./b' })));
      expect(ValidationError.isInstance(e) ? e.field : e).toBe('cgroup.path');
    });

    it('configure() validates the root and refuses to change a running shepherd', async () => {
      for (const bad of ['../up', '/abs', 'a b', '']) {
        let field = '';
        try {
          nr.configure({ cgroupRoot: bad });
        } catch (e) {
          field = ValidationError.isInstance(e) ? e.field : String(e);
        }
        expect(field).toBe('cgroupRoot');
      }
      await nr.run(['true']); // the shepherd is open now, with this run's root
      let code = '';
      try {
        nr.configure({ cgroupRoot: `${root}-other` });
      } catch (e) {
        code = NetRunnerError.isInstance(e) ? String(e.code) : String(e);
      }
      expect(code).toBe('ESHEPHERDOPEN');
      nr.configure({ cgroupRoot: root }); // the same settings: fine
    });

    cit('runs the child inside the cgroup from its first instruction, on run, stream and spawn', async () => {
      const r = await nr.run(['cat', '/proc/self/cgroup'], { cgroup: 'inside' });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain(`/${root}/inside\n`);
      expect(r.stats.cgroupMemoryPeak).toBeGreaterThan(0);
      expect(r.stats.cgroupOomKills).toBe(0);
      const streamed = await collectText(nr.stream(['cat', '/proc/self/cgroup'], { cgroup: 'streamed' }));
      expect(streamed).toContain(`/${root}/streamed\n`);
      const p = await nr.spawn(['cat', '/proc/self/cgroup'], { cgroup: { path: 'spawned/deep', pidsMax: 5 } });
      const out = await collectText(p.stdout);
      await p.wait();
      expect(out).toContain(`/${root}/spawned/deep\n`);
      expect(p.stats().cgroupOomKills).toBe(0);
      const plain = await nr.run(['true']);
      expect(plain.stats.cgroupMemoryPeak).toBeNull();
      expect(plain.stats.cgroupOomKills).toBeNull();
    });

    cit('kills a grandchild that called setsid() when the child exits', async () => {
      const r = await nr.run(['sh', '-c', 'setsid sleep 100 & echo $!; exit 0'], { cgroup: 'escape' });
      expect(r.exitCode).toBe(0);
      const pid = Number(r.stdout.trim());
      expect(pid).toBeGreaterThan(0);
      // Without the cgroup this sleep, in a session of its own, would live on.
      expect(await allGone([pid])).toBe(true);
    });

    cit('kills a setsid() grandchild when the child is killed', async () => {
      const p = await nr.spawn(['sh', '-c', 'setsid sleep 100 & echo $!; exec sleep 100'], { cgroup: 'killed' });
      const pid = Number((new TextDecoder().decode((await p.read()) ?? new Uint8Array())).trim());
      // Alive: running, sleeping, or in a short uninterruptible wait (D, while
      // setsid execs sleep); not a zombie, not gone. Checked after the kill,
      // so that a failure here leaves nothing running in the cgroup.
      const before = procState(pid);
      p.kill('SIGKILL');
      const exit = await p.wait();
      expect(before).toMatch(/^[RSD]$/);
      expect(exit.signal).toBe('SIGKILL');
      expect(await allGone([pid])).toBe(true);
    });

    cit('pidsMax stops a fork bomb, and the host carries on', async () => {
      // Each started sleep prints its pid; forks beyond pids.max fail.
      const script = 'i=0; while [ $i -lt 100 ]; do sleep 3 & echo $!; i=$((i+1)); done; wait';
      const r = await nr.run(['sh', '-c', script], { cgroup: { path: 'bomb', pidsMax: 20 } });
      const started = r.stdout.split('\n').filter((l) => /^\d+$/.test(l)).map(Number);
      expect(started.length).toBeLessThanOrEqual(20);
      expect(started.length).toBeGreaterThanOrEqual(10);
      expect(r.stderr).toMatch(/fork/i);
      expect(await allGone(started)).toBe(true);
      const after = await nr.run(['echo', 'alive']);
      expect(after.stdout).toBe('alive\n');
    }, 30_000);

    cit('memoryMax gets an allocating child OOM-killed and reports it in the stats', async () => {
      // tail keeps its last line in memory: 200 MiB without a newline.
      const r = await nr.run(['sh', '-c', 'head -c 200M /dev/zero | tail'], {
        cgroup: { path: 'oom', memoryMax: 32 * MiB },
      });
      expect(r.exitCode).toBe(137); // sh reports tail's SIGKILL as 128 + 9
      expect(r.stats.cgroupOomKills).toBeGreaterThanOrEqual(1);
      expect(r.stats.cgroupMemoryPeak).toBeGreaterThan(0);
      expect(r.stats.cgroupMemoryPeak).toBeLessThanOrEqual(33 * MiB);
      const p = await nr.spawn(['sh', '-c', 'exec tail /dev/zero'], { cgroup: { path: 'oom2', memoryMax: 32 * MiB } });
      const exit = await p.wait();
      expect(exit.signal).toBe('SIGKILL');
      expect(exit.exitCode).toBe(137);
      expect(p.stats().cgroupOomKills).toBeGreaterThanOrEqual(1);
    }, 30_000);

    cit('refuses a cgroup that is in use, and one that already exists on disk', async () => {
      const first = await nr.spawn(['sleep', '100'], { cgroup: 'taken' });
      const e = await caught(nr.run(['true'], { cgroup: 'taken' }));
      // Alive (D: still paging sleep in), checked after the kill so that a
      // failure leaves nothing in the cgroup.
      const state = procState(first.pid);
      first.kill('SIGKILL');
      await first.wait();
      expect(state).toMatch(/^[RSD]$/);
      expect(SpawnError.isInstance(e)).toBe(true);
      expect(e.code).toBe('EEXIST');
      expect(e.stage).toBe('cgroup');
      expect(e.field).toBe('cgroup');
      expect(e.message).toMatch(/already exists/);
      // Made by someone else: never adopted, never removed.
      const v2 = mounts.find((m) => m.version === 2) ?? mounts[0]!;
      const own = `${v2.mountPoint}/${root}/preexisting`;
      mkdirSync(own, { recursive: true });
      try {
        const e2 = await caught(nr.run(['true'], { cgroup: 'preexisting' }));
        expect(SpawnError.isInstance(e2) ? e2.code : e2).toBe('EEXIST');
        expect(cgroupDirsLeft(`${root}/preexisting`)).toContain(own);
      } finally {
        rmdirSync(own);
        rmdirSync(`${v2.mountPoint}/${root}`);
      }
      const again = await nr.run(['true'], { cgroup: 'taken' });
      expect(again.exitCode).toBe(0);
    });

    cit('leaves no cgroup directory of this run in any hierarchy', async () => {
      expect(cgroupDirsLeft(root)).toEqual([]);
    });

    if (why) {
      it(`on a host without cgroups, the option is a clear SpawnError [${why}]`, async () => {
        const e = await caught(nr.run(['true'], { cgroup: 'x' }));
        expect(SpawnError.isInstance(e) ? e.stage : e).toBe('cgroup');
        expect(e.message).toMatch(/unavailable|permission/);
      });
    }
  });
}
