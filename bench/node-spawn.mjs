// Spawn-to-exit latency of `true` on Node: netrunner's run() beside
// child_process.spawn, execa and tinyexec, interleaved in one process so
// drift hits them alike. `--heap MiB` first grows and touches a heap of that
// size: fork()-based spawns copy its page tables, posix_spawn does not.
import { spawn as cpSpawn } from 'node:child_process';
import { run } from '@netrunner/node';
import { execa } from 'execa';
import { x } from 'tinyexec';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const heapMiB = arg('--heap', 0);
const n = arg('--runs', 200);

const ballast = [];
for (let i = 0; i < heapMiB; i++) {
  const chunk = new Float64Array((1024 * 1024) / 8);
  chunk.fill(i); // touch every page
  ballast.push(chunk);
}

const all = {
  netrunner: () => run(['true']),
  child_process: () => new Promise((resolve, reject) => {
    cpSpawn('true', { stdio: 'pipe' }).on('error', reject).on('close', resolve);
  }),
  execa: () => execa('true'),
  tinyexec: () => x('true'),
};

// `--only a,b`: measure just these peers. A fork()-based peer makes the
// host's next writes to a big heap copy-on-write faults, which would be
// charged to whichever peer runs after it in the interleaving.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : Object.keys(all);
const peers = Object.fromEntries(Object.entries(all).filter(([name]) => only.includes(name)));
const times = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
for (let i = 0; i < 10; i++) for (const f of Object.values(peers)) await f();
// The order rotates every round, so each peer follows each other peer
// equally often. A fork()-based peer leaves the host's pages write-protected
// (copy-on-write) until they are next written, and whoever runs next pays
// those faults: with a fixed order, the same peer always paid them.
const entries = Object.entries(peers);
for (let i = 0; i < n; i++) {
  const shift = i % entries.length;
  for (const [name, f] of [...entries.slice(shift), ...entries.slice(0, shift)]) {
    const t = performance.now();
    await f();
    times[name].push(performance.now() - t);
  }
}
const stat = (v) => {
  v.sort((a, b) => a - b);
  return { median_ms: +v[v.length >> 1].toFixed(3), p90_ms: +v[Math.floor(v.length * 0.9)].toFixed(3) };
};
const out = { heap_mib: heapMiB, runs: n, ballast: ballast.length };
for (const [name, v] of Object.entries(times)) out[name] = stat(v);
console.log(JSON.stringify(out));
process.exit(0);
