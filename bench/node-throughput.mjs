// Stdout throughput: `head -c N /dev/zero` read to the end through
// netrunner's stream() and through child_process's stdout, in one process.
import { spawn as cpSpawn } from 'node:child_process';
import { stream } from '@netrunner/node';

const mib = Number(process.argv[2] ?? 1024);
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

const best = { netrunner: 0, child_process: 0 };
for (let round = 0; round < 3; round++) {
  for (const [name, f] of [['netrunner', viaNetrunner], ['child_process', viaChildProcess]]) {
    const t = performance.now();
    const total = await f();
    const s = (performance.now() - t) / 1000;
    if (total !== bytes) throw new Error(`${name} read ${total} of ${bytes} bytes`);
    best[name] = Math.max(best[name], +(bytes / s / 2 ** 30).toFixed(3));
  }
}
console.log(JSON.stringify({ mib, gib_per_s: best }));
