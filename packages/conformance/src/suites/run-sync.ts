import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { MaxOutputExceededError, NonZeroExitError, SpawnError, TimeoutError, ValidationError, type RunSyncOptions } from '@netrunner/types';
import { cgroupMounts } from '../helpers/cgroups.js';
import { allGone, killLeftover, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const hostFixture = new URL('../../fixtures/run-sync-host.mjs', import.meta.url).pathname;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The pids a `sh -c 'sleep 1000 & echo $$ $!; ...'` child printed. */
const pidsIn = (stdout: string | Uint8Array): number[] => String(stdout).trim().split(' ').map(Number);

/** runSync(): run() that blocks, with the same result, errors and guarantees. */
export function runSyncBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('runSync()', () => {
    it('returns run()\'s result: exact bytes, stderr, exit code, pid', () => {
      const r = nr.runSync(['sh', '-c', 'printf "a\\0b\\n"; printf err >&2; exit 7']);
      expect([r.stdout, r.stderr, r.exitCode, r.signal]).toEqual(['a\0b\n', 'err', 7, null]);
      expect(r.pid).toBeGreaterThan(0);
      const bytes = nr.runSync(['printf', '\\377\\000x'], { encoding: 'buffer' });
      expect(Array.from(bytes.stdout)).toEqual([255, 0, 120]);
      expect(nr.runSync(['cat'], { input: ['one ', new TextEncoder().encode('two')] }).stdout).toBe('one two');
      expect(nr.runSync(['printf', 'x\\ny\\n'], { lines: true }).stdout).toEqual(['x', 'y']);
    });

    it('blocks: no timer or promise callback runs until it returns', async () => {
      let ran = false;
      setTimeout(() => (ran = true), 0);
      void Promise.resolve().then(() => (ran = true));
      const r = nr.runSync(['sleep', '0.2']);
      expect([ran, r.exitCode]).toEqual([false, 0]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(ran).toBe(true);
    });

    it('a timeout throws TimeoutError and kills the whole group; nothing is left', () => {
      const e = thrown(() => nr.runSync(['sh', '-c', 'sleep 1000 & echo $$ $!; wait'], { timeout: 300, killTimeout: 100 }));
      expect(TimeoutError.isInstance(e) && e instanceof TimeoutError).toBe(true);
      const err = e as TimeoutError;
      expect(err.message).toBe("Command timed out after 300 ms: sh -c 'sleep 1000 & echo $$ $!; wait'");
      const pids = pidsIn(err.stdout);
      expect(pids.length).toBe(2);
      // The group was reaped before runSync() returned: no waiting needed.
      expect(pids.map((p) => existsSync(`/proc/${p}`))).toEqual([false, false]);
      expect(zombiesOf()).toEqual([]);
    });

    it('the output cap throws MaxOutputExceededError and stops the child', () => {
      const e = thrown(() => nr.runSync(['sh', '-c', 'echo $$; exec yes'], { maxOutputSize: 1000 }));
      expect(MaxOutputExceededError.isInstance(e)).toBe(true);
      const err = e as MaxOutputExceededError;
      expect([err.stream, err.maxOutputSize]).toEqual(['stdout', 1000]);
      const pid = Number(String(err.partial).split('\n')[0]);
      expect(existsSync(`/proc/${pid}`)).toBe(false);
    });

    it('reject: true throws NonZeroExitError with the result; a missing program is a SpawnError', () => {
      const e = thrown(() => nr.runSync(['sh', '-c', 'echo out; exit 3'], { reject: true }));
      expect(NonZeroExitError.isInstance(e) && e instanceof NonZeroExitError).toBe(true);
      expect([(e as NonZeroExitError).result?.stdout, (e as NonZeroExitError).exitCode]).toEqual(['out\n', 3]);
      const s = thrown(() => nr.runSync(['netrunner-no-such-program-xyz']));
      expect(s instanceof SpawnError && [s.code, s.stage]).toEqual(['ENOENT', 'resolve']);
    });

    it('bad input is a ValidationError naming the field, thrown before anything is spawned', () => {
      const field = (f: () => unknown): unknown => (thrown(f) as ValidationError).field;
      expect(field(() => nr.runSync(['true'], { timeout: -1 }))).toBe('timeout');
      expect(field(() => nr.runSync([]))).toBe('argv');
      const asyncInput = (async function* () {
        yield 'x';
      })();
      expect(field(() => nr.runSync(['cat'], { input: asyncInput as never }))).toBe('input');
      const e = thrown(() => nr.runSync(['true'], { signal: new AbortController().signal } as never));
      expect(ValidationError.isInstance(e) && (e as Error).message).toBe(
        'Unknown option `signal` of runSync(): it is an option of spawn(), run(), stream(), pipeline(), streamPipeline() and new Daemon()',
      );
    });

    it('reads each option once, inherited ones too, as run() does: what is checked is what runs', () => {
      let reads = 0;
      const flipping = {
        get cwd() {
          reads++;
          return reads === 1 ? '/tmp' : '/';
        },
      };
      expect([nr.runSync(['pwd'], flipping).stdout, reads]).toEqual(['/tmp\n', 1]);
      const inherited = Object.create({ cwd: '/tmp', env: { NR_INHERITED: 'yes' } }) as RunSyncOptions;
      expect(nr.runSync(['sh', '-c', 'pwd; printf %s "$NR_INHERITED"'], inherited).stdout).toBe('/tmp\nyes');
    });

    it('sees the environment as it is at the call, and logs verbose lines to the caller', () => {
      const key = 'NETRUNNER_RUN_SYNC_PROBE';
      process.env[key] = 'first';
      expect(nr.runSync(['sh', '-c', `printf %s "$${key}"`]).stdout).toBe('first');
      process.env[key] = 'second';
      try {
        expect(nr.runSync(['sh', '-c', `printf %s "$${key}"`]).stdout).toBe('second');
      } finally {
        delete process.env[key];
      }
      const lines: string[] = [];
      const r = nr.runSync(['true'], { verbose: (line) => lines.push(line) });
      expect(lines.length).toBe(1);
      expect(lines[0]).toMatch(new RegExp(`^\\[netrunner\\] true: pid ${r.pid}, exit 0, \\d+ ms$`));
    });

    const cgroupsHere = cgroupMounts().length > 0 && process.getuid?.() === 0;
    (cgroupsHere ? it : (name: string, fn: () => unknown) => t.skip(`${name} [skipped: needs root and a cgroup hierarchy]`, fn))(
      'follows configure({ cgroupRoot }) of the caller',
      () => {
        const root = `netrunner-run-sync-${env.runtime}-${process.pid}`;
        nr.shutdown();
        nr.configure({ cgroupRoot: root });
        try {
          const r = nr.runSync(['cat', '/proc/self/cgroup'], { cgroup: 'job' });
          expect(r.stdout.split('\n').some((line) => line.endsWith(`/${root}/job`))).toBe(true);
        } finally {
          nr.shutdown();
          nr.configure({});
        }
        const plain = nr.runSync(['cat', '/proc/self/cgroup']);
        expect(plain.stdout.includes(root)).toBe(false);
      },
    );

    it('a host killed while blocked in runSync() takes the child\'s group with it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-run-sync-'));
      const file = join(dir, 'pids');
      const runtime = env.hostCommand[0]!;
      const entry = env.hostCommand[env.hostCommand.length - 1]!;
      const host = await nr.spawn([runtime, hostFixture, entry, file]);
      let pids: number[] = [];
      try {
        expect(await waitFor(() => existsSync(file), 30_000)).toBe(true);
        pids = pidsIn(readFileSync(file, 'utf8'));
        expect(pids.length).toBe(2);
        host.kill('SIGKILL');
        expect((await host.wait()).signal).toBe('SIGKILL');
        expect(await allGone(pids)).toBe(true);
      } finally {
        pids.forEach(killLeftover);
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
}
