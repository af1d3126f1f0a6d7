#!/usr/bin/env node
// `npm run bench`: every benchmark, each in its own process, reported as
// ratios against the peers measured in the same run (absolute timings on a
// shared machine drift 15-45% between runs; ratios in one run do not).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bench = (f) => join(root, 'bench', f);
const quick = process.argv.includes('--quick');

function json(cmd, args, opts = {}) {
  const out = execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
  const text = out.trim();
  return JSON.parse(text.startsWith('{') ? text : text.split('\n').pop());
}
const ratio = (a, b) => +(a / b).toFixed(2);
const verdict = (ok) => (ok ? 'meets target' : 'MISSES target');
const report = [];

// C floors: raw posix_spawn, one shepherd per host, one per child.
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
const cBin = join(root, 'bench', 'out', 'spawn-latency');
execFileSync('cc', ['-O2', '-std=c11', '-D_GNU_SOURCE', '-Icore-c/include', 'bench/c/spawn-latency.c',
  'core-c/out/libnetrunner.a', '-o', cBin], { cwd: root, stdio: 'inherit' });
const c = json(cBin, ['core-c/out/netrunner-shepherd', quick ? '100' : '300']);
report.push(['C spawn-to-exit (µs, median)', c]);

// Node spawn latency, small heap and a 1 GiB touched heap.
const runs = quick ? '60' : '500';
// All peers interleaved for the ratio against child_process; for flatness,
// each peer alone in its own process (see --only in node-spawn.mjs), with a
// small heap and with a 1 GiB touched heap.
const small = json('node', [bench('node-spawn.mjs'), '--runs', runs]);
const alone = (peer, heap) =>
  json('node', ['--max-old-space-size=4096', bench('node-spawn.mjs'), '--runs', runs, '--heap', String(heap), '--only', peer])[peer];
const flatness = {};
for (const peer of ['netrunner', 'child_process']) flatness[peer] = { small_heap: alone(peer, 0), heap_1gib: alone(peer, 1024) };
report.push(['Node spawn-to-exit, small heap, interleaved', small], ['Node spawn-to-exit alone, small vs 1 GiB heap', flatness]);
const vsCp = ratio(small.netrunner.median_ms, small.child_process.median_ms);
const flat = ratio(flatness.netrunner.heap_1gib.median_ms, flatness.netrunner.small_heap.median_ms);
const cpGrowth = ratio(flatness.child_process.heap_1gib.median_ms, flatness.child_process.small_heap.median_ms);

// Throughput and streaming memory.
const rawBin = join(root, 'bench', 'out', 'pipe-reader');
execFileSync('cc', ['-O2', '-std=c11', '-D_GNU_SOURCE', 'bench/c/pipe-reader.c', '-o', rawBin], { cwd: root, stdio: 'inherit' });
const tput = json('node', [bench('node-throughput.mjs'), quick ? '256' : '1024', '--raw', rawBin]);
report.push(['stdout throughput (GiB/s, best of 3)', tput]);
// Each Process read path (web, Node streams, lines()) beside the runtime's own reader of that shape.
const readMib = quick ? '128' : '512';
const reads = json('node', [bench('node-read-paths.mjs'), readMib]);
report.push(['Node read paths (GiB/s, best of 3)', reads]);
const mem = json('node', [bench('node-stream-memory.mjs'), quick ? '1' : '4']);
report.push(['streaming memory, slow consumer', mem]);
// produce | cat | wc -c: kernel pipes (pipeline()) against sh -c and JavaScript hops.
const pipeMib = quick ? '256' : '1024';
const pipes = json('node', [bench('pipeline-throughput.mjs'), pipeMib]);
report.push(['pipeline throughput, produce | cat | wc -c (GiB/s, best of 3)', pipes]);
const conc = json('node', [bench('node-concurrency.mjs'), quick ? '200' : '1000']);
report.push(['concurrency', conc]);
// What a SIGKILLed host leaves running, for every peer.
const orphans = json('node', [bench('orphans.mjs')]);
report.push(['left running after the host is SIGKILLed (sh + 2 sleeps)', orphans]);

// Bun, when the Bun binding and bench are there.
let bun = null;
const bunBin = join(root, 'node_modules', '.bin', 'bun');
if (existsSync(bench('bun-spawn.ts')) && existsSync(bunBin)) {
  bun = json(bunBin, [bench('bun-spawn.ts'), '--runs', runs]);
  report.push(['Bun spawn-to-exit', bun]);
  bun.pipes = json(bunBin, [bench('pipeline-throughput.mjs'), pipeMib, '--binding', '@netrunner/bun']);
  report.push(['Bun pipeline throughput, produce | cat | wc -c (GiB/s, best of 3)', bun.pipes]);
}

