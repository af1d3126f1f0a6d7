import type { NetRunner } from '@netrunner/types';
import { ValidationError } from '@netrunner/types';
import { collectText, text } from '../helpers/bytes.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** `argv0`: the name a child sees as argv[0], while argv[0] still picks the program. */
export function argv0Behaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('argv0', () => {
    it('run(): $0 of sh -c is argv0, and sh is still what runs', async () => {
      const r = await nr.run(['sh', '-c', 'echo "$0"'], { argv0: 'custom name' });
      expect([r.stdout, r.exitCode]).toEqual(['custom name\n', 0]);
    });

    it('/proc/self/cmdline holds argv0 then the other arguments (exact bytes)', async () => {
      const r = await nr.run(['cat', '/proc/self/cmdline'], { argv0: 'shown', encoding: 'buffer' });
      expect(Array.from(r.stdout)).toEqual(Array.from(new TextEncoder().encode('shown\0/proc/self/cmdline\0')));
    });

    it('spawn() and stream() apply it too; unicode passes unchanged', async () => {
      const p = await nr.spawn(['sh', '-c', 'printf %s "$0"'], { argv0: 'né-🦀' });
      expect(text(await p.read())).toBe('né-🦀');
      expect((await p.wait()).exitCode).toBe(0);
      expect(await collectText(nr.stream(['sh', '-c', 'printf %s "$0"'], { argv0: '-sh' }))).toBe('-sh');
    });

    it('without argv0 the child sees argv[0] as given', async () => {
      expect((await nr.run(['sh', '-c', 'echo "$0"'])).stdout).toBe('sh\n');
    });

    it('with shell: true it names the shell', async () => {
      expect((await nr.run(['echo "$0"'], { shell: true, argv0: 'mysh' })).stdout).toBe('mysh\n');
    });

    it('rides beside the stdio extension, and names the first member of a pipeline', async () => {
      const r = await nr.run(['sh', '-c', 'echo "$0"; cat'], { argv0: 'with stdio', stdin: 'ignore' });
      expect([r.stdout, r.exitCode]).toEqual(['with stdio\n', 0]);
      const p = await nr.pipeline([['sh', '-c', 'echo "$0"'], ['sh', '-c', 'cat; echo "$0"']], { argv0: 'first' });
      expect([p.stdout, p.exitCode]).toEqual(['first\nsh\n', 0]);
    });

    it('an empty name or one with a NUL is a ValidationError naming argv0, before anything is spawned', async () => {
      for (const bad of ['', 'a\0b', 42]) {
        const e = await nr.run(['true'], { argv0: bad as string }).then(() => undefined, (x: unknown) => x);
        expect(ValidationError.isInstance(e) && e.field).toBe('argv0');
      }
      const e = await nr.spawn(['true'], { argv0: '' }).then(() => undefined, (x: unknown) => x);
      expect((e as Error).message).toBe('Expected `argv0` to be a non-empty string without NUL bytes or lone surrogates, got ""');
    });
  });
}
