// Compiled by test/contract-types.test.ts against the built packages, as a
// user's project sees them: one function typed against NetRunner takes
// either binding. Each expect-error directive must meet an error (TS2578).
import type { NetRunner, Process } from '@netrunner/types';
import * as node from '@netrunner/node';
import * as bun from '@netrunner/bun';

async function build(nr: NetRunner): Promise<string[]> {
  const { stdout } = await nr.run(['ls'], { lines: true });
  const counted: string = (await nr.pipeline([['ls'], ['wc', '-l']])).stdout;
  stdout.push(counted);
  await using p: Process = await nr.spawn(['gzip']);
  const web: ReadableStream<Uint8Array> = p.readable;
  const stdin: WritableStream<Uint8Array> = p.writable;
  void [web, stdin, p.stderrReadable, p.nodeStdout().pipe(p.nodeStdin())];
  for await (const line of p.lines('stderr')) stdout.push(line);
  return stdout;
}

export const both = [build(node), build(bun)];

const spawned: Promise<Process> = node.spawn(['true']);
const bytes: Promise<Uint8Array> = bun.run(['true'], { encoding: 'buffer' }).then((r) => r.stdout);
export const typed = [spawned, bytes];

// @ts-expect-error a module without `$` is not a NetRunner
export const partial = build({ run: node.run, stream: node.stream, spawn: node.spawn, shutdown: node.shutdown, configure: node.configure });

// @ts-expect-error lines() reads 'stdout' or 'stderr'
export const wrongStream = node.spawn(['true']).then((p) => p.lines('stdin'));

// @ts-expect-error validators are not part of a binding
export const internal = node.normalizeSpawnOptions;
