import { describe, expect, it } from 'vitest';
import { allGone } from '@netrunner/conformance';
import { run } from '../src/index.js';

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const netrunner = (...args: string[]) => run([process.execPath, cli, ...args], { timeout: 20_000 });

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
    const r = await run([process.execPath, cli, 'run', '--json', '--', 'cat'], { input: 'hello' });
    expect(r.stdout).toBe('hello');
    const report = JSON.parse(r.stderr.trim());
    expect([report.exitCode, report.timedOut, report.stats.bytesIn, report.stats.bytesOut]).toEqual([0, false, 5, 5]);
  });
  it('exits 127 for a missing program and 2 for bad usage', async () => {
    expect((await netrunner('run', '--', 'netrunner-no-such-program')).exitCode).toBe(127);
    expect((await netrunner('run', '--timeout', '-1', '--', 'true')).exitCode).toBe(2);
    // A delay no timer holds is bad usage too (it was 125, "netrunner failed").
    for (const flag of ['--timeout', '--kill-timeout']) {
      const r = await netrunner('run', flag, '2147483648', '--', 'true');
      expect([r.exitCode, r.stderr.split('\n')[0]]).toEqual([2, `Expected \`${flag}\` to be a number of milliseconds from 0 to 2147483647, got "2147483648"`]);
    }
  });
  it('sandbox-info prints what the kernel enforces; --sandbox confines to a directory', async () => {
    const info = JSON.parse((await netrunner('sandbox-info')).stdout);
    expect(Object.keys(info).sort()).toEqual(['landlockAbi', 'noNewPrivs', 'seccomp', 'userNamespaces']);
    if (info.landlockAbi < 3) return expect((await netrunner('run', '--sandbox', '/tmp', '--', 'true')).exitCode).toBe(125);
    const secret = `${process.env.HOME ?? '/root'}`;
    const confined = await netrunner('run', '--sandbox', '/tmp', '--', 'ls', secret);
    expect(confined.exitCode).toBe(2); // ls: cannot open directory: Permission denied
    expect((await netrunner('run', '--', 'ls', secret)).exitCode).toBe(0);
    expect((await netrunner('run', '--sandbox', 'relative', '--', 'true')).exitCode).toBe(2);
  });
  it('stops the group and exits 125 past --max-output', async () => {
    const r = await netrunner('run', '--max-output', '1000', '--', 'yes');
    expect(r.exitCode).toBe(125);
  });
});
