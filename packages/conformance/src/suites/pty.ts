import { readFileSync } from 'node:fs';
import type { NetRunner } from '@netrunner/types';
import { caught, collectText, text } from '../helpers/bytes.js';
import { allGone, fdCount, procState, waitFor } from '../helpers/proc.js';
import { readUntil } from '../helpers/read-until.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, pgrp, session, tty_nr, ...]. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** PTY mode: a terminal for the child, nothing lost, the terminal's own rules for ^C, ^D and echo. */
export function ptyBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('pty', () => {
    it('gives the child a terminal on stdin, stdout and stderr', async () => {
      const script = 'for f in 0 1 2; do test -t $f && echo "$f is a tty"; done; true';
      const { stdout, stderr } = await nr.run(['sh', '-c', script], { pty: true });
      expect(stdout).toBe('0 is a tty\r\n1 is a tty\r\n2 is a tty\r\n');
      expect(stderr).toBe('');
    });

    it('starts the child in a new session whose controlling terminal is the PTY', async () => {
      await using p = await nr.spawn(['sleep', '100'], { pty: true });
      const [, , pgrp, session, ttyNr] = statFields(p.pid);
      expect(Number(pgrp)).toBe(p.pid);
      expect(Number(session)).toBe(p.pid);
      expect(Number(ttyNr)).not.toBe(0);
    });

    it('sends what the child writes to stderr through the terminal, like a terminal does', async () => {
      const { stdout, stderr } = await nr.run(['sh', '-c', 'echo out; echo err >&2'], { pty: true });
      expect(stdout).toBe('out\r\nerr\r\n');
      expect(stderr).toBe('');
    });

    it('opens the terminal at 24x80 by default and at the size asked for', async () => {
      expect((await nr.run(['stty', 'size'], { pty: true })).stdout).toBe('24 80\r\n');
      expect((await nr.run(['stty', 'size'], { pty: { rows: 40, cols: 120 } })).stdout).toBe('40 120\r\n');
    });

    it('resize() changes the size stty reports and the child receives SIGWINCH', async () => {
      const script = 'trap \'echo "winch $(stty size)"\' WINCH; echo "start $(stty size)"; while :; do sleep 0.05; done';
      await using p = await nr.spawn(['sh', '-c', script], { pty: { rows: 30, cols: 100 } });
      let out = await readUntil(p, /start 30 100\r\n/);
      expect(out).toContain('start 30 100\r\n');
      p.resize(50, 132);
      out = await readUntil(p, /winch 50 132\r\n/, out);
      expect(out).toContain('winch 50 132\r\n');
    });

    it('resize() on a child without a PTY is an error', async () => {
      await using p = await nr.spawn(['sleep', '100']);
      let e: any;
      try {
        p.resize(10, 10);
      } catch (err) {
        e = err;
      }
      expect(e?.code).toBe('ENOTTY');
    });

    it('writing Ctrl-C ("\\x03") interrupts the foreground program (SIGINT, exit code 130)', async () => {
      const p = await nr.spawn(['sleep', '100'], { pty: true });
      await p.write('\x03');
      const exit = await p.wait();
      expect(exit.signal).toBe('SIGINT');
      expect(exit.exitCode).toBe(130);
    });

    it('drives an interactive shell: echo of the typed command, its output, its exit code', async () => {
      const p = await nr.spawn(['sh', '-i'], { pty: true, env: { PS1: 'nr$ ', ENV: undefined } });
      let out = await readUntil(p, /nr\$ /);
      await p.write('echo $((6*7))\n');
      out = await readUntil(p, /\r\n42\r\n/, out);
      expect(out).toContain('echo $((6*7))\r\n');
      expect(out).toContain('\r\n42\r\n');
      await p.write('exit 5\n');
      const exit = await p.wait();
      expect(exit.exitCode).toBe(5);
      expect(exit.signal).toBeNull();
    });

    it('never loses the output of a command that exits at once: run(echo hi) is "hi\\r\\n", 50 times', async () => {
      const outputs: string[] = [];
      for (let i = 0; i < 50; i++) outputs.push((await nr.run(['echo', 'hi'], { pty: true })).stdout);
      expect(outputs.filter((o) => o !== 'hi\r\n')).toEqual([]);
    });

    it('never loses the output of a fast exit through stream() and spawn() either', async () => {
      const outputs: string[] = [];
      for (let i = 0; i < 20; i++) {
        outputs.push(await collectText(nr.stream(['echo', 'hi'], { pty: true })));
        const p = await nr.spawn(['echo', 'hi'], { pty: true });
        await p.wait(); // exited and reaped before anyone reads: the master still holds the bytes
        outputs.push(await collectText(p.stdout));
      }
      expect(outputs.filter((o) => o !== 'hi\r\n')).toEqual([]);
    });

    it('delivers every line of a burst written just before exit (EIO after the child is gone is EOF)', async () => {
      const { stdout, exitCode } = await nr.run(['seq', '1', '20000'], { pty: true });
      const lines = stdout.split('\r\n');
      expect(lines.length).toBe(20001);
      expect(lines[19999]).toBe('20000');
      expect(exitCode).toBe(0);
    });

    it('closeStdin() types Ctrl-D: cat sees end of file, even after a partial line', async () => {
      const p = await nr.spawn(['cat'], { pty: true });
      await p.write('abc');
      await p.closeStdin();
      expect(await collectText(p.stdout)).toBe('abcabc'); // the echo, then cat's copy
      expect((await p.wait()).exitCode).toBe(0);
      const e = await caught(p.write('late'));
      expect(e.code).toBe('EPIPE');
    });

    it('run() with input under a PTY feeds it and ends with end of file', async () => {
      const r = await nr.run(['cat'], { pty: true, input: 'hello', timeout: 10_000 });
      expect(r.stdout).toBe('hellohello');
      expect(r.exitCode).toBe(0);
      const s = await nr.run(['sh', '-c', 'read line; echo "got:$line"'], { pty: true, input: 'one\n', timeout: 10_000 });
      expect(s.stdout).toBe('one\r\ngot:one\r\n');
    });

    it('keeps a write pending while the child does not read its terminal, without blocking the event loop', async () => {
      // Raw mode: the terminal queues input instead of discarding a line past 4 KiB, so the master fills.
      const p = await nr.spawn(['sh', '-c', 'stty raw -echo; echo ready; exec sleep 100'], { pty: true });
      expect(await readUntil(p, /ready/)).toContain('ready');
      let settled = false;
      const pending = p.write(new Uint8Array(1 << 20).fill(97)).finally(() => {
        settled = true;
      });
      const ticks = await new Promise<number>((resolve) => {
        let n = 0;
        const timer = setInterval(() => {
          if (++n === 10) {
            clearInterval(timer);
            resolve(n);
          }
        }, 10);
      });
      expect(ticks).toBe(10);
      expect(settled).toBe(false);
      await p[Symbol.asyncDispose]();
      const e = await caught(pending);
      expect(e instanceof Error).toBe(true);
    });

    it('never hangs up a child that closes its terminal just before it exits (cat, 50 times)', async () => {
      const results: string[] = [];
      for (let i = 0; i < 50; i++) {
        const r = await nr.run(['cat'], { pty: true, input: 'hello', timeout: 10_000 });
        results.push(`${r.exitCode} ${r.signal} ${r.stdout}`);
      }
      expect(results.filter((r) => r !== '0 null hellohello')).toEqual([]);
      const late = await nr.run(['sh', '-c', 'echo hi; exec 0<&- 1>&- 2>&-; sleep 0.3'], { pty: true });
      expect([late.stdout, late.exitCode, late.signal]).toEqual(['hi\r\n', 0, null]);
    });

    it('counts bytes in and out under a PTY', async () => {
      const r = await nr.run(['cat'], { pty: true, input: 'hello', timeout: 10_000 });
      expect(r.stats.bytesIn).toBe(5);
      expect(r.stats.bytesOut).toBe(10);
      expect(r.stats.writeCount).toBe(1);
      expect(r.stats.exitStatus).toBe(0);
    });

    it('kill() of a PTY child kills its process group (a background grandchild too)', async () => {
      const p = await nr.spawn(['sh', '-c', 'sleep 100 & echo "bg $!"; wait'], { pty: true });
      const out = await readUntil(p, /bg \d+\r\n/);
      const grandchild = Number(/bg (\d+)/.exec(out)?.[1]);
      expect(procState(grandchild)).toMatch(/^[RSD]$/); // alive (D: still paging sleep in)
      expect(p.kill()).toBe(true);
      await p.wait();
      expect(await allGone([p.pid, grandchild])).toBe(true);
    });

    it('leaks no fd over 100 PTY runs', async () => {
      await nr.run(['true'], { pty: true });
      const before = fdCount();
      for (let i = 0; i < 100; i++) await nr.run(['echo', String(i)], { pty: true });
      for (let i = 0; i < 10; i++) {
        const p = await nr.spawn(['cat'], { pty: true });
        await p.write('x\n');
        await p.read();
        await p.closeStdin();
        await p.wait();
        await p[Symbol.asyncDispose]();
      }
      expect(await waitFor(() => fdCount() <= before, 5_000)).toBe(true);
    }, 60_000);
  });
}
