// Spawn-to-exit of `true` under the sandbox's 'workspace' preset (filesystem
// confined, network none), beside the same run() unsandboxed and beside
// bwrap doing the same confinement (read-only system dirs, the workspace
// writable, a private /tmp, a fresh network namespace), interleaved in one
// process so drift hits them alike. bwrap is started by run() too, so the
// ratio prices only what each confinement adds.
import { mkdtempSync, rmSync } from 'node:fs';
import { run } from '@netrunner/node';

const at = process.argv.indexOf('--runs');
const n = at > 0 ? Number(process.argv[at + 1]) : 200;
const ws = mkdtempSync('/tmp/nr-bench-ws-');

const bwrap = [
  'bwrap', '--ro-bind', '/usr', '/usr', '--ro-bind', '/etc', '/etc',
  '--symlink', 'usr/bin', '/bin', '--symlink', 'usr/sbin', '/sbin',
  '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64',
  '--bind', ws, ws, '--tmpfs', '/tmp', '--dev', '/dev',
  '--unshare-net', '--die-with-parent', '--new-session', 'true',
];
const peers = {
  unsandboxed: () => run(['true']),
  sandbox_workspace: () => run(['true'], { sandbox: { preset: 'workspace', workspace: ws } }),
  bwrap: () => run(bwrap),
};
const check = await run(bwrap);
if (check.exitCode !== 0) delete peers.bwrap; // no bwrap, or no user namespaces

const times = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
for (let i = 0; i < 10; i++) for (const f of Object.values(peers)) await f();
const entries = Object.entries(peers);
for (let i = 0; i < n; i++) {
  const shift = i % entries.length;
  for (const [name, f] of [...entries.slice(shift), ...entries.slice(0, shift)]) {
    const t = performance.now();
    const r = await f();
    if (r.exitCode !== 0) throw new Error(`${name} exited ${r.exitCode}: ${r.stderr}`);
    times[name].push(performance.now() - t);
  }
}
rmSync(ws, { recursive: true, force: true });
const median = (v) => +v.sort((a, b) => a - b)[v.length >> 1].toFixed(3);
const out = { runs: n };
for (const [name, v] of Object.entries(times)) out[name] = { median_ms: median(v) };
console.log(JSON.stringify(out));
