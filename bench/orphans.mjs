// What a SIGKILLed server leaves behind. For each peer, a host process
// (node, or bun for Bun's peers) starts `sh -c 'sleep 100 & sleep 100 &
// wait'` through that peer and prints the pids of the sh and both sleeps;
// the host is then SIGKILLed (nothing of it runs: no exit hook, no
// cleanup), and after a grace period we count which of the three still
// exist. The hosts are started with netrunner itself: its shepherd is a
// child subreaper, so whatever a peer leaves behind is re-parented to it,
// and it is killed and reaped at the end (this machine's PID 1 would leave
// zombies).
//   node bench/orphans.mjs   → one JSON line: { peer: survivors (of 3) }
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from '@netrunner/node';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bunBin = join(root, 'node_modules', '.bin', 'bun');
const SCRIPT = 'echo $$; sleep 100 & echo $!; sleep 100 & echo $!; wait';
const GRACE_MS = 1500;

// How each peer starts the script, as the body of an ES module run by the host.
const hosts = {
  child_process: ['node', `import { spawn } from 'node:child_process';
    spawn('sh', ['-c', ${JSON.stringify(SCRIPT)}], { stdio: ['ignore', 'inherit', 'inherit'] });`],
  execa: ['node', `import { execa } from 'execa';
    execa('sh', ['-c', ${JSON.stringify(SCRIPT)}], { stdout: 'inherit' }).catch(() => {});`],
  tinyexec: ['node', `import { x } from 'tinyexec';
    const p = x('sh', ['-c', ${JSON.stringify(SCRIPT)}]);
    for await (const line of p) console.log(line);`],
  'netrunner (node)': ['node', `import { spawn } from '@netrunner/node';
    const p = await spawn(['sh', '-c', ${JSON.stringify(SCRIPT)}]);
    for await (const chunk of p.stdout) process.stdout.write(chunk);`],
  'Bun.spawn': ['bun', `Bun.spawn(['sh', '-c', ${JSON.stringify(SCRIPT)}], { stdout: 'inherit' });
    setInterval(() => {}, 1000);`],
  'netrunner (bun)': ['bun', `import { spawn } from '@netrunner/bun';
    const p = await spawn(['sh', '-c', ${JSON.stringify(SCRIPT)}]);
    for await (const chunk of p.stdout) process.stdout.write(chunk);`],
};

// Alive and not a zombie (a zombie still answers kill(pid, 0)).
function running(pid) {
  if (!existsSync(`/proc/${pid}/stat`)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function survivors(runtime, module) {
  const argv = runtime === 'node' ? ['node', '--input-type=module', '-e', module] : [bunBin, '-e', module];
  const host = await spawn(argv, { cwd: root });
  let text = '';
  for (let chunk = await host.read(); chunk !== null; chunk = await host.read()) {
    text += new TextDecoder().decode(chunk);
    if (text.split('\n').length > 3) break;
  }
  const pids = text.trim().split('\n').map(Number);
  if (pids.length !== 3 || pids.some((p) => !(p > 0))) throw new Error(`${runtime} host printed ${JSON.stringify(text)}`);
  process.kill(host.pid, 'SIGKILL'); // the host alone, not its group
  await new Promise((r) => setTimeout(r, GRACE_MS));
  const left = pids.filter(running).length;
  // Clean up: whatever is left is in the host's group or re-parented to
  // our shepherd; either way this reaches it.
  for (const pid of pids) if (running(pid)) process.kill(pid, 'SIGKILL');
  await host.stop();
  return left;
}

const out = {};
for (const [peer, [runtime, module]] of Object.entries(hosts)) {
  if (runtime === 'bun' && !existsSync(bunBin)) continue;
  out[peer] = await survivors(runtime, module);
}
console.log(JSON.stringify(out));
process.exit(0);
