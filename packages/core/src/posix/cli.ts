// The `netrunner` command on Node and Bun: `netrunner run [options] -- cmd args...`.
import type { Writable } from 'node:stream';
import { SpawnError, ValidationError } from '@netrunner/types';
import { parseCliArgs, type CliArgs } from '../cli-args.js';
import type { NetRunner, Process } from '@netrunner/types';

const EXIT_USAGE = 2;
const EXIT_TIMEOUT = 124;
const EXIT_FAILED = 125;
/** The status a shell reports for a tool killed by SIGPIPE (128 + 13). */
const EXIT_SIGPIPE = 141;

/**
 * stdout and stderr of the command, written through one hard cap (no byte
 * past it is written) and watched for a closed reader.
 */
class CappedOutput {
  written = 0;
  exceeded = false;
  broken = false;

  constructor(
    private readonly cap: number | undefined,
    private readonly onExceeded: () => void,
    private readonly onBroken: () => void,
  ) {}

  watch(sink: Writable): void {
    sink.on('error', () => {
      // EPIPE, or any other failure to write: the reader is gone.
      if (this.broken) return;
      this.broken = true;
      this.onBroken();
    });
  }

  async pump(source: AsyncIterable<Uint8Array>, sink: Writable): Promise<void> {
    for await (const chunk of source) {
      if (this.broken) continue;
      let part = chunk;
      if (this.cap !== undefined && part.length > this.cap - this.written) {
        part = part.subarray(0, this.cap - this.written);
        if (!this.exceeded) {
          this.exceeded = true;
          this.onExceeded();
        }
      }
      this.written += part.length;
      if (part.length > 0 && !sink.write(part)) await drained(sink);
    }
  }
}

function drained(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    sink.once('drain', resolve);
    sink.once('error', resolve);
    sink.once('close', resolve);
  });
}

function forwardStdin(p: Process): void {
  const stdin = process.stdin;
  stdin.on('error', () => undefined);
  (async () => {
    for await (const chunk of stdin) await p.write(chunk as Uint8Array);
  })()
    .catch(() => undefined)
    .finally(() => p.closeStdin());
}

/** End this process by SIGPIPE, as a shell tool whose reader went away; 141 if the signal cannot be restored. */
function dieOfSigpipe(): void {
  // Node and Bun ignore SIGPIPE; a listener added and removed puts back the default action.
  const restore = (): void => undefined;
  process.on('SIGPIPE', restore);
  process.removeListener('SIGPIPE', restore);
  process.kill(process.pid, 'SIGPIPE');
  setTimeout(() => process.exit(EXIT_SIGPIPE), 1000);
}

function spawnFailure(e: unknown): number {
  process.stderr.write(`netrunner: ${(e as Error).message}\n`);
  if (ValidationError.isInstance(e)) return EXIT_USAGE;
  if (SpawnError.isInstance(e)) return e.code === 'ENOENT' && e.stage !== 'cwd' ? 127 : e.code === 'EACCES' ? 126 : EXIT_FAILED;
  return EXIT_FAILED;
}

async function runCommand(nr: NetRunner, args: CliArgs, output: { current: CappedOutput | null }): Promise<number> {
  let p: Process;
  try {
    p = await nr.spawn(args.argv, {
      killTimeout: args.killTimeout,
      ...(args.killSignal === undefined ? {} : { killSignal: args.killSignal as never }),
      ...(args.cwd === undefined ? {} : { cwd: args.cwd }),
      ...(args.argv0 === undefined ? {} : { argv0: args.argv0 }),
      shell: args.shell,
      ...(args.sandbox === undefined
        ? {}
        : { sandbox: { preset: 'workspace', workspace: args.sandbox, network: args.allowNetwork ? 'allow' : 'none' } as const }),
    });
  } catch (e) {
    return spawnFailure(e);
  }
  const stop = (): void => void p.stop().catch(() => undefined);
  const out = new CappedOutput(args.maxOutputSize, stop, stop);
  output.current = out;
  out.watch(process.stdout);
  out.watch(process.stderr);
  let timedOut = false;
  const timer = args.timeout > 0 ? setTimeout(() => ((timedOut = true), stop()), args.timeout) : undefined;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => p.kill(sig));
  forwardStdin(p);
  await Promise.all([out.pump(p.stdout, process.stdout), out.pump(p.stderr, process.stderr)]);
  const info = await p.wait();
  clearTimeout(timer);
  if (args.json && !out.broken) {
    const report = { exitCode: info.exitCode, signal: info.signal, timedOut, maxOutputExceeded: out.exceeded, stats: p.stats() };
    process.stderr.write(`${JSON.stringify(report)}\n`);
  }
  return timedOut ? EXIT_TIMEOUT : out.exceeded ? EXIT_FAILED : info.exitCode;
}

/**
 * Run the `netrunner` command with `nr` (the binding's API) on this
 * process's arguments; `version` is what --version prints. Ends the process.
 */
export function runCli(nr: NetRunner, version: string): void {
  let args: CliArgs;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(EXIT_USAGE);
  }
  if (args.version) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (args.sandboxInfo) {
    const probe = (nr as { sandboxSupport?: () => unknown }).sandboxSupport;
    process.stdout.write(`${JSON.stringify(probe ? probe() : null)}\n`);
    return;
  }
  const output: { current: CappedOutput | null } = { current: null };
  runCommand(nr, args, output).then(
    (code) => (output.current?.broken ? dieOfSigpipe() : process.exit(code)),
    (e: unknown) => {
      process.stderr.write(`netrunner: ${(e as Error)?.message ?? String(e)}\n`);
      process.exit(EXIT_FAILED);
    },
  );
}
