import type { NetRunner } from '@netrunner/types';
import { MaxOutputExceededError, NonZeroExitError, TimeoutError } from '@netrunner/types';
import { caught, collectText, text } from '../helpers/bytes.js';
import { allGone, childrenOf, procState, waitFor } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** Every example of NetRunner's README, in TypeScript form. */
export function readmeExamples(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('quick start', () => {
    it('runs echo and collects "hello\\n"', async () => {
      const r = await nr.run(['echo', 'hello']);
      expect(r.stdout).toBe('hello\n');
      expect(r.exitCode).toBe(0);
    });
    it('pipes input through cat byte for byte', async () => {
      const r = await nr.run(['cat'], { input: 'from elixir' });
      expect(r.stdout).toBe('from elixir');
      expect(r.exitCode).toBe(0);
    });
    it('reports a non-zero exit as a result, not an error', async () => {
      const r = await nr.run(['false']);
      expect(r.stdout).toBe('');
      expect(r.exitCode).toBe(1);
    });
    it('runs a shell when asked, with the host environment', async () => {
      const r = await nr.run(['sh', '-c', 'echo $HOME']);
      expect(r.stdout).toBe(`${process.env.HOME ?? ''}\n`);
    });
    it('overlays env on the host environment, or replaces it with extendEnv false', async () => {
      const overlay = await nr.run(['sh', '-c', 'echo "$NR_A:$HOME"'], { env: { NR_A: 'x' } });
      expect(overlay.stdout).toBe(`x:${process.env.HOME ?? ''}\n`);
      const only = await nr.run(['/usr/bin/env'], { env: { NR_B: 'y' }, extendEnv: false });
      expect(only.stdout).toBe('NR_B=y\n');
    });
  });

  describe('pipelines', () => {
    it('counts the matching lines of a file through three members joined in the kernel', async () => {
      const log = ['GET / 200', 'GET /a 500', 'GET /b 500', 'GET /c 404'].join('\n');
      const file = `/tmp/netrunner-readme-${process.pid}.log`;
      await nr.run(['sh', '-c', 'cat > "$0"', file], { input: log });
      try {
        const r = await nr.pipeline([['cat', file], ['grep', ' 500'], ['wc', '-l']], { timeout: 10_000 });
        expect(r.stdout.trim()).toBe('2');
        expect(r.members.map((m) => m.exitCode)).toEqual([0, 0, 0]);
      } finally {
        await nr.run(['rm', '-f', file]);
      }
    });
  });

  describe('streaming', () => {
    it('streams tr a-z A-Z over its input', async () => {
      expect(await collectText(nr.stream(['tr', 'a-z', 'A-Z'], { input: 'hello world' }))).toBe('HELLO WORLD');
    });
    it('streams sort', async () => {
      expect(await collectText(nr.stream(['sort'], { input: 'cherry\napple\nbanana\n' }))).toBe('apple\nbanana\ncherry\n');
    });
    it('pipes an async iterable through grep without loading it whole', async () => {
      async function* lines() {
        for (let i = 0; i < 1000; i++) yield `${i % 100 === 0 ? 'ERROR' : 'ok'} line ${i}\n`;
      }
      const out = await collectText(nr.stream(['grep', 'ERROR'], { input: lines() }));
      expect(out.split('\n').filter(Boolean).length).toBe(10);
    });
    it('does not spawn until the first pull', async () => {
      const s = nr.stream(['sh', '-c', 'echo started']);
      const it = s[Symbol.asyncIterator]();
      expect(text((await it.next()).value as Uint8Array)).toBe('started\n');
      expect((await it.next()).done).toBe(true);
    });
    it('rejects after the last chunk when the command fails (stream! semantics)', async () => {
      const seen: string[] = [];
      const e = await caught((async () => {
        for await (const c of nr.stream(['sh', '-c', 'echo partial; echo bad >&2; exit 3'])) seen.push(text(c)!);
      })());
      expect(seen.join('')).toBe('partial\n');
      expect(NonZeroExitError.isInstance(e)).toBe(true);
      expect(e.exitCode).toBe(3);
      expect(e.stderr).toBe('bad\n');
    });
  });

  describe('timeouts and limits', () => {
    it('times out sleep 100 after 500 ms', async () => {
      const e = await caught(nr.run(['sleep', '100'], { timeout: 500 }));
      expect(TimeoutError.isInstance(e)).toBe(true);
      expect(e.stats.exitStatus).toBe(143);
      expect(await allGone([e.pid])).toBe(true);
    });
    it('caps output and keeps exactly the cap', async () => {
      const e = await caught(nr.run(['sh', '-c', 'yes'], { maxOutputSize: 1000 }));
      expect(MaxOutputExceededError.isInstance(e)).toBe(true);
      expect(e.partial.length).toBe(1000);
      expect(e.partial.slice(0, 4)).toBe('y\ny\n');
    });
    it('escalates to SIGKILL after killTimeout when SIGTERM is ignored', async () => {
      const e = await caught(nr.run(['sh', '-c', 'trap "" TERM; echo ready; while :; do sleep 0.05; done'], { timeout: 300, killTimeout: 200 }));
      expect(TimeoutError.isInstance(e)).toBe(true);
      expect(e.stats.exitStatus).toBe(137);
    });
  });

  describe('Process API', () => {
    it('writes, closes stdin, reads, sees EOF and the exit', async () => {
      const p = await nr.spawn(['cat']);
      await p.write('hello world');
      await p.closeStdin();
      expect(text(await p.read())).toBe('hello world');
      expect(await p.read()).toBeNull();
      expect((await p.wait()).exitCode).toBe(0);
    });
    it('takes incremental writes', async () => {
      const p = await nr.spawn(['cat']);
      for (const chunk of ['chunk 1 ', 'chunk 2 ', 'chunk 3']) await p.write(chunk);
      await p.closeStdin();
      expect(await collectText(p.stdout)).toBe('chunk 1 chunk 2 chunk 3');
      expect((await p.wait()).exitCode).toBe(0);
    });
    it('kill() sends SIGTERM: exit 143', async () => {
      const p = await nr.spawn(['sleep', '100']);
      expect(p.kill('SIGTERM')).toBe(true);
      expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 143, signal: 'SIGTERM', outputCut: false });
    });
    it('kills the whole process group: sh and both sleeps', async () => {
      const p = await nr.spawn(['sh', '-c', 'sleep 100 & sleep 100 & wait']);
      expect(await waitFor(() => childrenOf(p.pid).length === 2)).toBe(true);
      const pids = [p.pid, ...childrenOf(p.pid)];
      p.kill('SIGKILL');
      expect((await p.wait()).exitCode).toBe(137);
      expect(await allGone(pids)).toBe(true);
    });
    it('tells alive and the OS pid', async () => {
      const p = await nr.spawn(['sleep', '10']);
      expect(p.alive).toBe(true);
      expect(p.pid).toBeGreaterThan(0);
      expect(procState(p.pid)).toMatch(/^[RSD]$/); // alive (D: still paging sleep in)
      p.kill('SIGKILL');
      await p.wait();
      expect(p.alive).toBe(false);
      expect(await allGone([p.pid])).toBe(true);
    });
    it('tracks stats', async () => {
      const p = await nr.spawn(['cat']);
      await p.write('hello');
      await p.closeStdin();
      expect(text(await p.read())).toBe('hello');
      await p.wait();
      const s = p.stats();
      expect([s.bytesIn, s.bytesOut, s.readCount, s.writeCount, s.exitStatus]).toEqual([5, 5, 1, 1, 0]);
      expect(s.durationMs).toBeGreaterThanOrEqual(0);
      expect(s.maxRssKb).toBeGreaterThan(0);
    });
    it('disposes: SIGTERM, then release', async () => {
      let pid = 0;
      {
        await using p = await nr.spawn(['sleep', '100']);
        pid = p.pid;
      }
      expect(await allGone([pid])).toBe(true);
    });
    it('gives a program a terminal with pty', async () => {
      const p = await nr.spawn(['sh', '-c', 'test -t 0 && test -t 1 && echo tty; stty size'], { pty: { rows: 40, cols: 120 } });
      expect((await collectText(p.stdout)).replace(/\r/g, '')).toBe('tty\n40 120\n');
      expect((await p.wait()).exitCode).toBe(0);
    });
  });

  describe('parallel execution', () => {
    it('runs independent processes side by side', async () => {
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((x) => nr.run(['echo', x])));
      expect(results.map((r) => r.stdout)).toEqual(['a\n', 'b\n', 'c\n', 'd\n']);
    });
  });
}
