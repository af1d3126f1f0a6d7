import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { allGone } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** The `netrunner` command of the binding under test (dist/cli.js next to its entry). */
export function cliBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const runtime = env.hostCommand[0]!;
  const cli = join(dirname(env.hostCommand[env.hostCommand.length - 1]!), 'cli.js');
  const netrunner = (...args: string[]) => nr.run([runtime, cli, ...args], { timeout: 20_000 });
  const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

  describe('the netrunner command', () => {
    it('stops a whole group on --timeout, exits 124 and leaves no sleep', async () => {
      const r = await netrunner('run', '--timeout', '500', '--', 'sh', '-c', 'echo $$; sleep 100 & echo $!; sleep 100 & echo $!; wait');
      expect(r.exitCode).toBe(124);
      const pids = r.stdout.trim().split('\n').map(Number);
      expect(pids.length).toBe(3);
      expect(await allGone(pids)).toBe(true);
    });

    it("exits with the command's status and streams stdout and stderr apart", async () => {
      const r = await netrunner('run', '--', 'sh', '-c', 'echo out; echo err >&2; exit 7');
      expect([r.exitCode, r.stdout, r.stderr]).toEqual([7, 'out\n', 'err\n']);
    });

    it('forwards stdin and prints stats as JSON with --json', async () => {
      const r = await nr.run([runtime, cli, 'run', '--json', '--', 'cat'], { input: 'hello', timeout: 20_000 });
      expect(r.stdout).toBe('hello');
      const report = JSON.parse(r.stderr.trim());
      expect([report.exitCode, report.timedOut, report.stats.bytesIn, report.stats.bytesOut]).toEqual([0, false, 5, 5]);
    });

    it('exits 127 for a missing program and 2 for bad usage', async () => {
      expect((await netrunner('run', '--', 'netrunner-no-such-program')).exitCode).toBe(127);
      expect((await netrunner('run', '--timeout', '-1', '--', 'true')).exitCode).toBe(2);
      for (const flag of ['--timeout', '--kill-timeout']) {
        const r = await netrunner('run', flag, '2147483648', '--', 'true');
        expect([r.exitCode, r.stderr.split('\n')[0]]).toEqual([2, `Expected \`${flag}\` to be a number of milliseconds from 0 to 2147483647, got "2147483648"`]);
      }
      const typo = await netrunner('run', '--timout', '5', '--', 'true');
      expect([typo.exitCode, typo.stderr.split('\n')[0]]).toEqual([2, 'Unknown option --timout: did you mean --timeout?']);
      const far = await netrunner('run', '--colour', '--', 'true');
      expect([far.exitCode, far.stderr.split('\n')[0]]).toEqual([2, 'Unknown option --colour']);
      const bad = await netrunner('run', '--kill-signal', 'SIGFOO', '--', 'true');
      expect([bad.exitCode, bad.stderr]).toEqual([
        2,
        'netrunner: Expected `killSignal` to be a signal name (SIGTERM, SIGWINCH, SIGRTMIN+3, ...) or an integer 1..31 or 34..64, got "SIGFOO"\n',
      ]);
    });

    it('--max-output is a hard cap: not one byte past it is written, then exit 125', async () => {
      const r = await nr.run([runtime, cli, 'run', '--max-output', '10', '--', 'yes'], { timeout: 20_000, encoding: 'buffer' });
      expect([new TextDecoder().decode(r.stdout), r.stderr.length, r.exitCode]).toEqual(['y\ny\ny\ny\ny\n', 0, 125]);
      // stdout and stderr share the cap.
      const both = await netrunner('run', '--max-output-size', '6', '--', 'sh', '-c', 'printf abcd; printf efgh >&2; printf ijkl');
      expect([both.stdout.length + both.stderr.length, both.exitCode]).toEqual([6, 125]);
      // Reaching the cap exactly is not exceeding it.
      const exact = await netrunner('run', '--max-output', '4', '--', 'printf', 'abcd');
      expect([exact.stdout, exact.exitCode]).toEqual(['abcd', 0]);
      // 0 is a cap of zero bytes, as maxOutputSize: 0 is for run(), not "no cap".
      const zero = await netrunner('run', '--max-output-size', '0', '--', 'sh', '-c', 'printf x >&2; printf y');
      expect([zero.stdout, zero.stderr, zero.exitCode]).toEqual(['', '', 125]);
      const silent = await netrunner('run', '--max-output', '0', '--', 'true');
      expect([silent.stdout, silent.stderr, silent.exitCode]).toEqual(['', '', 0]);
    });

    it('with its stdout closed (| head) it stops the command and ends by SIGPIPE (status 141), no stack trace', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-cli-'));
      try {
        const pidFile = join(dir, 'pid');
        const line = `${shQuote(runtime)} ${shQuote(cli)} run -- sh -c 'echo $$ > "$1"; exec yes' sh ${shQuote(pidFile)} | head -n 2; echo "status \${PIPESTATUS[0]}" >&2`;
        const r = await nr.run(['bash', '-c', line], { timeout: 20_000 });
        expect([r.stdout, r.stderr]).toEqual(['y\ny\n', 'status 141\n']);
        expect(await allGone([Number(readFileSync(pidFile, 'utf8'))])).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--version prints the package version', async () => {
      const { version } = JSON.parse(readFileSync(join(dirname(cli), '..', 'package.json'), 'utf8')) as { version: string };
      const r = await netrunner('--version');
      expect([r.stdout, r.stderr, r.exitCode]).toEqual([`${version}\n`, '', 0]);
    });

    it('takes the library option names: --argv0, --cwd, --shell, --kill-signal', async () => {
      const r = await netrunner('run', '--argv0', 'zz', '--cwd', '/', '--shell', '--', 'echo "$0" "$PWD"');
      expect([r.stdout, r.exitCode]).toEqual(['zz /\n', 0]);
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-cli-'));
      try {
        const mark = join(dir, 'mark');
        // The trap is set before any output, so the cap (and the stop) comes after it.
        const script = 'trap \'echo got USR1 > "$1"; exit 0\' USR1; printf 0123456789; sleep 1000 & wait';
        const s = await netrunner('run', '--kill-signal', 'SIGUSR1', '--max-output', '5', '--', 'sh', '-c', script, 'sh', mark);
        expect([s.stdout, s.exitCode, existsSync(mark) && readFileSync(mark, 'utf8')]).toEqual(['01234', 125, 'got USR1\n']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
