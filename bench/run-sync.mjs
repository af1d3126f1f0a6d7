// runSync(['true']) beside run(['true']) and child_process.spawnSync('true'),
// interleaved in one process, on the runtime running this file:
// `node bench/run-sync.mjs <binding entry> --runs N` (or bun).
import { spawnSync } from 'node:child_process';

const entry = process.argv[2];
const at = process.argv.indexOf('--runs');
const n = at > 0 ? Number(process.argv[at + 1]) : 100;
const nr = await import(entry);

let t = performance.now();
nr.runSync(['true']);
const firstCallMs = performance.now() - t;

const peers = {
  runSync: () => nr.runSync(['true']),
  run: () => nr.run(['true']),
  spawnSync: () => spawnSync('true'),
};
for (let i = 0; i < 10; i++) for (const f of Object.values(peers)) await f();
const times = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
const entries = Object.entries(peers);
for (let i = 0; i < n; i++) {
  const shift = i % entries.length;
  for (const [name, f] of [...entries.slice(shift), ...entries.slice(0, shift)]) {
    t = performance.now();
    await f();
    times[name].push(performance.now() - t);
  }
}
const median = (v) => +v.sort((a, b) => a - b)[v.length >> 1].toFixed(3);
const out = { runs: n, first_call_ms: +firstCallMs.toFixed(1) };
for (const [name, v] of Object.entries(times)) out[name] = { median_ms: median(v) };
console.log(JSON.stringify(out));
process.exit(0);
