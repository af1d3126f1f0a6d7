import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { Daemon, type DaemonRunner } from '@netrunner/daemon';
import { SpawnError, ValidationError } from '@netrunner/types';
import { caught, collectText, text } from '../helpers/bytes.js';
import { allGone, childrenOf, fdCount, parentOf, procState, sleep, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const MiB = 1024 * 1024;

/**
 * Each entry of the reference NetRunner's CHANGELOG "Fixed" list that applies
 * to netrunner, as a test named after it (docs/reliability.md lists the
 * mapping, and the entries that do not apply).
 */
export function netrunnerFixedBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, expect } = t;
  // Generous: some cases start hundreds of children on a shared 2-core machine.
  const it = (name: string, fn: () => unknown, timeout = 30_000): void => t.it(name, fn, timeout);
  const notExecutable = new URL('../../fixtures/not-executable.sh', import.meta.url).pathname;

  /** A `sleep` that never reads stdin, with a write of `bytes` parked on its full pipe. */
  async function parkedWrite(bytes: number): Promise<{ p: Awaited<ReturnType<NetRunner['spawn']>>; write: Promise<unknown> }> {
    const p = await nr.spawn(['sleep', '1000']);
    const write = p.write(new Uint8Array(bytes)).then(() => 'resolved', (e) => e);
    await sleep(100);
    return { p, write };
  }

  describe('NetRunner CHANGELOG "Fixed", as netrunner tests', () => {
    it('FD leak on an error path: failed spawns (ENOENT, EACCES, missing cwd) close every fd', async () => {
      await nr.run(['true']);
      const before = fdCount();
      for (let i = 0; i < 50; i++) {
        for (const call of [
          () => nr.spawn(['netrunner-no-such-program']),
          () => nr.spawn([notExecutable]),
          () => nr.spawn(['true'], { cwd: '/netrunner/no/such/dir' }),
        ]) {
          expect(SpawnError.isInstance(await caught(call()))).toBe(true);
        }
      }
      expect(await waitFor(() => fdCount() <= before, 5000)).toBe(true);
      expect(zombiesOf()).toEqual([]);
    });

    it('use-after-close of read/write vs close: a write pending at dispose never lands in an fd opened afterwards', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-fixed-'));
      try {
        const { p, write } = await parkedWrite(4 * MiB);
        const read = p.read().then((c) => (c === null ? 'eof' : 'data'), (e) => e);
        await p[Symbol.asyncDispose]();
        // Open files until the numbers the child's pipes had are surely reused.
        const fds = Array.from({ length: 8 }, (_, i) => openSync(join(dir, `f${i}`), 'w+'));
        expect(await Promise.race([write.then(() => 'settled'), sleep(10_000).then(() => 'pending')])).toBe('settled');
        expect(await Promise.race([read.then(() => 'settled'), sleep(10_000).then(() => 'pending')])).toBe('settled');
        await sleep(200);
        for (const fd of fds) closeSync(fd);
        for (let i = 0; i < 8; i++) expect(readFileSync(join(dir, `f${i}`)).length).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lost initial stderr chunk: a child that exits at once keeps its stderr readable after wait() (100 times)', async () => {
      for (let i = 0; i < 100; i++) {
        const p = await nr.spawn(['sh', '-c', `printf 'err-${i}' >&2`]);
        const exit = await p.wait();
        expect([exit.exitCode, await collectText(p.stderr)]).toEqual([0, `err-${i}`]);
      }
    });

    it('write loop spinning on a 0-byte write: empty writes resolve at once and later bytes still arrive', async () => {
      const p = await nr.spawn(['cat']);
      await p.write('');
      await p.write(new Uint8Array(0));
      await p.write('after');
      await p.closeStdin();
      expect(await collectText(p.stdout)).toBe('after');
      expect((await p.wait()).exitCode).toBe(0);
    });

    it('command framing: requests sent back to back in one tick are all served', async () => {
      const children = await Promise.all(Array.from({ length: 30 }, () => nr.spawn(['sleep', '1000'])));
      for (const [i, p] of children.entries()) p.kill(i % 2 === 0 ? 'SIGKILL' : 'SIGUSR1');
      const exits = await Promise.all(children.map((p) => p.wait()));
      expect(exits.map((e) => e.signal)).toEqual(children.map((_, i) => (i % 2 === 0 ? 'SIGKILL' : 'SIGUSR1')));
    });

    it('read_uds_message race: a spawn request far larger than the socket buffer arrives whole', async () => {
      // 12 arguments of 100 KiB: one 1.2 MB frame, split over many reads.
      const args = Array.from({ length: 12 }, (_, i) => String.fromCharCode(97 + i).repeat(100 * 1024));
      const r = await nr.run(['sh', '-c', 'printf "%s\\n" "$#"; printf %s "$@" | cksum', 'sh', ...args]);
      const local = await nr.run(['cksum'], { input: args.join('') });
      expect(r.stdout).toBe(`12\n${local.stdout}`);
    });

    it('post-fork signal safety: a child starts with no signal ignored or blocked, stdio on 0..2 only', async () => {
      const r = await nr.run(['sh', '-c', "grep -E '^Sig(Ign|Blk):' /proc/self/status; ls /proc/self/fd"]);
      // sh itself ignores nothing here; its `ls` lists 0, 1, 2 and its own directory fd.
      expect(r.stdout).toBe('SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n0\n1\n2\n3\n');
    });

    it('SIGCHLD reap loop: 200 children exiting together are each reported once, no zombie left', async () => {
      const children = await Promise.all(Array.from({ length: 200 }, () => nr.spawn(['sleep', '0.5'])));
      const shepherd = parentOf(children[0]!.pid);
      const exits = await Promise.all(children.map((p) => p.wait()));
      expect(exits.filter((e) => e.exitCode === 0).length).toBe(200);
      expect(await waitFor(() => childrenOf(shepherd).length === 0, 5000)).toBe(true);
      expect(zombiesOf()).toEqual([]);
    });

    it('FD_CLOEXEC on the PTY master: no child inherits another child\'s pipes or PTY master', async () => {
      const pty = await nr.spawn(['cat'], { pty: true });
      const piped = await nr.spawn(['cat']);
      const r = await nr.run(['ls', '/proc/self/fd']);
      expect(r.stdout).toBe('0\n1\n2\n3\n');
      for (const p of [pty, piped]) await p[Symbol.asyncDispose]();
    });

    it('stream consumer crash: a loop that throws kills the whole group', async () => {
      let pids: number[] = [];
      const e = await caught((async () => {
        for await (const c of nr.stream(['sh', '-c', 'sleep 1000 & echo $$ $!; wait'])) {
          pids = (text(c) ?? '').trim().split(' ').map(Number);
          throw new Error('consumer crashed');
        }
      })());
      expect([e.message, pids.length]).toEqual(['consumer crashed', 2]);
      expect(await allGone(pids)).toBe(true);
    });

    it('watcher blocking during the kill escalation: the host carries on while a child ignores SIGTERM', async () => {
      const p = await nr.spawn(['sh', '-c', "trap '' TERM; echo ready; while :; do sleep 1; done"], { killTimeout: 3000 });
      expect(text(await p.read())).toBe('ready\n');
      let stopped = false;
      const stopping = p.stop().then((exit) => {
        stopped = true;
        return exit;
      });
      const r = await nr.run(['echo', 'meanwhile']);
      expect([r.stdout, stopped]).toEqual(['meanwhile\n', false]);
      expect((await stopping).signal).toBe('SIGKILL');
    });

    it('parked callers: a write parked on a full pipe settles when the child dies', async () => {
      const { p, write } = await parkedWrite(4 * MiB);
      p.kill('SIGKILL');
      expect(await Promise.race([write.then(() => 'settled'), sleep(10_000).then(() => 'pending')])).toBe('settled');
      expect((await p.wait()).signal).toBe('SIGKILL');
    });

    it('cmd/args validation: non-strings and an empty program are ValidationErrors naming argv', async () => {
      const before = fdCount();
      for (const [argv, field] of [
        [[1], 'argv[0]'],
        [['echo', null], 'argv[1]'],
        [[''], 'argv[0]'],
      ] as [unknown[], string][]) {
        const e = await caught(nr.run(argv as string[]));
        expect(ValidationError.isInstance(e) ? e.field : String(e)).toBe(field);
      }
      expect(await waitFor(() => fdCount() <= before, 5000)).toBe(true);
    });

    it('run() error surface: bad options reject with a ValidationError, never throw synchronously', async () => {
      let threw = false;
      const pending: Promise<unknown>[] = [];
      try {
        pending.push(nr.run(['true'], { killTimeout: -1 }), nr.spawn(['true'], { killTimeout: -1 }));
        pending.push(nr.stream(['true'], { killTimeout: -1 })[Symbol.asyncIterator]().next());
      } catch {
        threw = true;
      }
      expect(threw).toBe(false);
      for (const e of await Promise.all(pending.map(caught))) expect(ValidationError.isInstance(e) ? e.field : String(e)).toBe('killTimeout');
    });

    it('signal integer range: 1..31 and 34..64 are delivered, anything else is a ValidationError', async () => {
      const p = await nr.spawn(['sleep', '1000']);
      for (const bad of [0, 32, 33, 65, -9, 2.5]) {
        let e: unknown;
        try {
          p.kill(bad as never);
        } catch (err) {
          e = err;
        }
        expect(ValidationError.isInstance(e) ? e.field : String(e)).toBe('signal');
      }
      expect(procState(p.pid)).toMatch(/^[RSD]$/); // alive (D: still paging sleep in)
      p.kill(10);
      expect((await p.wait()).signal).toBe('SIGUSR1');
    });

    it('signal single source of truth: every named signal reaches the child as itself', async () => {
      const names = ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGQUIT', 'SIGPIPE'] as const;
      const children = await Promise.all(names.map(() => nr.spawn(['sleep', '1000'])));
      children.forEach((p, i) => p.kill(names[i]));
      expect((await Promise.all(children.map((p) => p.wait()))).map((e) => e.signal)).toEqual([...names]);
    });

    it('daemon drain resilience: an onOutput that throws on every chunk, stdout and stderr, never blocks the child', async () => {
      const chatty = 'i=0; while [ $i -lt 5000 ]; do echo "out-$i-.................."; echo "err-$i-.................." >&2; i=$((i+1)); done; echo done';
      const d = new Daemon({
        runner: nr as unknown as DaemonRunner,
        argv: ['sh', '-c', `${chatty}; exec sleep 1000`],
        onOutput: () => {
          throw new Error('handler broke');
        },
        logger: () => {},
      });
      await d.start();
      expect(await waitFor(() => d.status().stdout.endsWith('done\n'), 20_000)).toBe(true);
      expect(d.status().stderr.endsWith('err-4999-..................\n')).toBe(true);
      await d.stop();
    });

    it('deterministic teardown order: shutdown() kills every child and closes the shepherd; the next call opens a new one', async () => {
      const p = await nr.spawn(['sh', '-c', 'sleep 1000 & echo $!; wait']);
      const grandchild = Number(text(await p.read()));
      const shepherd = parentOf(p.pid);
      nr.shutdown();
      expect(await allGone([p.pid, grandchild, shepherd])).toBe(true);
      expect((await nr.run(['echo', 'again'])).stdout).toBe('again\n');
    });
  });
}
