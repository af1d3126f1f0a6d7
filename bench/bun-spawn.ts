// Spawn-to-exit latency of `true` on Bun: @netrunner/bun's run() beside
// Bun.spawn, interleaved in one process so drift hits them alike. Prints one
// JSON line: median and p90 of each, and the ratio (target <= 1.3x).
// 'Bun.spawn' awaits only `.exited`; 'Bun.spawn+drain' also reads stdout and
// stderr to EOF, which is what run() does (like child_process's 'close').
//   bun bench/bun-spawn.ts [--runs 200]
import { run } from '@netrunner/bun';

const i = process.argv.indexOf('--runs');
const n = i > 0 ? Number(process.argv[i + 1]) : 200;

const peers: Record<string, () => Promise<unknown>> = {
  netrunner: () => run(['true']),
  'Bun.spawn': () => Bun.spawn(['true']).exited,
  'Bun.spawn+drain': () => {
    const p = Bun.spawn(['true'], { stdout: 'pipe', stderr: 'pipe' });
    return Promise.all([p.exited, new Response(p.stdout).arrayBuffer(), new Response(p.stderr).arrayBuffer()]);
  },
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
for (let w = 0; w < 20; w++) for (const f of Object.values(peers)) await f();
for (let r = 0; r < n; r++) {
  // Alternate who goes first so neither always runs on a warmer cache.
  const order = r % 2 === 0 ? Object.entries(peers) : Object.entries(peers).reverse();
  for (const [name, f] of order) {
    const t = performance.now();
    await f();
    times[name]!.push(performance.now() - t);
  }
}

const stat = (v: number[]) => {
  v.sort((a, b) => a - b);
  return { median_ms: +v[v.length >> 1]!.toFixed(3), p90_ms: +v[Math.floor(v.length * 0.9)]!.toFixed(3) };
};
const out: Record<string, unknown> = { runs: n, bun: Bun.version };
for (const [name, v] of Object.entries(times)) out[name] = stat(v);
const nr = out.netrunner as { median_ms: number; p90_ms: number };
const bs = out['Bun.spawn'] as { median_ms: number; p90_ms: number };
const bd = out['Bun.spawn+drain'] as { median_ms: number; p90_ms: number };
out.ratio_median = +(nr.median_ms / bs.median_ms).toFixed(2);
out.ratio_p90 = +(nr.p90_ms / bs.p90_ms).toFixed(2);
out.ratio_median_vs_drain = +(nr.median_ms / bd.median_ms).toFixed(2);
console.log(JSON.stringify(out));
process.exit(0);
