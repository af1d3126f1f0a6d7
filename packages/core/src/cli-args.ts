import { MAX_TIMER_MS, nearestKey } from '@netrunner/types';

/** Parsed `netrunner` arguments: a command to run, or a request for the version. */
export interface CliArgs {
  version: boolean;
  timeout: number;
  /** Bytes of stdout and stderr together that may be written; undefined: no cap. */
  maxOutputSize: number | undefined;
  killTimeout: number;
  killSignal: string | undefined;
  cwd: string | undefined;
  argv0: string | undefined;
  shell: boolean;
  json: boolean;
  /** `netrunner sandbox-info`: print sandboxSupport() as JSON. */
  sandboxInfo: boolean;
  /** --sandbox dir: the 'workspace' preset on dir; --allow-network lifts its network ban. */
  sandbox: string | undefined;
  allowNetwork: boolean;
  argv: string[];
}

/** Usage text of the CLI. */
export const USAGE = `Usage: netrunner run [options] -- cmd [args...]
       netrunner sandbox-info
       netrunner --version

Options (named as the library's):
  --timeout ms            stop the command's group after ms (exit 124)
  --max-output-size bytes at most this many bytes of stdout and stderr
                          together are written; then the group is stopped
                          (exit 125); --max-output is the same
  --kill-timeout ms       from the first signal of a stop to SIGKILL (5000)
  --kill-signal name      the first signal of a stop (SIGTERM)
  --cwd dir               the command's working directory
  --argv0 name            the name the command sees as argv[0]
  --shell                 run cmd as a command line through /bin/sh -c
  --sandbox dir           confine cmd to dir (read-write), the system
                          directories (read-only) and a private TMPDIR,
                          without network (see docs/sandbox.md)
  --allow-network         with --sandbox: leave the network alone
  --json                  print {"exitCode","signal","timedOut",
                          "maxOutputExceeded","stats"} on stderr at the end

Runs cmd in its own process group under netrunner's shepherd, streaming its
stdout and stderr live and forwarding stdin. Exits with the command's status
(128 + n when killed by signal n), 124 when --timeout expired (as timeout(1)),
125 when --max-output-size was exceeded or netrunner failed, 126 when cmd is
not executable, 127 when it was not found, and 2 for bad usage. When its own
output is closed (| head), it stops the command and ends by SIGPIPE, as a
shell tool does.`;

const FLAGS = [
  '--timeout', '--max-output-size', '--max-output', '--kill-timeout', '--kill-signal', '--cwd', '--argv0',
  '--shell', '--json', '--sandbox', '--allow-network', '--help',
];

/** "Unknown option --timout: did you mean --timeout?" */
function unknownFlag(flag: string): string {
  const near = nearestKey(flag, FLAGS);
  return `Unknown option ${flag}${near === undefined ? '' : `: did you mean ${near}?`}`;
}

function integer(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`Expected \`${flag}\` to be a non-negative integer, got ${JSON.stringify(value ?? null)}`);
  }
  return n;
}

/** A delay flag: whole milliseconds a timer holds (0..2^31-1), a usage error otherwise. */
function delay(flag: string, value: string | undefined): number {
  const n = integer(flag, value);
  if (n > MAX_TIMER_MS) throw new Error(`Expected \`${flag}\` to be a number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${JSON.stringify(value)}`);
  return n;
}

function text(flag: string, value: string | undefined): string {
  if (value === undefined) throw new Error(`Expected \`${flag}\` to be followed by a value`);
  return value;
}

/** Parse `run [options] -- cmd args...` or `--version`; throws an Error with a usage message. */
export function parseCliArgs(args: readonly string[]): CliArgs {
  const out: CliArgs = {
    version: false, timeout: 0, maxOutputSize: undefined, killTimeout: 5000, killSignal: undefined,
    cwd: undefined, argv0: undefined, shell: false, json: false,
    sandboxInfo: false, sandbox: undefined, allowNetwork: false, argv: [],
  };
  if (args.length === 1 && args[0] === 'sandbox-info') return { ...out, sandboxInfo: true };
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) return { ...out, version: true };
  if (args[0] !== 'run') throw new Error(USAGE);
  let i = 1;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--timeout') out.timeout = delay(flag, value());
    else if (flag === '--max-output-size' || flag === '--max-output') out.maxOutputSize = integer(flag, value());
    else if (flag === '--kill-timeout') out.killTimeout = delay(flag, value());
    else if (flag === '--kill-signal') out.killSignal = text(flag, value());
    else if (flag === '--cwd') out.cwd = text(flag, value());
    else if (flag === '--argv0') out.argv0 = text(flag, value());
    else if (flag === '--shell') out.shell = true;
    else if (flag === '--json') out.json = true;
    else if (flag === '--sandbox') out.sandbox = text(flag, value());
    else if (flag === '--allow-network') out.allowNetwork = true;
    else if (flag === '-h' || flag === '--help') throw new Error(USAGE);
    else if (flag.startsWith('-')) throw new Error(`${unknownFlag(flag)}\n\n${USAGE}`);
    else break;
  }
  out.argv = args.slice(i);
  if (out.argv.length === 0) throw new Error(`Missing the command to run\n\n${USAGE}`);
  if (out.allowNetwork && out.sandbox === undefined) throw new Error(`--allow-network needs --sandbox\n\n${USAGE}`);
  return out;
}
