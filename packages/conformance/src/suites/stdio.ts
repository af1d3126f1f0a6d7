import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import type { NetRunner } from '@netrunner/types';
import { caught, collect, randomBytes } from '../helpers/bytes.js';
import { allGone, childrenOf, waitFor } from '../helpers/proc.js';
import { fileSha256, fileText, sha256, useTempDir, writeFile } from '../helpers/temp-files.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** stdio per stream: pipe, inherit, ignore, a file, an fd the caller owns; stderr into stdout. */
export function stdioBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const temp = useTempDir(t);

  describe('stdio: files and fds', () => {
    it('copies 3 MiB of random bytes from a stdin file to a stdout file, byte-exact', async () => {
      const data = randomBytes(3 * 1024 * 1024 + 17);
      writeFile(temp().path('in.bin'), data);
      const r = await nr.run(['cat'], { stdin: { file: temp().path('in.bin') }, stdout: { file: temp().path('out.bin') } });
      expect([r.exitCode, r.stdout, r.stats.bytesOut]).toEqual([0, '', 0]);
      expect(fileSha256(temp().path('out.bin'))).toBe(sha256(data));
    });

    it('pipes random binary stdin from a file to a piped stdout, byte-exact', async () => {
      const data = randomBytes(1024 * 1024 + 3);
      writeFile(temp().path('in2.bin'), data);
      const r = await nr.run(['cat'], { stdin: { file: temp().path('in2.bin') }, encoding: 'buffer' });
      expect(sha256(r.stdout as Uint8Array)).toBe(sha256(data));
    });

    it('sends stderr to a file while stdout stays piped', async () => {
      const r = await nr.run(['sh', '-c', 'printf out; printf err >&2'], { stderr: { file: temp().path('err.txt') } });
      expect([r.stdout, r.stderr]).toEqual(['out', '']);
      expect(fileText(temp().path('err.txt'))).toBe('err');
    });

    it('truncates a file by default and appends with append: true', async () => {
      const file = temp().path('log.txt');
      writeFile(file, 'old contents\n');
      await nr.run(['echo', 'first'], { stdout: { file } });
      expect(fileText(file)).toBe('first\n');
      await nr.run(['echo', 'second'], { stdout: { file, append: true }, stderr: { file, append: true } });
      await nr.run(['sh', '-c', 'echo third >&2'], { stderr: { file, append: true } });
      expect(fileText(file)).toBe('first\nsecond\nthird\n');
    });

    it('creates a missing file with mode 0666 less the umask', async () => {
      const file = temp().path('created.txt');
      await nr.run(['echo', 'x'], { stdout: { file } });
      const umask = process.umask();
      expect((statSync(file).mode & 0o777).toString(8)).toBe((0o666 & ~umask).toString(8));
    });

    it('joins stderr to stdout in a file, in the order written (stderr: "stdout")', async () => {
      const file = temp().path('both.txt');
      const r = await nr.run(['sh', '-c', 'echo 1; echo 2 >&2; echo 3; echo 4 >&2'], { stdout: { file }, stderr: 'stdout' });
      expect([r.stdout, r.stderr]).toEqual(['', '']);
      expect(fileText(file)).toBe('1\n2\n3\n4\n');
    });

    it('writes to an fd the caller owns, which stays open and shares its offset', async () => {
      const fd = openSync(temp().path('fd.txt'), 'w');
      try {
        await nr.run(['echo', 'one'], { stdout: { fd } });
        await nr.run(['sh', '-c', 'echo two >&2'], { stderr: { fd } });
        expect(fstatSync(fd).isFile()).toBe(true);
      } finally {
        closeSync(fd);
      }
      expect(fileText(temp().path('fd.txt'))).toBe('one\ntwo\n');
    });

    it('reads stdin from an fd the caller owns', async () => {
      writeFile(temp().path('fdin.txt'), 'from an fd\n');
      const fd = openSync(temp().path('fdin.txt'), 'r');
      try {
        expect((await nr.run(['cat'], { stdin: { fd } })).stdout).toBe('from an fd\n');
      } finally {
        closeSync(fd);
      }
    });
  });

  describe('stdio: ignore and streams that are not piped', () => {
    it("gives the child /dev/null for 'ignore'", async () => {
      const script = 'readlink /proc/self/fd/0; readlink /proc/self/fd/2 >&3';
      const r = await nr.run(['sh', '-c', `exec 3>&1; ${script}`], { stdin: 'ignore', stderr: 'ignore' });
      expect(r.stdout).toBe('/dev/null\n/dev/null\n');
      expect((await nr.run(['cat'], { stdin: 'ignore' })).stdout).toBe('');
    });

    it('resolves wait() for a chatty child whose stdout nobody reads, with ignore or a file', async () => {
      for (const stdout of ['ignore', { file: temp().path('chatty.bin') }] as const) {
        await using p = await nr.spawn(['head', '-c', '20000000', '/dev/zero'], { stdout });
        expect((await p.wait()).exitCode).toBe(0);
      }
      expect(statSync(temp().path('chatty.bin')).size).toBe(20_000_000);
    });

    it('reads EOF at once from a stream that is not piped, and write() says stdin is not a pipe', async () => {
      await using p = await nr.spawn(['sh', '-c', 'echo out; echo err >&2'], { stdin: 'ignore', stdout: 'ignore', stderr: 'stdout' });
      expect(await p.read()).toBeNull();
      expect(await p.readStderr()).toBeNull();
      expect((await collect(p.stdout)).length).toBe(0);
      const e = await caught(p.write('x'));
      expect([e.name, e.code, e.message]).toEqual([
        'StdinClosedError',
        'EPIPE',
        `Cannot write to the stdin of \`sh -c 'echo out; echo err >&2'\` (pid ${p.pid}): not a pipe (stdin: 'ignore'): the child reads it from elsewhere`,
      ]);
      expect((await p.wait()).exitCode).toBe(0);
      expect([p.stats().bytesOut, p.stats().bytesErr]).toEqual([0, 0]);
    });

    it('gives empty output in run() and nothing from stream() for streams that are not piped', async () => {
      const r = await nr.run(['sh', '-c', 'echo out; echo err >&2'], { stdout: 'ignore', stderr: 'ignore', encoding: 'buffer' });
      expect([r.exitCode, (r.stdout as Uint8Array).length, (r.stderr as Uint8Array).length]).toEqual([0, 0, 0]);
      expect((await collect(nr.stream(['echo', 'x'], { stdout: 'ignore' }))).length).toBe(0);
    });

    it('kills the whole group of a child whose stdio goes to files', async () => {
      const script = 'sleep 100 & sleep 100 & wait';
      const p = await nr.spawn(['sh', '-c', script], { stdin: 'ignore', stdout: { file: temp().path('g.txt') }, stderr: 'stdout' });
      expect(await waitFor(() => childrenOf(p.pid).length === 2)).toBe(true);
      const group = [p.pid, ...childrenOf(p.pid)];
      p.kill('SIGKILL');
      await p.wait();
      expect(await allGone(group)).toBe(true);
    });
  });
}
