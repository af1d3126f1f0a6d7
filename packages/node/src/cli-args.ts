import { MAX_TIMER_MS } from '@netrunner/types';

/** Parsed `netrunner run` arguments (`sandbox-info` has none). */
export interface CliArgs {
  command: 'run' | 'sandbox-info';
  timeout: number;
  maxOutput: number;
  killTimeout: number;
  json: boolean;
  /** --sandbox DIR: the 'workspace' preset on DIR; --allow-network lifts its network ban. */
  sandbox: string | null;
  allowNetwork: boolean;
  argv: string[];
}

/** Usage text of the CLI. */
export const USAGE = `Usage: netrunner run [--timeout ms] [--max-output bytes] [--kill-timeout ms] [--json]
                     [--sandbox dir [--allow-network]] -- cmd [args...]
       netrunner sandbox-info

Runs cmd in its own process group under netrunner's shepherd, streaming its
stdout and stderr live and forwarding stdin. Exits with the command's status
(128 + n when killed by signal n), 124 when --timeout expired (as timeout(1)),
125 when --max-output was exceeded or netrunner failed, 126 when cmd is not
executable and 127 when it was not found. --json prints
{"exitCode","signal","timedOut","maxOutputExceeded","stats"} on stderr at the end.
--sandbox dir confines cmd to dir (read-write), the system directories
(read-only) and a private TMPDIR, without network unless --allow-network.
sandbox-info prints what this kernel can enforce as JSON.`;

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

/** Parse `run [options] -- cmd args...`; throws an Error with a usage message. */
export function parseCliArgs(args: readonly string[]): CliArgs {
  const out: CliArgs = { command: 'run', timeout: 0, maxOutput: 0, killTimeout: 5000, json: false, sandbox: null, allowNetwork: false, argv: [] };
  if (args[0] === 'sandbox-info' && args.length === 1) return { ...out, command: 'sandbox-info' };
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
    else if (flag === '--max-output') out.maxOutput = integer(flag, value());
    else if (flag === '--kill-timeout') out.killTimeout = delay(flag, value());
    else if (flag === '--json') out.json = true;
    else if (flag === '--sandbox') out.sandbox = value() ?? '';
    else if (flag === '--allow-network') out.allowNetwork = true;
    else if (flag === '-h' || flag === '--help') throw new Error(USAGE);
    else if (flag.startsWith('-')) throw new Error(`Unknown option ${flag}\n\n${USAGE}`);
    else break;
  }
  out.argv = args.slice(i);
  if (out.argv.length === 0) throw new Error(`Missing the command to run\n\n${USAGE}`);
  if (out.allowNetwork && out.sandbox === null) throw new Error(`--allow-network needs --sandbox\n\n${USAGE}`);
  return out;
}
