import type { NetRunner } from '@netrunner/types';
import {
  AbortError,
  MaxOutputExceededError,
  NetRunnerError,
  NonZeroExitError,
  SpawnError,
  StdinClosedError,
  TimeoutError,
} from '@netrunner/types';
import { caught, collect } from '../helpers/bytes.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const fixture = new URL('../../fixtures/ergonomics-host.mjs', import.meta.url).pathname;
const notExecutable = new URL('../../fixtures/not-executable.sh', import.meta.url).pathname;

/** Every error names the command, what happened and the end of stderr, in the same words on every runtime. */
export function errorMessageBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const entry = env.hostCommand[env.hostCommand.length - 1]!;

  /** `kind: message`, with the error's command checked against argv. */
  async function failure(call: Promise<unknown>): Promise<string> {
    const e = await caught(call);
    if (!NetRunnerError.isInstance(e)) return `not a NetRunnerError: ${String(e)}`;
    return `${e.name}: ${e.message}`;
  }

  describe('error messages', () => {
    it('a non-zero exit with reject: true names the command, the code and the last lines of stderr', async () => {
      const script = 'for i in 1 2 3 4 5 6 7; do echo "warning $i" >&2; done; echo "fatal: no such ref" >&2; exit 3';
      const e = await caught(nr.run(['sh', '-c', script], { reject: true }));
      expect(NonZeroExitError.isInstance(e)).toBe(true);
      expect(e.message).toBe(
        `Command failed with exit code 3: sh -c '${script}'\n` +
          'stderr (last 5 lines):\n  warning 4\n  warning 5\n  warning 6\n  warning 7\n  fatal: no such ref',
      );
      expect([e.exitCode, e.argv, e.command]).toEqual([3, ['sh', '-c', script], `sh -c '${script}'`]);
    });

    it('a signal names the signal and its exit code', async () => {
      expect(await failure(nr.run(['sh', '-c', 'kill -TERM $$'], { reject: true }))).toBe(
        "NonZeroExitError: Command was killed with SIGTERM (exit code 143): sh -c 'kill -TERM $$'",
      );
    });

    it('stream() rejects with the same message', async () => {
      expect(await failure(collect(nr.stream(['sh', '-c', 'echo out; echo err >&2; exit 2'])))).toBe(
        "NonZeroExitError: Command failed with exit code 2: sh -c 'echo out; echo err >&2; exit 2'\nstderr:\n  err",
      );
    });

    it('a timeout says its value and the command', async () => {
      const e = await caught(nr.run(['sh', '-c', 'echo starting >&2; exec sleep 100'], { timeout: 300 }));
      expect(TimeoutError.isInstance(e)).toBe(true);
      // stderr is read up to the stop; 'starting' may or may not have been read by then.
      expect(e.message.replace(/\nstderr:\n {2}starting$/, '')).toBe(
        "Command timed out after 300 ms: sh -c 'echo starting >&2; exec sleep 100'",
      );
    });

    it('the output cap names the stream and the limit', async () => {
      const out = await caught(nr.run(['yes'], { maxOutputSize: 1000 }));
      expect(MaxOutputExceededError.isInstance(out) ? [out.message, out.stream] : out).toEqual([
        "Command's stdout exceeded maxOutputSize (1000 bytes): yes",
        'stdout',
      ]);
      const err = await caught(nr.run(['sh', '-c', 'yes >&2'], { maxOutputSize: 1000 }));
      expect(MaxOutputExceededError.isInstance(err) ? [err.message, err.stream] : err).toEqual([
        "Command's stderr exceeded maxOutputSize (1000 bytes): sh -c 'yes >&2'",
        'stderr',
      ]);
    });

    it('an abort names the command', async () => {
      const ac = new AbortController();
      const running = nr.run(['sleep', '100'], { signal: ac.signal });
      setTimeout(() => ac.abort(), 50);
      const e = await caught(running);
      expect(AbortError.isInstance(e) ? e.message : e).toBe('Command was aborted: sleep 100');
    });

    it('a spawn failure names the whole command, the errno and its meaning, and the stage', async () => {
      const e = await caught(nr.run(['netrunner-no-such-program', '--flag', 'two words']));
      expect(SpawnError.isInstance(e) ? [e.message, e.command] : e).toEqual([
        "Cannot spawn `netrunner-no-such-program --flag 'two words'`: ENOENT (no such file or directory) at stage resolve, looking up the program (`argv[0]`)",
        "netrunner-no-such-program --flag 'two words'",
      ]);
    });

    it('write() to a stdin the child closed rejects with StdinClosedError, same text on every runtime', async () => {
      await using p = await nr.spawn(['sh', '-c', 'exec 0<&-; echo ready; exec sleep 100']);
      expect(new TextDecoder().decode((await p.read()) ?? new Uint8Array())).toBe('ready\n');
      const e = await caught(p.write('hello'));
      expect(StdinClosedError.isInstance(e) ? [e.message, e.code] : e).toEqual([
        `Cannot write to the stdin of \`sh -c 'exec 0<&-; echo ready; exec sleep 100'\` (pid ${p.pid}): closed by the child`,
        'EPIPE',
      ]);
    });

    it('write() after exit or after closeStdin() says which', async () => {
      const done = await nr.spawn(['true']);
      await done.wait();
      expect(await failure(done.write('x'))).toBe(`StdinClosedError: Cannot write to the stdin of \`true\` (pid ${done.pid}): the child has exited`);
      await using cat = await nr.spawn(['cat']);
      await cat.closeStdin();
      expect(await failure(cat.write('x'))).toBe(`StdinClosedError: Cannot write to the stdin of \`cat\` (pid ${cat.pid}): closed by closeStdin()`);
    });

    it('a shepherd that cannot start is a NetRunnerError with the path tried and the errno name', async () => {
      const host = (shepherd: string) =>
        nr.run([env.hostCommand[0]!, fixture, entry, 'start'], { env: { NETRUNNER_SHEPHERD_PATH: shepherd }, timeout: 60_000 });
      const missing = await host('/nonexistent/netrunner-shepherd');
      expect(JSON.parse(missing.stdout || missing.stderr)).toEqual({
        netrunner: true,
        name: 'ShepherdStartError',
        message: 'Cannot start the shepherd `/nonexistent/netrunner-shepherd`: ENOENT (no such file or directory)',
        code: 'ENOENT',
        path: '/nonexistent/netrunner-shepherd',
        errno: 2,
        argv: ['/nonexistent/netrunner-shepherd'],
        command: '/nonexistent/netrunner-shepherd',
      });
      const denied = await host(notExecutable);
      expect(JSON.parse(denied.stdout || denied.stderr)).toEqual({
        netrunner: true,
        name: 'ShepherdStartError',
        message: `Cannot start the shepherd \`${notExecutable}\`: EACCES (permission denied)`,
        code: 'EACCES',
        path: notExecutable,
        errno: 13,
        argv: [notExecutable],
        command: notExecutable,
      });
    }, 90_000);
  });
}
