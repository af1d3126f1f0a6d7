import type { NetRunner } from '@netrunner/types';
import { concat, randomBytes, sameBytes, text } from '../helpers/bytes.js';
import { bytesWritten, sleep } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** stderr modes and byte-exact delivery. */
export function outputBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const both = ['sh', '-c', 'echo out; echo err >&2'];

  describe('stderr modes', () => {
    it("'consume' (default) gives stderr its own channel", async () => {
      const r = await nr.run(both);
      expect([r.stdout, r.stderr]).toEqual(['out\n', 'err\n']);
      expect(r.stats.bytesErr).toBe(4);
    });
    it("'redirect' merges stderr into stdout", async () => {
      const r = await nr.run(both, { stderr: 'redirect' });
      expect([r.stdout, r.stderr]).toEqual(['out\nerr\n', '']);
    });
    it("'disabled' discards stderr", async () => {
      const r = await nr.run(both, { stderr: 'disabled' });
      expect([r.stdout, r.stderr]).toEqual(['out\n', '']);
    });
    it('never loses the stderr of a command that exits at once (200 times)', async () => {
      let lost = 0;
      for (let i = 0; i < 200; i++) {
        const r = await nr.run(['sh', '-c', 'echo oops >&2']);
        if (r.stderr !== 'oops\n' || r.stats.bytesErr !== 5 || r.stdout !== '') lost++;
      }
      expect(lost).toBe(0);
    });
    it('reads stderr through the Process API', async () => {
      const p = await nr.spawn(['sh', '-c', 'echo e1 >&2']);
      expect(text(await p.readStderr())).toBe('e1\n');
      expect(await p.readStderr()).toBeNull();
      expect(await p.read()).toBeNull();
      await p.wait();
    });
  });

  describe('byte-exact output', () => {
    it('adds no newline', async () => {
      expect((await nr.run(['printf', 'abc'])).stdout).toBe('abc');
    });
    it('keeps NUL bytes', async () => {
      const r = await nr.run(['printf', 'a\\0b'], { encoding: 'buffer' });
      expect(Array.from(r.stdout)).toEqual([97, 0, 98]);
    });
    it('round-trips 1 MiB of random bytes through cat', async () => {
      const data = randomBytes(1024 * 1024);
      const r = await nr.run(['cat'], { input: data, encoding: 'buffer' });
      expect(r.stdout.length).toBe(data.length);
      expect(sameBytes(r.stdout, data)).toBe(true);
      expect([r.stats.bytesIn, r.stats.bytesOut]).toEqual([data.length, data.length]);
    });
    it('streams 1 MiB byte-exact from an iterable of chunks', async () => {
      const data = randomBytes(1024 * 1024);
      const parts = Array.from({ length: 16 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
      const chunks: Uint8Array[] = [];
      for await (const c of nr.stream(['cat'], { input: parts })) chunks.push(c);
      expect(sameBytes(concat(chunks), data)).toBe(true);
    });
    it('stops a child whose output nobody reads: it blocks on the full channel', async () => {
      const p = await nr.spawn(['head', '-c', '100000000', '/dev/zero'], { killTimeout: 100 });
      try {
        expect(((await p.read()) ?? new Uint8Array()).length).toBeGreaterThan(0);
        await sleep(300);
        const written = bytesWritten(p.pid);
        await sleep(300);
        expect(bytesWritten(p.pid)).toBe(written);
        // The kernel's buffer plus the reader's read-ahead (256 KiB), not 100 MB.
        expect(written).toBeLessThanOrEqual(8 << 20);
      } finally {
        await p.stop();
      }
    });
    it('gives 100 concurrent runs each their exact output', async () => {
      const runs = Array.from({ length: 100 }, (_, i) => nr.run(['sh', '-c', `printf 'run-%s\\n' ${i}; printf 'err-%s' ${i} >&2`]));
      const results = await Promise.all(runs);
      const bad = results.filter((r, i) => r.stdout !== `run-${i}\n` || r.stderr !== `err-${i}` || r.exitCode !== 0);
      expect(bad.length).toBe(0);
    });
  });
}
