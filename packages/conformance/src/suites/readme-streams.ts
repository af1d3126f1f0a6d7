import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import type { NetRunner } from '@netrunner/types';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** The README's "One function, either binding" and "Streams" examples, with commands every test host has. */
export function readmeStreamExamples(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('README: one function, either binding', () => {
    // Typed against the shared interface only; the suite passes whichever binding it runs on.
    async function build(runner: NetRunner): Promise<string[]> {
      const { stdout } = await runner.run(['printf', 'a.ts\\nb.ts\\n'], { lines: true });
      return stdout;
    }
    it('runs a function typed against NetRunner with this binding', async () => {
      expect(await build(nr)).toEqual(['a.ts', 'b.ts']);
    });
  });

  describe('README: streams', () => {
    it('compresses a child output to a file through pipeline(nodeStdout(), gzip, file)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-readme-'));
      try {
        const dump = await nr.spawn(['seq', '100000']);
        await pipeline(dump.nodeStdout(), createGzip(), createWriteStream(join(dir, 'seq.gz')));
        const lines = gunzipSync(readFileSync(join(dir, 'seq.gz'))).toString().split('\n');
        expect([lines.length, lines[0], lines[99999], lines[100000]]).toEqual([100001, '1', '100000', '']);
        expect((await dump.wait()).exitCode).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    it('sends a child output as a Response body', async () => {
      const tar = await nr.spawn(['printf', 'archive bytes']);
      const response = new Response(tar.readable, { headers: { 'content-type': 'application/x-tar' } });
      expect(await response.text()).toBe('archive bytes');
      expect((await tar.wait()).exitCode).toBe(0);
    });
    it('loops over lines and keeps the matching ones', async () => {
      const log = await nr.spawn(['printf', 'ok 1\\r\\nerror 2\\nok 3\\nerror 4']);
      const seen: string[] = [];
      for await (const line of log.lines()) if (line.includes('error')) seen.push(line);
      expect(seen).toEqual(['error 2', 'error 4']);
    });
    it("gives Buffers for encoding: 'buffer'", async () => {
      const r = await nr.run(['printf', 'hi'], { encoding: 'buffer' });
      expect([Buffer.isBuffer(r.stdout), Buffer.from(r.stdout).toString()]).toEqual([true, 'hi']);
    });
  });
}
