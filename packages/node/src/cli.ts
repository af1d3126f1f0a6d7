#!/usr/bin/env node
// The `netrunner` command: `netrunner run [options] -- cmd args...` (see USAGE).
import type { Writable } from 'node:stream';
import { SpawnError, ValidationError, sandboxSupport, spawn, type Process } from './index.js';
import { parseCliArgs, type CliArgs } from './cli-args.js';

const EXIT_TIMEOUT = 124;
const EXIT_FAILED = 125;

async function pump(source: AsyncIterable<Uint8Array>, sink: Writable, count: (n: number) => void): Promise<void> {
  for await (const chunk of source) {
    count(chunk.length);
    if (!sink.write(chunk)) await new Promise((resolve) => sink.once('drain', resolve));
  }
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

async function main(args: CliArgs): Promise<number> {
  let p: Process;
  try {
    const sandbox = args.sandbox === null ? undefined : { preset: 'workspace', workspace: args.sandbox, network: args.allowNetwork ? 'allow' : 'none' } as const;
    p = await spawn(args.argv, { killTimeout: args.killTimeout, sandbox });
  } catch (e) {
    process.stderr.write(`netrunner: ${(e as Error).message}\n`);
    if (ValidationError.isInstance(e)) return 2;
    if (SpawnError.isInstance(e)) return e.code === 'ENOENT' && e.stage !== 'cwd' ? 127 : e.code === 'EACCES' ? 126 : EXIT_FAILED;
    return EXIT_FAILED;
  }
  let timedOut = false;
  let exceeded = false;
  let total = 0;
  const count = (n: number): void => {
    total += n;
    if (args.maxOutput > 0 && total > args.maxOutput && !exceeded) {
      exceeded = true;
      void p.stop().catch(() => undefined);
    }
  };
  const timer = args.timeout > 0 ? setTimeout(() => ((timedOut = true), void p.stop().catch(() => undefined)), args.timeout) : undefined;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => p.kill(sig));
  forwardStdin(p);
  await Promise.all([pump(p.stdout, process.stdout, count), pump(p.stderr, process.stderr, count)]);
  const info = await p.wait();
  clearTimeout(timer);
  if (args.json) {
    const report = { exitCode: info.exitCode, signal: info.signal, timedOut, maxOutputExceeded: exceeded, stats: p.stats() };
    process.stderr.write(`${JSON.stringify(report)}\n`);
  }
  return timedOut ? EXIT_TIMEOUT : exceeded ? EXIT_FAILED : info.exitCode;
}

let args: CliArgs;
try {
  args = parseCliArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
const done = args.command === 'sandbox-info' ? Promise.resolve(process.stdout.write(`${JSON.stringify(sandboxSupport())}\n`)).then(() => 0) : main(args);
done.then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`netrunner: ${(e as Error)?.message ?? String(e)}\n`);
    process.exit(EXIT_FAILED);
  },
);
