import type { NetRunner } from '@netrunner/types';
import { NonZeroExitError } from '@netrunner/types';
import { caught, collect, collectText, randomBytes } from '../helpers/bytes.js';
import { rejectedField } from '../helpers/cases.js';
import { fileSha256, fileText, sha256, useTempDir, writeFile } from '../helpers/temp-files.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** pipeline() with the stdio modes and the run() result options. */
export function pipelineStdioBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const temp = useTempDir(t);

  describe('pipeline: stdio and results', () => {
    it('reads its first stdin from a file and writes its last stdout to a file, byte-exact through three members', async () => {
      const data = randomBytes(2 * 1024 * 1024 + 5);
      writeFile(temp().path('p-in.bin'), data);
      const r = await nr.pipeline([['cat'], ['cat'], ['cat']], {
        stdin: { file: temp().path('p-in.bin') },
        stdout: { file: temp().path('p-out.bin') },
      });
      expect([r.exitCode, r.stdout, r.members.map((m) => m.exitCode)]).toEqual([0, '', [0, 0, 0]]);
      expect(fileSha256(temp().path('p-out.bin'))).toBe(sha256(data));
    });

    it('sends every member stderr where `stderr` says, and keeps stdout piped', async () => {
      const members = [['sh', '-c', 'echo one; echo e1 >&2'], ['sh', '-c', 'cat; echo e2 >&2']];
      const ignored = await nr.pipeline(members, { stderr: 'ignore' });
      expect([ignored.stdout, ignored.stderr]).toEqual(['one\n', '']);
      const filed = await nr.pipeline(members, { stderr: { file: temp().path('p-err.txt') } });
      expect(filed.stdout).toBe('one\n');
      expect(fileText(temp().path('p-err.txt')).split('\n').sort()).toEqual(['', 'e1', 'e2']);
    });

    it('gives lines, and throws NonZeroExitError with the result under reject: true', async () => {
      const r = await nr.pipeline([['printf', 'b\\r\\na\\n'], ['sort']], { lines: true });
      expect(r.stdout).toEqual(['a', 'b']);
      const e = await caught(nr.pipeline([['true'], ['sh', '-c', 'exit 3']], { reject: true }));
      expect(e).toBeInstanceOf(NonZeroExitError);
      expect((e as NonZeroExitError).exitCode).toBe(3);
    });

    it('streamPipeline() rejects a failed member by default and not with reject: false', async () => {
      const failing = [['sh', '-c', 'echo x; exit 4'], ['cat']];
      const e = await caught(collect(nr.streamPipeline(failing)));
      expect([e.name, (e as NonZeroExitError).exitCode]).toEqual(['NonZeroExitError', 4]);
      expect(await collectText(nr.streamPipeline(failing, { reject: false }))).toBe('x\n');
    });

    it('refuses `shell` on a pipeline, naming it, before anything starts', async () => {
      expect(await rejectedField(() => nr.pipeline([['echo hi'], ['cat']], { shell: true } as never))).toBe('shell');
      expect(await rejectedField(() => collect(nr.streamPipeline([['true']], { shell: true } as never)))).toBe('shell');
    });
  });
}
