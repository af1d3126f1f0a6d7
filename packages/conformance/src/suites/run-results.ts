import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { NonZeroExitError, SpawnError, TimeoutError } from '@netrunner/types';
import { caught, collectText } from '../helpers/bytes.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** What run() returns and when it rejects: reject, stripFinalNewline, lines, all, defaultTimeout, preferLocal. */
export function runResultBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect, beforeAll, afterAll } = t;
  let project = '';

  describe('run() results', () => {
    beforeAll(() => {
      project = mkdtempSync(join(tmpdir(), 'nr-local-'));
      mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
      mkdirSync(join(project, 'packages', 'web', 'node_modules', '.bin'), { recursive: true });
      const tool = (at: string, says: string) => {
        writeFileSync(at, `#!/bin/sh\necho ${says}\n`);
        chmodSync(at, 0o755);
      };
      tool(join(project, 'node_modules', '.bin', 'nr-local-tool'), 'root');
      tool(join(project, 'node_modules', '.bin', 'nr-root-only'), 'root-only');
      tool(join(project, 'packages', 'web', 'node_modules', '.bin', 'nr-local-tool'), 'web');
    });
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it('a non-zero exit is a result by default, and a NonZeroExitError carrying it with reject: true', async () => {
      const plain = await nr.run(['sh', '-c', 'echo out; exit 5']);
      expect([plain.exitCode, plain.stdout, plain.command]).toEqual([5, 'out\n', "sh -c 'echo out; exit 5'"]);
      const e = await caught(nr.run(['sh', '-c', 'echo out; exit 5'], { reject: true, lines: true }));
      expect(NonZeroExitError.isInstance(e) ? [e.exitCode, e.result?.exitCode, e.result?.stdout, e.result?.pid] : e).toEqual([
        5, 5, ['out'], e.pid,
      ]);
      expect((await nr.run(['true'], { reject: true })).exitCode).toBe(0);
    });

    it('stream() rejects by default; reject: false (or the older allowNonZeroExit: true) finishes normally', async () => {
      expect(await collectText(nr.stream(['sh', '-c', 'echo a; exit 1'], { reject: false }))).toBe('a\n');
      expect(await collectText(nr.stream(['sh', '-c', 'echo a; exit 1'], { allowNonZeroExit: true }))).toBe('a\n');
      const e = await caught(collectText(nr.stream(['true'], { reject: true, allowNonZeroExit: true })));
      expect(e.message).toBe('Expected `allowNonZeroExit` to be false (the opposite of `reject`) or absent, got true');
    });

    it('stripFinalNewline drops one final line end, of stdout, stderr and all', async () => {
      const script = 'printf "a\\n\\n"; printf "e\\r\\n" >&2';
      const kept = await nr.run(['sh', '-c', script]);
      const stripped = await nr.run(['sh', '-c', script], { stripFinalNewline: true, all: true, stderr: 'consume' });
      expect([kept.stdout, kept.stderr]).toEqual(['a\n\n', 'e\r\n']);
      expect([stripped.stdout, stripped.stderr]).toEqual(['a\n', 'e']);
      const bytes = await nr.run(['echo', 'hi'], { stripFinalNewline: true, encoding: 'buffer' });
      expect(Array.from(bytes.stdout)).toEqual([104, 105]);
    });

    it('lines: true gives arrays of lines without their ends', async () => {
      const r = await nr.run(['sh', '-c', 'printf "one\\r\\ntwo\\n\\nfour"; printf "x\\n" >&2'], { lines: true });
      expect([r.stdout, r.stderr]).toEqual([['one', 'two', '', 'four'], ['x']]);
      expect((await nr.run(['true'], { lines: true })).stdout).toEqual([]);
      const e = await caught(nr.run(['true'], { lines: true, encoding: 'buffer' }));
      expect(e.message).toBe("Expected `lines` to be false with encoding 'buffer' (lines are text), got true");
    });

    it('all: true interleaves stdout and stderr chunk by chunk, each in its own order', async () => {
      const script = 'for i in 1 2 3 4 5 6 7 8; do echo "out $i"; echo "err $i" >&2; done';
      const r = await nr.run(['sh', '-c', script], { all: true, lines: true });
      const all = r.all ?? [];
      expect(all.length).toBe(16);
      expect(all.filter((l) => l.startsWith('out'))).toEqual(r.stdout);
      expect(all.filter((l) => l.startsWith('err'))).toEqual(r.stderr);
      expect((await nr.run(['echo', 'x'])).all).toBe(undefined);
      // One pipe keeps the exact order: stderr into stdout.
      const one = await nr.run(['sh', '-c', script], { stderr: 'redirect', all: true });
      expect(one.all).toBe(one.stdout);
    });

    it('configure({ defaultTimeout }) bounds every run() and stream() without a timeout; timeout: 0 opts out', async () => {
      nr.configure({ defaultTimeout: 300 });
      try {
        const e = await caught(nr.run(['sleep', '100']));
        expect(TimeoutError.isInstance(e) ? [e.message, e.timeout] : e).toEqual(['Command timed out after 300 ms: sleep 100', 300]);
        const s = await caught(collectText(nr.stream(['sleep', '100'])));
        expect(TimeoutError.isInstance(s) ? s.message : s).toBe('Command timed out after 300 ms: sleep 100');
        // Past the default (600 > 300 ms), and a slower machine only sleeps longer.
        expect((await nr.run(['sleep', '0.6'], { timeout: 0 })).exitCode).toBe(0);
        const own = await caught(nr.run(['sleep', '100'], { timeout: 100 }));
        expect(own.message).toBe('Command timed out after 100 ms: sleep 100');
      } finally {
        nr.configure({});
      }
      expect((await nr.run(['sleep', '0.6'])).exitCode).toBe(0);
    });

    it('preferLocal puts node_modules/.bin of cwd and its parents first, nearest first', async () => {
      const web = join(project, 'packages', 'web');
      expect((await nr.run(['nr-local-tool'], { cwd: web, preferLocal: true })).stdout).toBe('web\n');
      expect((await nr.run(['nr-root-only'], { cwd: join(web, 'node_modules'), preferLocal: true })).stdout).toBe('root-only\n');
      expect((await nr.run(['nr-local-tool'], { cwd: project, preferLocal: true })).stdout).toBe('root\n');
      const path = await nr.run(['sh', '-c', 'echo "$PATH"'], { cwd: web, preferLocal: true, env: { PATH: '/usr/bin:/bin' } });
      expect(path.stdout).toBe(`${web}/node_modules/.bin:${parents(web)}/usr/bin:/bin\n`);
      // No PATH at all (extendEnv: false): the shepherd's default lookup path still follows, so sh resolves.
      const bare = await nr.run(['sh', '-c', 'echo "$PATH"'], { cwd: web, preferLocal: true, extendEnv: false });
      expect([bare.exitCode, bare.stdout]).toEqual([0, `${web}/node_modules/.bin:${parents(web)}/usr/local/bin:/usr/bin:/bin\n`]);
      const e = await caught(nr.run(['nr-local-tool'], { cwd: web }));
      expect(SpawnError.isInstance(e) ? e.code : e).toBe('ENOENT');
    });
  });
}

/** `<dir>/node_modules/.bin:` for every parent of `dir` up to /, nearest first. */
function parents(dir: string): string {
  const out: string[] = [];
  for (let d = dir.slice(0, dir.lastIndexOf('/')) || '/'; ; d = d.slice(0, d.lastIndexOf('/')) || '/') {
    out.push(`${d === '/' ? '' : d}/node_modules/.bin:`);
    if (d === '/') break;
  }
  return out.join('');
}
