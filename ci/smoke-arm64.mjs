#!/usr/bin/env node
// The arm64 build, installed and run as on an arm64 Linux machine: build the
// linux-arm64-glibc prebuilds (scripts/prebuild.mjs), `npm pack` and `npm i`
// the packages into an empty project, then run a program there with Node's
// official arm64 binary under qemu-user. The arm64 shepherd cannot run
// under qemu-user 7.2 (it refuses PR_SET_CHILD_SUBREAPER, and runs the
// shepherd's CLONE_VM|CLONE_VFORK clone as a plain fork), so the children
// go through this machine's shepherd: the arm64 addon and libnetrunner do
// the host's part.
// Prints {"skip": why} and exits 0 when qemu, the cross compiler or the
// registry is unavailable; throws on any failure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arm64Node, ensureQemu, SYSROOT } from './qemu-arm64.mjs';
import * as smoke from './smoke-lib.mjs';

const NODE_LINE = '22';
const prebuilds = 'prebuilds/linux-arm64';

function skip(reason) {
  console.log(JSON.stringify({ skip: reason }));
  process.exit(0);
}

const setup = ensureQemu();
if (setup) skip(setup);
const built = JSON.parse(smoke.sh(process.execPath, ['scripts/prebuild.mjs', 'linux-arm64-glibc'], smoke.root).trim().split('\n').pop());
if (built.skipped) skip(`linux-arm64-glibc not built: ${built.skipped}`);
const { node, reason } = arm64Node(NODE_LINE);
if (reason) skip(reason);

/** What runs on arm64: echo, an exit code, a timeout that kills, and which shepherd forked the children. */
const program = `import { run, spawn, TimeoutError } from '@netrunner/node';
import { readFileSync, readlinkSync } from 'node:fs';

const ppid = (pid) => Number(readFileSync('/proc/' + pid + '/stat', 'utf8').split(') ')[1].split(' ')[1]);
const echo = await run(['echo', 'hello from arm64']);
const exit = await run(['sh', '-c', 'exit 7']);
const timeout = await run(['sleep', '100'], { timeout: 2000 }).catch((e) => e);
const sleeper = await spawn(['sleep', '100']);
const shepherd = readlinkSync('/proc/' + ppid(sleeper.pid) + '/exe');
sleeper.kill('SIGKILL');
const killed = await sleeper.wait();
let gone = false;
try { readFileSync('/proc/' + sleeper.pid + '/stat'); } catch { gone = true; }
console.log(JSON.stringify({
  arch: process.arch,
  echo: echo.stdout,
  exitCode: exit.exitCode,
  timeout: timeout instanceof TimeoutError ? 'TimeoutError' : String(timeout),
  shepherd,
  killed: killed.signal,
  gone,
}));
`;

const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-arm64-'));
try {
  const tarballs = smoke.pack(['types', 'core', 'node', 'daemon'], work);
  smoke.expectExecutables(tarballs['@netrunner/node'], [`${prebuilds}/netrunner-shepherd`, `${prebuilds}/@netrunner+node.glibc.node`]);
  const app = smoke.emptyProject(work);
  await smoke.installAsUser('npm', ['i', ...Object.values(tarballs)], app);
  writeFileSync(join(app, 'arm64.mjs'), program);
  const env = { ...process.env, NETRUNNER_SHEPHERD_PATH: join(smoke.root, 'core-c', 'out', 'netrunner-shepherd-static') };
  process.stdout.write(smoke.sh('qemu-aarch64', ['-L', SYSROOT, node, 'arm64.mjs'], app, env));
} finally {
  rmSync(work, { recursive: true, force: true });
}
