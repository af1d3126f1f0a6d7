import { describe, expect, it } from 'vitest';
import {
  AbortError,
  MaxOutputExceededError,
  NonZeroExitError,
  ShepherdStartError,
  SpawnError,
  StdinClosedError,
  TimeoutError,
} from '../index.js';
import { quoteCommand } from './quote-command.js';
import { stderrTailLines } from './stderr-tail-lines.js';

const argv = ['sh', '-c', 'echo oops >&2; exit 3'];

describe('error messages', () => {
  it('name the command, what happened and the tail of stderr', () => {
    expect(new NonZeroExitError(3, { argv, stderr: 'oops\n' }).message).toBe(
      "Command failed with exit code 3: sh -c 'echo oops >&2; exit 3'\nstderr:\n  oops",
    );
    expect(new NonZeroExitError(143, { argv: ['sleep', '9'], signal: 'SIGTERM' }).message).toBe(
      'Command was killed with SIGTERM (exit code 143): sleep 9',
    );
    expect(new TimeoutError(200, { argv: ['sleep', '9'] }).message).toBe('Command timed out after 200 ms: sleep 9');
    expect(new MaxOutputExceededError(10, { argv: ['yes'], stderr: 'w\n' }).message).toBe(
      "Command's stdout exceeded maxOutputSize (10 bytes): yes\nstderr:\n  w",
    );
    expect(new MaxOutputExceededError(10, { argv: ['yes'], stderr: 'y\ny\n' }, 'stderr').message).toBe(
      "Command's stderr exceeded maxOutputSize (10 bytes): yes",
    );
    expect(new AbortError({ argv: ['sleep', '9'] }).message).toBe('Command was aborted: sleep 9');
    expect(new SpawnError(['nope', 'a b'], 2, 'ENOENT', 'resolve').message).toBe(
      "Cannot spawn `nope 'a b'`: ENOENT (no such file or directory) at stage resolve, looking up the program (`argv[0]`)",
    );
    expect(new StdinClosedError('closed by the child', { argv: ['head', '-c1'], pid: 42 }).message).toBe(
      'Cannot write to the stdin of `head -c1` (pid 42): closed by the child',
    );
    expect(new ShepherdStartError('/opt/nr/netrunner-shepherd', 13).message).toBe(
      'Cannot start the shepherd `/opt/nr/netrunner-shepherd`: EACCES (permission denied)',
    );
  });
  it('carry argv and the quoted command', () => {
    const e = new TimeoutError(5, { argv: ['printf', "it's", 'a\nb', ''] });
    expect([e.argv, e.command]).toEqual([['printf', "it's", 'a\nb', ''], "printf 'it'\\''s' $'a\\nb' ''"]);
    const s = new ShepherdStartError('/x', 2);
    expect([s.argv, s.command, s.code, s.errno, s.path]).toEqual([['/x'], '/x', 'ENOENT', 2, '/x']);
    expect(new NonZeroExitError(1).message).toBe('Command failed with exit code 1');
  });
  it('keep only the last five lines of stderr, each cut at 200 characters', () => {
    const many = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(stderrTailLines(many)).toBe('\nstderr (last 5 lines):\n  line 8\n  line 9\n  line 10\n  line 11\n  line 12');
    expect(stderrTailLines(`${'x'.repeat(300)}\r\n`)).toBe(`\nstderr:\n  ${'x'.repeat(197)}...`);
    expect(stderrTailLines(' \n\t\n')).toBe('');
    expect(stderrTailLines(new TextEncoder().encode('bytes\n'))).toBe('\nstderr:\n  bytes');
  });
  it('quote what a shell would read differently', () => {
    expect(quoteCommand(['a', 'b c', '$X', '*', 'x=1', '-n', '\x01'])).toBe("a 'b c' '$X' '*' x=1 -n $'\\x01'");
  });
});
