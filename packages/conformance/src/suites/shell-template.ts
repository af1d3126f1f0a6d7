import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { ValidationError } from '@netrunner/types';
import { caught } from '../helpers/bytes.js';
import { childrenOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** `shell` runs a command line through a shell; `$` templates never do, whatever is interpolated. */
export function shellTemplateBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect, beforeAll, afterAll } = t;
  let dir = '';
  let marker = '';
  // Each value would create `marker` if a shell parsed it.
  const hostile = () => [
    `; touch ${marker}`,
    `$(touch ${marker})`,
    `\`touch ${marker}\``,
    `' ; touch ${marker}; '`,
    `" ; touch ${marker}; "`,
    `a\ntouch ${marker}`,
    `| touch ${marker}`,
    `&& touch ${marker}`,
    '$HOME',
    '*',
  ];

  describe('shell and templates', () => {
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'nr-template-'));
      marker = join(dir, 'pwned');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('shell: true runs argv[0] through /bin/sh -c; the rest are $1, $2, never parsed', async () => {
      const r = await nr.run(['echo "$0" $((6 * 7)); printf "[%s]" "$@"', 'a b', '$(x)'], { shell: true });
      expect([r.stdout, r.argv, r.command]).toEqual([
        '/bin/sh 42\n[a b][$(x)]',
        ['/bin/sh', '-c', 'echo "$0" $((6 * 7)); printf "[%s]" "$@"', '/bin/sh', 'a b', '$(x)'],
        `/bin/sh -c 'echo "$0" $((6 * 7)); printf "[%s]" "$@"' /bin/sh 'a b' '$(x)'`,
      ]);
    });

    it('shell: a path picks the shell; a bad one is a ValidationError naming shell', async () => {
      const r = await nr.run(['echo "$0"'], { shell: '/bin/bash' });
      expect(r.stdout).toBe('/bin/bash\n');
      const e = await caught(nr.run(['true'], { shell: 5 as never }));
      expect(ValidationError.isInstance(e) ? e.message : e).toBe('Expected `shell` to be a boolean or the path of a shell, got 5');
      const p = await nr.spawn(['exit 4'], { shell: true });
      expect((await p.wait()).exitCode).toBe(4);
    });

    it('$ splits literal text on whitespace and passes each value as one argument', async () => {
      const n = 2;
      const fmt = '%s|';
      const r = await nr.$`printf ${fmt}  one  ${'two words'} --x=${n} ${['a', 'b c']}`;
      expect([r.stdout, r.argv]).toEqual(['one|two words|--x=2|a|b c|', ['printf', '%s|', 'one', 'two words', '--x=2', 'a', 'b c']]);
    });

    it('$ passes hostile values to the program unchanged and runs nothing they spell', async () => {
      for (const value of hostile()) {
        const r = await nr.$`printf [%s] ${value}`;
        expect(r.stdout).toBe(`[${value}]`);
      }
      const all = await nr.$`printf [%s] ${hostile()}`;
      expect(all.stdout).toBe(hostile().map((v) => `[${v}]`).join(''));
      // The same values as $1.. of a shell command line are data too.
      const viaShell = await nr.run(['printf "[%s]" "$@"', ...hostile()], { shell: true });
      expect(viaShell.stdout).toBe(hostile().map((v) => `[${v}]`).join(''));
      expect(existsSync(marker)).toBe(false);
    });

    it('$ rejects NUL and values that are not strings, numbers or arrays, before spawning', async () => {
      const before = childrenOf(process.pid).length;
      const said = async (call: Promise<unknown>) => {
        const e = await caught(call);
        return ValidationError.isInstance(e) ? e.message : `not a ValidationError: ${String(e)}`;
      };
      expect(await said(nr.$`echo ${'a\0b'}`)).toBe('Expected `values[0]` to be a string without NUL bytes or lone surrogates, got "a\\u0000b"');
      expect(await said(nr.$`echo ${null as never}`)).toBe('Expected `values[0]` to be a string, a number or an array of them, got null');
      expect(await said(nr.$`echo ${{ toString: () => 'x' } as never}`)).toBe(
        'Expected `values[0]` to be a string, a number or an array of them, got an object',
      );
      expect(await said(nr.$`${''}`)).toBe('Expected `argv[0]` to be a non-empty string without NUL bytes or lone surrogates, got ""');
      expect(await said(nr.$` `)).toBe('Expected `argv` to be a non-empty array of strings, got []');
      expect(childrenOf(process.pid).length).toBe(before);
    });

    it('$(options) binds options, merged left to right and checked like run()', async () => {
      const inTmp = nr.$({ cwd: dir });
      expect((await inTmp`pwd`).stdout).toBe(`${dir}\n`);
      expect((await inTmp({ lines: true })`printf a\\nb\\n`).stdout).toEqual(['a', 'b']);
      const e = await caught(nr.$({ cwdd: '/' } as never)`pwd`);
      expect(ValidationError.isInstance(e) ? e.message : e).toBe('Unknown option `cwdd` of run(): did you mean `cwd`?');
    });

    it('$ refuses a bound shell, which would parse the interpolated values, before spawning', async () => {
      const before = childrenOf(process.pid).length;
      const expected = (got: string) => `Expected \`shell\` to be absent from a \`$\` template: its values never go through a shell, got ${got}`;
      for (const [shell, got] of [[true, 'true'], ['/bin/sh', '"/bin/sh"']] as const) {
        for (const call of [nr.$({ shell })`${`touch ${marker}`}`, nr.$({ shell })`echo${`; touch ${marker}`}`, nr.$({ cwd: dir })({ shell })`echo ${'x'}`]) {
          const e = await caught(call);
          expect(ValidationError.isInstance(e) ? e.message : e).toBe(expected(got));
        }
      }
      expect((await nr.$({ shell: false })`echo ${'; x'}`).stdout).toBe('; x\n');
      expect(existsSync(marker)).toBe(false);
      expect(childrenOf(process.pid).length).toBe(before);
    });
  });
}
