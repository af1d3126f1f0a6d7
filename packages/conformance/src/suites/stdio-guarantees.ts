import { closeSync, openSync, readdirSync } from 'node:fs';
import type { NetRunner } from '@netrunner/types';
import { ValidationError } from '@netrunner/types';
import { caught } from '../helpers/bytes.js';
import { allGone, childrenOf, fdCount, parentOf, waitFor, zombiesOf } from '../helpers/proc.js';
import { readUntil } from '../helpers/read-until.js';
import { useTempDir } from '../helpers/temp-files.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const stdioHost = new URL('../../fixtures/stdio-host.mjs', import.meta.url).pathname;

/** Open fds of a process. */
function fdsOf(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** stdio per stream keeps every guarantee: the terminal, host death, no fd leak, typed bad input. */
export function stdioGuarantees(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const host = [env.hostCommand[0]!, stdioHost, env.hostCommand[env.hostCommand.length - 1]!];
  const temp = useTempDir(t);

  describe('stdio: inherit', () => {
    it("shows a child's output live in the host's own stdout and stderr", async () => {
      const r = await nr.run([...host, 'live']);
      expect(r.stdout).toBe('one\nthree\n{"stdout":"","stderr":"","exitCode":0}\n');
      expect(r.stderr).toBe('two\n');
    });

    it("hands the host's terminal to the child (isatty, a line read) and back to the host", async () => {
      await using p = await nr.spawn([...host, 'terminal'], { pty: true });
      let out = await readUntil(p, /ready\r\n/);
      expect(out).toBe('ready\r\n'); // no "fd N is not a terminal" before it
      await p.write('hello\n');
      out = await readUntil(p, /child exit:\d+\r\n/, out);
      expect(out).toContain('child got:hello\r\nchild exit:0\r\n');
      // The host reads its terminal again: the foreground is back with its group.
      await p.write('again\n');
      out = await readUntil(p, /host got:again\r\n/, out);
      expect(out).toContain('host got:again\r\n');
      expect((await p.wait()).exitCode).toBe(0);
    }, 30_000);

    it('kills a child with inherited stdio, and its group, when the host is SIGKILLed', async () => {
      // The child holds this pipe (the host's stdout) until it is gone.
      const r = await nr.run([...host, 'sigkill'], { waitDelay: 15_000 });
      const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
      expect(line === undefined ? r.stdout : 'pids').toBe('pids');
      const pids = JSON.parse(line!) as { host: number; child: number; grandchildren: number[] };
      expect([r.signal, pids.grandchildren.length, r.outputCut]).toEqual(['SIGKILL', 2, false]);
      expect(await allGone([pids.host, pids.child, ...pids.grandchildren])).toBe(true);
      expect(zombiesOf()).toEqual([]);
    }, 30_000);
  });

  describe('stdio: no fd leak', () => {
    it('leaves the host and the shepherd with the fds they had, after successes and failures', async () => {
      const probe = await nr.spawn(['sleep', '100'], { stdout: 'ignore' });
      const shepherd = parentOf(probe.pid);
      probe.kill('SIGKILL');
      await probe.wait();
      const file = temp().path('leak.txt');
      const own = openSync(temp().path('own.txt'), 'w');
      try {
        await nr.run(['true'], { stdin: 'ignore', stdout: { file }, stderr: { fd: own } });
        const hostBefore = fdCount();
        const shepherdBefore = fdsOf(shepherd);
        for (let i = 0; i < 50; i++) {
          await nr.run(['echo', 'x'], { stdin: { file }, stdout: { file, append: true }, stderr: { fd: own } });
          await nr.run(['true'], { stdin: 'ignore', stdout: 'ignore', stderr: 'stdout' });
          await caught(nr.run(['no-such-program-nr'], { stdout: { file } }));
          await caught(nr.run(['true'], { cwd: '/no/such/dir', stdin: { file }, stderr: { fd: own } }));
          await caught(nr.run(['true'], { stdout: { file: '/no/such/dir/x' }, stdin: { file } }));
        }
        expect(await waitFor(() => fdCount() <= hostBefore, 5000)).toBe(true);
        expect(await waitFor(() => fdsOf(shepherd) <= shepherdBefore, 5000)).toBe(true);
        expect(await waitFor(() => childrenOf(shepherd).length === 0, 5000)).toBe(true);
      } finally {
        closeSync(own);
      }
    }, 120_000);
  });

  describe('stdio: bad input', () => {
    async function invalid(options: Record<string, unknown>, field: string): Promise<void> {
      const e = await caught(nr.run(['true'], options));
      expect(ValidationError.isInstance(e) ? e.field : e).toBe(field);
    }

    it('names the field of a bad mode, file or fd, before anything is spawned', async () => {
      const probe = await nr.spawn(['sleep', '100'], { stdout: 'ignore' });
      const shepherd = parentOf(probe.pid);
      const fds = fdCount();
      await invalid({ stdout: 'loud' }, 'stdout');
      await invalid({ stdin: 'stdout' }, 'stdin');
      await invalid({ stderr: { file: 'x', fd: 1 } }, 'stderr');
      await invalid({ stdout: { file: '/no/such/dir/out.txt' } }, 'stdout.file');
      await invalid({ stdin: { file: temp().path('missing.txt') } }, 'stdin.file');
      await invalid({ stderr: { file: temp().dir } }, 'stderr.file'); // a directory
      await invalid({ stdout: { fd: -1 } }, 'stdout.fd');
      await invalid({ stdout: { fd: 1.5 } }, 'stdout.fd');
      await invalid({ stdout: { fd: 1_000_000 } }, 'stdout.fd'); // not open
      await invalid({ stdin: { file: 'a', append: true } }, 'stdin.append');
      await invalid({ stdin: 'inherit', input: 'x' }, 'input');
      await invalid({ pty: true, stdout: 'inherit' }, 'stdout');
      expect(childrenOf(shepherd)).toEqual([probe.pid]);
      expect(fdCount()).toBe(fds);
      probe.kill('SIGKILL');
      await probe.wait();
    });

    it('says which path could not be opened and why', async () => {
      const e = await caught(nr.run(['true'], { stdout: { file: '/no/such/dir/out.txt' } }));
      expect(e.message).toMatch(/^Expected `stdout.file` to be a file that can be opened for writing, got "\/no\/such\/dir\/out.txt" \(ENOENT/);
    });
  });
}
