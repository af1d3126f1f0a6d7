// Stdout throughput of each Process read path on Bun beside Bun.spawn's own
// stdout of the same shape, interleaved round by round (best of 3): bytes
// from `head -c N /dev/zero` (stream(), readable, nodeStdout() against
// Bun.spawn's ReadableStream) and 64-byte lines from `yes | head -c N`
// (lines() against Bun.spawn's stdout through TextDecoderStream, split on '\n').
//   bun bench/bun-read-paths.ts [MiB]
import { spawn, stream } from '@netrunner/bun';

const mib = Number(process.argv[2] ?? 512);
const bytes = mib * 1024 * 1024;
const zeros = ['head', '-c', String(bytes), '/dev/zero'];
const text = ['sh', '-c', `yes ${'x'.repeat(63)} | head -c ${bytes}`];

async function countChunks(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const c of chunks) total += c.length;
  return total;
}
async function countLines(lines: AsyncIterable<string>): Promise<number> {
  let total = 0;
  for await (const line of lines) total += line.length + 1;
  return total;
}
async function* bunLines(argv: string[]): AsyncGenerator<string> {
  let rest = '';
  for await (const text of Bun.spawn(argv, { stdout: 'pipe' }).stdout.pipeThrough(new TextDecoderStream())) {
    const parts = (rest + text).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest !== '') yield rest;
}

const paths: Record<string, () => Promise<number>> = {
  'netrunner stream()': () => countChunks(stream(zeros)),
  'netrunner readable': async () => countChunks((await spawn(zeros)).readable),
  'netrunner nodeStdout()': async () => countChunks((await spawn(zeros)).nodeStdout()),
  'Bun.spawn stdout': () => countChunks(Bun.spawn(zeros, { stdout: 'pipe' }).stdout),
  'netrunner lines()': async () => countLines((await spawn(text)).lines()),
  'Bun.spawn lines': () => countLines(bunLines(text)),
};

const best: Record<string, number> = {};
for (let round = 0; round < 3; round++) {
  for (const [name, f] of Object.entries(paths)) {
    const t = performance.now();
    const total = await f();
    const s = (performance.now() - t) / 1000;
    if (total !== bytes) throw new Error(`${name} read ${total} of ${bytes} bytes`);
    best[name] = Math.max(best[name] ?? 0, +(bytes / s / 2 ** 30).toFixed(3));
  }
}
const ratio = (a: string, b: string) => +(best[a]! / best[b]!).toFixed(2);
console.log(
  JSON.stringify({
    mib,
    bun: Bun.version,
    gib_per_s: best,
    ratios: {
      'stream() / Bun.spawn stdout': ratio('netrunner stream()', 'Bun.spawn stdout'),
      'readable / Bun.spawn stdout': ratio('netrunner readable', 'Bun.spawn stdout'),
      'nodeStdout() / Bun.spawn stdout': ratio('netrunner nodeStdout()', 'Bun.spawn stdout'),
      'lines() / Bun.spawn lines': ratio('netrunner lines()', 'Bun.spawn lines'),
    },
  }),
);
process.exit(0);
