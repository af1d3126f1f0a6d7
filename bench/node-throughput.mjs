// Stdout throughput: `head -c N /dev/zero` read to the end through
// netrunner's stream() and through child_process's stdout, in one process,
// and, given `--raw path/to/pipe-reader` (bench/c/pipe-reader.c), by a raw C
// reader with a 64 KiB buffer, interleaved round by round.
import { execFileSync, spawn as cpSpawn } from 'node:child_process';
import { stream } from '@netrunner/node';

const mib = Number(process.argv[2] ?? 1024);
const rawAt = process.argv.indexOf('--raw');
const raw = rawAt > 0 ? process.argv[rawAt + 1] : null;
const bytes = mib * 1024 * 1024;
const argv = ['head', '-c', String(bytes), '/dev/zero'];

async function viaNetrunner() {
  let total = 0;
  for await (const chunk of stream(argv)) total += chunk.length;
  return total;
}
function viaChildProcess() {
  return new Promise((resolve, reject) => {
    let total = 0;
    const c = cpSpawn(argv[0], argv.slice(1));
    c.stdout.on('data', (d) => { total += d.length; });
    c.on('error', reject).on('close', () => resolve(total));
  });
}

const best = { netrunner: 0, child_process: 0, ...(raw ? { raw_c: 0 } : {}) };
for (let round = 0; round < 3; round++) {
  if (raw) {
    const r = JSON.parse(execFileSync(raw, ['1', ...argv], { encoding: 'utf8' }));
    if (r.bytes !== bytes) throw new Error(`raw_c read ${r.bytes} of ${bytes} bytes`);
    best.raw_c = Math.max(best.raw_c, r.gib_per_s);
  }
  for (const [name, f] of [['netrunner', viaNetrunner], ['child_process', viaChildProcess]]) {
    const t = performance.now();
    const total = await f();
    const s = (performance.now() - t) / 1000;
    if (total !== bytes) throw new Error(`${name} read ${total} of ${bytes} bytes`);
    best[name] = Math.max(best[name], +(bytes / s / 2 ** 30).toFixed(3));
  }
}
console.log(JSON.stringify({ mib, gib_per_s: best }));