// The sandbox's 'workspace' preset beside no sandbox and beside bwrap.
const sandbox = json('node', [bench('node-sandbox.mjs'), '--runs', quick ? '60' : '300']);
report.push(['sandbox spawn-to-exit (workspace preset, unsandboxed, bwrap)', sandbox]);
// runSync() against run() and child_process.spawnSync, on each runtime.
const syncRuns = quick ? '40' : '200';
const runSyncOn = { node: json('node', [bench('run-sync.mjs'), join(root, 'packages/node/dist/index.js'), '--runs', syncRuns]) };
if (existsSync(bunBin)) runSyncOn.bun = json(bunBin, [bench('run-sync.mjs'), join(root, 'packages/bun/dist/index.js'), '--runs', syncRuns]);
report.push(['runSync(["true"]) beside run() and spawnSync', runSyncOn]);
const bunReads = bun ? json(bunBin, [bench('bun-read-paths.ts'), readMib]) : null;
if (bunReads) report.push(['Bun read paths (GiB/s, best of 3)', bunReads]);

for (const [title, data] of report) console.log(`\n## ${title}\n${JSON.stringify(data, null, 2)}`);
console.log('\n## Against the budget');
console.log(`Node run(['true']) / child_process.spawn: ${vsCp}x (target <= 0.6x; budget <= 1.0x) — ${verdict(vsCp <= 0.6)}`);
console.log(`Node run(['true']) 1 GiB heap / small heap: ${flat}x (target <= 1.2x) — ${verdict(flat <= 1.2)}; child_process grew ${cpGrowth}x`);
const vsCpTput = ratio(tput.gib_per_s.netrunner, tput.gib_per_s.child_process);
const vsRaw = ratio(tput.gib_per_s.netrunner, tput.gib_per_s.raw_c);
console.log(`stdout throughput netrunner / child_process: ${vsCpTput}x (target >= 1.0x) — ${verdict(vsCpTput >= 1)}`);
console.log(`stdout throughput netrunner / raw C reader: ${vsRaw}x (target >= 0.9x) — ${verdict(vsRaw >= 0.9)}`);
console.log(`RSS growth streaming ${mem.gib} GiB: ${mem.rss_growth_mib} MiB (target < 32 MiB) — ${verdict(mem.rss_growth_mib < 32)}`);
console.log(`${conc.children} concurrent children: ${conc.ok} ok, threads ${conc.threads_before} -> ${conc.threads_peak}`);
const ours = Object.entries(orphans).filter(([peer]) => peer.startsWith('netrunner'));
const theirs = Object.entries(orphans).filter(([peer]) => !peer.startsWith('netrunner'));
const list = (rows) => rows.map(([peer, n]) => `${peer} ${n}`).join(', ');
console.log(`Left running after a host SIGKILL (of 3): ${list(ours)}; ${list(theirs)} — ${verdict(ours.every(([, n]) => n === 0))}`);
const pipeLine = (name, p) => {
  const vsSh = ratio(p.gib_per_s.netrunner, p.gib_per_s.sh);
  const vsJs = ratio(p.gib_per_s.netrunner, p.gib_per_s.js);
  console.log(`${name} pipeline() / sh -c pipeline: ${vsSh}x (target >= 0.9x) — ${verdict(vsSh >= 0.9)}; / JavaScript hops: ${vsJs}x`);
};
pipeLine('Node', pipes);
for (const [rt, r] of Object.entries(runSyncOn)) {
  const vsRun = ratio(r.runSync.median_ms, r.run.median_ms);
  const vsSpawnSync = ratio(r.runSync.median_ms, r.spawnSync.median_ms);
  console.log(`${rt} runSync(['true']) / run(['true']): ${vsRun}x (target <= 1.5x) — ${verdict(vsRun <= 1.5)}; / spawnSync: ${vsSpawnSync}x; first call ${r.first_call_ms} ms`);
}
if (bun) {
  const b = ratio(bun.netrunner.median_ms, bun['Bun.spawn'].median_ms);
  console.log(`Bun run(['true']) / Bun.spawn: ${b}x (target <= 1.3x) — ${verdict(b <= 1.3)}`);
  pipeLine('Bun', bun.pipes);
}
const sbCost = ratio(sandbox.sandbox_workspace.median_ms, sandbox.unsandboxed.median_ms);
console.log(`Sandboxed run(['true']) (workspace preset) / unsandboxed: ${sbCost}x (target <= 1.5x) — ${verdict(sbCost <= 1.5)}`);
if (sandbox.bwrap) {
  const vsBwrap = ratio(sandbox.sandbox_workspace.median_ms, sandbox.bwrap.median_ms);
  console.log(`Sandboxed run(['true']) / bwrap with the same confinement: ${vsBwrap}x (target < 1.0x) — ${verdict(vsBwrap < 1)}`);
} else {
  console.log('Sandboxed run([\'true\']) / bwrap: not measured (bwrap missing or refused here)');
}
// Every read path: >= 1.1x the runtime's own reader of the same shape (DESIGN.md).
for (const [runtime, r] of [['Node', reads], ['Bun', bunReads]]) {
  for (const [name, x] of Object.entries(r?.ratios ?? {})) console.log(`${runtime} ${name}: ${x}x (target >= 1.1x) — ${verdict(x >= 1.1)}`);
}
