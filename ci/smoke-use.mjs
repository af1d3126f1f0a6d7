// Using an installed binding the way a new user does first: a smoke program,
// and a host that is SIGKILLed while its child runs.
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sh } from './smoke-lib.mjs';

/**
 * In the project `app` where `pkg` is installed: check its shepherd (at
 * `shepherd`, relative to the package) is 0755, run the smoke program and
 * the host-kill check under `runtime`, files named with `ext` (mjs or ts).
 * Throws on any failure; prints what each step reports.
 */
export async function useInstalled({ app, pkg, shepherd, runtime, ext }) {
  const installed = join(app, 'node_modules', pkg, shepherd);
  if ((statSync(installed).mode & 0o777) !== 0o755) throw new Error(`installed shepherd is not 0755: ${installed}`);

  writeFileSync(join(app, `smoke.${ext}`), smokeProgram(pkg, runtime.split('/').pop()));
  const out = sh(runtime, [`smoke.${ext}`], app);
  process.stdout.write(out);
  if (!out.includes('"smoke":"ok"')) throw new Error('the smoke script did not report ok');

  writeFileSync(join(app, `host.${ext}`), hostProgram(pkg));
  const child = await expectChildDiesWithHost(runtime, [`host.${ext}`], app);
  console.log(JSON.stringify({ hostKilled: 'ok', child }));
}

/** The smoke program (plain JavaScript, so it runs as .mjs on Node and .ts on Bun) against `pkg`. */
function smokeProgram(pkg, label) {
  return `import { run, stream, spawn, ValidationError } from '${pkg}';

const echo = await run(['echo', 'hello from ${label}']);
if (echo.stdout !== 'hello from ${label}\\n' || echo.exitCode !== 0) throw new Error('run: ' + JSON.stringify(echo));

let upper = '';
for await (const chunk of stream(['tr', 'a-z', 'A-Z'], { input: 'streamed' })) upper += new TextDecoder().decode(chunk);
if (upper !== 'STREAMED') throw new Error('stream: ' + upper);

const p = await spawn(['sleep', '100']);
p.kill();
const exit = await p.wait();
if (exit.signal !== 'SIGTERM' || exit.exitCode !== 143) throw new Error('spawn+kill: ' + JSON.stringify(exit));

const bad = await run([]).catch((e) => e);
if (!(bad instanceof ValidationError) || bad.field !== 'argv') throw new Error('validation: ' + String(bad));

console.log(JSON.stringify({ smoke: 'ok', echo: echo.stdout.trim(), upper, exit }));
`;
}

/** A host that starts a supervised `sleep` through the daemon package, prints its pid and stays up. */
function hostProgram(pkg) {
  return `import * as runner from '${pkg}';
import { Daemon } from '@netrunner/daemon';

const sleeper = new Daemon({ runner, argv: ['sleep', '1000'], restart: 'never' });
await sleeper.start();
console.log(sleeper.pid);
setInterval(() => {}, 1 << 30);
`;
}

/** A process's state letter from /proc/<pid>/stat, or 'gone'. */
function procState(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return 'gone';
  }
}

/**
 * Start `cmd args` (a hostProgram) in cwd, read the child's pid it prints,
 * SIGKILL the host and wait (at most 10 s) until that child is gone. Throws
 * if it is still there.
 */
async function expectChildDiesWithHost(cmd, args, cwd) {
  const host = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => host.on('exit', resolve));
  let out = '';
  for await (const chunk of host.stdout) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  const pid = Number(out.trim());
  if (!Number.isInteger(pid) || pid <= 0 || procState(pid) === 'gone') {
    host.kill('SIGKILL');
    throw new Error(`the host printed ${JSON.stringify(out)}, not a live child's pid`);
  }
  host.kill('SIGKILL');
  await exited;
  const deadline = Date.now() + 10_000;
  while (procState(pid) !== 'gone' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const state = procState(pid);
  if (state !== 'gone') {
    process.kill(pid, 'SIGKILL');
    throw new Error(`child ${pid} outlived its SIGKILLed host (state ${state})`);
  }
  return pid;
}
