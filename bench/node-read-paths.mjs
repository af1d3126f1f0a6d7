// Stdout throughput of each Process read path on Node beside the runtime's
// own reader of the same shape, interleaved round by round (best of 3):
//   bytes (`head -c N /dev/zero`): stream(), Process.readable (web),
//     Process.nodeStdout() against child_process stdout ('data') and
//     Readable.toWeb(child.stdout);
//   lines (64-byte lines from `yes | head -c N`): Process.lines() against
//     node:readline over child_process stdout.
//   node bench/node-read-paths.mjs [MiB]
import { spawn as cpSpawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { spawn, stream } from '@netrunner/node';

const mib = Number(process.argv[2] ?? 512);
const bytes = mib * 1024 * 1024;
const zeros = ['head', '-c', String(bytes), '/dev/zero'];
const LINE = 'x'.repeat(63); // 64 bytes with its '\n'
const text = ['sh', '-c', `yes ${LINE} | head -c ${bytes}`];

async function countChunks(chunks) {
  let total = 0;
  for await (const c of chunks) total += c.length;
  return total;
}
async function countLines(lines) {
  let total = 0;
  for await (const line of lines) total += line.length + 1;
  return total;
}
function childStdout(argv) {
  return cpSpawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] }).stdout;
}

const paths = {
  bytes: {
    'netrunner stream()': () => countChunks(stream(zeros)),
    'netrunner readable': async () => countChunks((await spawn(zeros)).readable),
    'netrunner nodeStdout()': async () => countChunks((await spawn(zeros)).nodeStdout()),
    'child_process stdout': () => countChunks(childStdout(zeros)),
    'child_process Readable.toWeb': () => countChunks(Readable.toWeb(childStdout(zeros))),
  },
  lines: {
    'netrunner lines()': async () => countLines((await spawn(text)).lines()),
    'child_process readline': () => countLines(createInterface({ input: childStdout(text), crlfDelay: Infinity })),
  },
};

const best = {};
for (let round = 0; round < 3; round++) {
  for (const group of Object.values(paths)) {
    for (const [name, f] of Object.entries(group)) {
      const t = performance.now();
      const total = await f();
      const s = (performance.now() - t) / 1000;
      if (total !== bytes) throw new Error(`${name} read ${total} of ${bytes} bytes`);
      best[name] = Math.max(best[name] ?? 0, +(bytes / s / 2 ** 30).toFixed(3));
    }
  }
}
const ratio = (a, b) => +(best[a] / best[b]).toFixed(2);
const runtimeBest = Math.max(best['child_process stdout'], best['child_process Readable.toWeb']);
console.log(
  JSON.stringify({
    mib,
    gib_per_s: best,
    ratios: {
      'readable / best child_process reader': +(best['netrunner readable'] / runtimeBest).toFixed(2),
      'nodeStdout() / best child_process reader': +(best['netrunner nodeStdout()'] / runtimeBest).toFixed(2),
      'stream() / best child_process reader': +(best['netrunner stream()'] / runtimeBest).toFixed(2),
      'readable / Readable.toWeb(child.stdout)': ratio('netrunner readable', 'child_process Readable.toWeb'),
      'lines() / readline': ratio('netrunner lines()', 'child_process readline'),
    },
  }),
);
