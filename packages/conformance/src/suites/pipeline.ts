import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { NetRunner } from '@netrunner/types';
import { AbortError, NonZeroExitError, SpawnError, TimeoutError, ValidationError } from '@netrunner/types';
import { caught, collect, collectText, randomBytes, sameBytes, text } from '../helpers/bytes.js';
import { cgroupCase, rejectedField } from '../helpers/cases.js';
import { cgroupDirsLeft } from '../helpers/cgroups.js';
import { allGone, childrenOf, fdCount, parentOf, sleep, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const pipelineHost = new URL('../../fixtures/pipeline-host.mjs', import.meta.url).pathname;
const notExecutable = new URL('../../fixtures/not-executable.sh', import.meta.url).pathname;

/** A member that prints its pid on stderr, then becomes `sleep 100`. */
const SLEEPER = ['sh', '-c', 'echo $$ >&2; exec sleep 100'];

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function shepherdFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

function pgrpOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** `pipeline()`: children joined by kernel pipes the shepherd makes. */
export function pipelineBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  /** The pid of this realm's shepherd (opening it if needed). */
  async function shepherdPid(): Promise<number> {
    const probe = await nr.spawn(['sleep', '100']);
    const pid = parentOf(probe.pid);
    probe.kill('SIGKILL');
    await probe.wait();
    return pid;
  }

  /** The shepherd's fd count once it stops changing (it makes the next child's channels ahead, after a reap). */
  async function settledFds(pid: number): Promise<number> {
    let last = shepherdFds(pid);
    for (let same = 0, i = 0; same < 10 && i < 200; i++) {
      await sleep(5);
      const now = shepherdFds(pid);
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return last;
  }

  const cit = cgroupCase(t);
  const invalid = async (call: () => Promise<unknown>, field: string): Promise<void> => {
    expect(await rejectedField(call)).toBe(field);
  };

  describe('pipeline', () => {
    it('passes 4 MiB of random bytes through three stages byte for byte', async () => {
      const input = randomBytes(4 * 1024 * 1024);
      const r = await nr.pipeline([['cat'], ['cat'], ['cat']], { input, encoding: 'buffer' });
      expect(r.exitCode).toBe(0);
      expect(r.stdout.length).toBe(input.length);
      expect(sameBytes(r.stdout, input)).toBe(true);
      const digest = await nr.pipeline([['cat'], ['cat'], ['sha256sum']], { input });
      expect(digest.stdout).toBe(`${sha256(input)}  -\n`);
      expect(r.stats.bytesIn).toBe(input.length);
      expect(r.stats.bytesOut).toBe(input.length);
    });

    it('reports every member, in order, and runs them in one process group', async () => {
      const group = "cut -d' ' -f5 /proc/$$/stat";
      const r = await nr.pipeline([['sh', '-c', `echo $$; ${group}`], ['cat'], ['sh', '-c', `cat; ${group}`]]);
      const [pid0, group0, group2] = r.stdout.split('\n').map((l) => Number(l.trim()));
      expect(r.members.map((m) => m.argv[0])).toEqual(['sh', 'cat', 'sh']);
      expect(r.members.map((m) => m.exitCode)).toEqual([0, 0, 0]);
      expect(r.members[0]!.pid).toBe(pid0);
      expect(r.pid).toBe(pid0);
      expect([group0, group2]).toEqual([pid0, pid0]);
      expect(new Set(r.members.map((m) => m.pid)).size).toBe(3);
    });

    it('feeds input to the first member, collects every member\'s stderr, and gives env and cwd to all', async () => {
      const r = await nr.pipeline(
        [['sh', '-c', 'echo one >&2; tr a-z A-Z'], ['sh', '-c', 'cat; echo "$X $(pwd)"; echo two >&2']],
        { input: 'abc\n', env: { X: 'x' }, cwd: '/tmp' },
      );
      expect(r.stdout).toBe('ABC\nx /tmp\n');
      expect(r.stderr.split('\n').sort().join(',')).toBe(',one,two');
      const merged = await nr.pipeline([['sh', '-c', 'echo err >&2; echo out'], ['cat']], { stderr: 'redirect' });
      expect(merged.stdout.split('\n').sort().join(',')).toBe(',err,out');
      expect(merged.stderr).toBe('');
    });

    it('follows set -o pipefail: the rightmost failed member decides; pipefail: false takes the last one', async () => {
      const members = [['sh', '-c', 'exit 3'], ['sh', '-c', 'cat; exit 5'], ['true']];
      const r = await nr.pipeline(members);
      expect(r.members.map((m) => m.exitCode)).toEqual([3, 5, 0]);
      expect(r.exitCode).toBe(5);
      expect(r.stats.exitStatus).toBe(5);
      expect((await nr.pipeline(members, { pipefail: false })).exitCode).toBe(0);
      expect((await nr.pipeline([['true'], ['sh', '-c', 'exit 7']], { pipefail: false })).exitCode).toBe(7);
      expect((await nr.pipeline([['true'], ['true']])).exitCode).toBe(0);
    });

    it('ends `yes | head -n 1`: the writer dies of SIGPIPE, which counts as a failure under pipefail as in bash', async () => {
      const r = await nr.pipeline([['yes'], ['head', '-n', '1']]);
      expect(r.stdout).toBe('y\n');
      expect(r.members.map((m) => [m.exitCode, m.signal])).toEqual([[141, 'SIGPIPE'], [0, null]]);
      expect([r.exitCode, r.signal]).toEqual([141, 'SIGPIPE']);
      const plain = await nr.pipeline([['yes'], ['head', '-n', '1']], { pipefail: false });
      expect([plain.stdout, plain.exitCode, plain.signal]).toEqual(['y\n', 0, null]);
    });

    it('kills every member when the timeout fires, and leaves no process', async () => {
      const e = await caught(nr.pipeline([SLEEPER, SLEEPER, SLEEPER], { timeout: 500, killTimeout: 200 }));
      expect(TimeoutError.isInstance(e)).toBe(true);
      const pids = String(e.stderr).trim().split('\n').map(Number);
      expect(pids.length).toBe(3);
      expect(await allGone(pids)).toBe(true);
      expect(zombiesOf()).toEqual([]);
    });

    it('kills every member when the signal aborts', async () => {
      const controller = new AbortController();
      const running = caught(nr.pipeline([SLEEPER, SLEEPER, SLEEPER], { signal: controller.signal }));
      await sleep(300);
      controller.abort();
      const e = await running;
      expect(AbortError.isInstance(e)).toBe(true);
      const pids = String(e.stderr).trim().split('\n').filter(Boolean).map(Number);
      expect(await allGone(pids)).toBe(true);
    });

    it('leaves no member when the host is SIGKILLed', async () => {
      const host = await nr.spawn([env.hostCommand[0]!, pipelineHost, env.hostCommand[env.hostCommand.length - 1]!]);
      let out = '';
      for (let c = await host.read(); c !== null; c = await host.read()) out += text(c);
      await host.wait();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      expect(line === undefined ? out : 'pids').toBe('pids');
      const pids = JSON.parse(line!) as { host: number; shepherd: number; members: number[] };
      expect(pids.members.length).toBe(3);
      expect(await allGone([pids.host, pids.shepherd, ...pids.members])).toBe(true);
    });

    it('names the member that cannot start, and leaves none of the others running', async () => {
      const shepherd = await shepherdPid();
      const missing = await caught(nr.pipeline([['sleep', '100'], ['no-such-program-nr', 'x'], ['cat']]));
      expect(SpawnError.isInstance(missing)).toBe(true);
      expect([missing.code, missing.stage, missing.field]).toEqual(['ENOENT', 'resolve', 'pipeline[1]']);
      expect(missing.argv).toEqual(['no-such-program-nr', 'x']);
      expect(missing.message).toContain('pipeline[1]');
      const denied = await caught(nr.pipeline([['sleep', '100'], ['sleep', '100'], [notExecutable]]));
      expect([denied.code, denied.stage, denied.field]).toEqual(['EACCES', 'exec', 'pipeline[2]']);
      // The two sleeps had started: both were killed and reaped in the request.
      expect(childrenOf(shepherd)).toEqual([]);
    });

    it('leaks no fd in the host or the shepherd, and no pipe into another child', async () => {
      const shepherd = await shepherdPid();
      await nr.pipeline([['true'], ['true']]);
      const hostBefore = fdCount();
      const shepherdBefore = await settledFds(shepherd);
      for (let i = 0; i < 20; i++) {
        const r = await nr.pipeline([['echo', String(i)], ['cat'], ['cat']]);
        expect(r.stdout).toBe(`${i}\n`);
      }
      await caught(nr.pipeline([['true'], ['no-such-program-nr']]));
      await caught(nr.pipeline([SLEEPER, SLEEPER], { timeout: 100, killTimeout: 100 }));
      const running = nr.pipeline([['sleep', '100'], ['sleep', '100']], { timeout: 60_000 });
      expect(await waitFor(() => childrenOf(shepherd).length === 2)).toBe(true);
      const members = childrenOf(shepherd);
      const groups = [...new Set(members.map(pgrpOf))];
      expect(groups.length).toBe(1);
      expect(members).toContain(groups[0]);
      const other = await nr.run(['ls', '/proc/self/fd']);
      expect(other.stdout).toBe('0\n1\n2\n3\n');
      nr.shutdown(); // ends the running pipeline: a new shepherd is counted below
      await caught(running);
      const fresh = await shepherdPid();
      await nr.pipeline([['true'], ['true']]);
      const freshBefore = await settledFds(fresh);
      for (let i = 0; i < 10; i++) await nr.pipeline([['true'], ['cat'], ['true']]);
      expect(await waitFor(() => shepherdFds(fresh) <= freshBefore, 5000)).toBe(true);
      expect(await waitFor(() => fdCount() <= hostBefore, 5000)).toBe(true);
      expect(shepherdBefore).toBeGreaterThan(0);
      expect(zombiesOf()).toEqual([]);
    });

    it('streams the last member\'s stdout byte for byte, and ends with the exit pipefail picks', async () => {
      const input = randomBytes(2 * 1024 * 1024);
      const out = await collect(nr.streamPipeline([['cat'], ['cat'], ['cat']], { input }));
      expect(sameBytes(out, input)).toBe(true);
      let got = '';
      const e = await caught((async () => {
        for await (const c of nr.streamPipeline([['sh', '-c', 'echo a; exit 3'], ['cat']])) got += text(c);
      })());
      expect(got).toBe('a\n');
      expect(NonZeroExitError.isInstance(e) ? e.exitCode : e).toBe(3);
      expect(await collectText(nr.streamPipeline([['sh', '-c', 'echo a; exit 3'], ['cat']], { pipefail: false }))).toBe('a\n');
      expect(await collectText(nr.streamPipeline([['sh', '-c', 'exit 3'], ['cat']], { allowNonZeroExit: true }))).toBe('');
    });

    it('stops every member when a streamPipeline() loop is left early', async () => {
      const shepherd = await shepherdPid();
      let members: number[] = [];
      for await (const _ of nr.streamPipeline([['yes'], ['cat'], ['cat']])) {
        if (await waitFor(() => childrenOf(shepherd).length === 3)) members = childrenOf(shepherd);
        break;
      }
      expect(members.length).toBe(3);
      expect(await allGone(members)).toBe(true);
      const e = await caught(collectText(nr.streamPipeline([['true'], []])));
      expect(ValidationError.isInstance(e) ? e.field : e).toBe('pipeline[1]');
    });

    cit('runs every member in one cgroup, kept until the last member is reaped, then removed', async () => {
      const root = `netrunner-pipeline-${env.runtime}-${process.pid}`;
      nr.shutdown();
      nr.configure({ cgroupRoot: root });
      try {
        // The first member is reaped long before the second ends: the
        // cgroup they share must outlive it.
        const r = await nr.pipeline(
          [['cat', '/proc/self/cgroup'], ['sh', '-c', 'sleep 0.3; cat; cat /proc/self/cgroup']],
          { cgroup: 'shared' },
        );
        expect(r.members.map((m) => m.exitCode)).toEqual([0, 0]);
        const inside = r.stdout.split('\n').filter((l) => l.endsWith(`/${root}/shared`));
        expect(inside.length).toBeGreaterThanOrEqual(2);
        expect(inside.length % 2).toBe(0); // as many lines from each member
        expect(r.stats.cgroupMemoryPeak).toBeGreaterThan(0);
        expect(await waitFor(() => cgroupDirsLeft(root).length === 0, 5000)).toBe(true);
      } finally {
        nr.shutdown();
        nr.configure({});
      }
    });

    it('rejects bad members and options with a ValidationError naming them, before anything starts', async () => {
      await invalid(() => nr.pipeline([]), 'pipeline');
      await invalid(() => nr.pipeline('ls' as never), 'pipeline');
      await invalid(() => nr.pipeline(Array.from({ length: 65 }, () => ['true'])), 'pipeline');
      await invalid(() => nr.pipeline([['true'], []]), 'pipeline[1]');
      await invalid(() => nr.pipeline([['true'], 'cat' as never]), 'pipeline[1]');
      await invalid(() => nr.pipeline([['true'], ['']]), 'pipeline[1][0]');
      await invalid(() => nr.pipeline([['true'], ['cat', 'a\0b']]), 'pipeline[1][1]');
      await invalid(() => nr.pipeline([['true'], ['cat']], { pty: true }), 'pty');
      await invalid(() => nr.pipeline([['true'], ['cat']], { pipefail: 'yes' as never }), 'pipefail');
      await invalid(() => nr.pipeline([['true'], ['cat']], { timeout: -1 }), 'timeout');
    });
  });
}
