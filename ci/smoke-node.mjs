#!/usr/bin/env node
// Install @netrunner/node the way a user does and use it, with no compiler
// step: `npm pack` every published package into a temp dir, `npm i` the
// tarballs into an empty project (the command as a user types it: install
// scripts as npm's defaults leave them, no flags), then run a script, a host
// that is SIGKILLed, a CommonJS script, a type check of CommonJS and ESM
// consumers, the ESM and CommonJS scripts again on Node 20.19, 22 and 24, and
// the `netrunner` command there. Expects every
// package built (npm run build). Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as smoke from './smoke-lib.mjs';
import { nodeBinaries } from './node-lines.mjs';
import { expectRequireWorks, expectTypesCheck } from './smoke-require.mjs';
import { useInstalled } from './smoke-use.mjs';

const prebuilds = 'prebuilds/linux-x64';
const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-node-'));
try {
  const tarballs = smoke.pack(['types', 'core', 'node', 'bun', 'daemon'], work);
  const node = tarballs['@netrunner/node'];
  smoke.expectExecutables(node, [`${prebuilds}/netrunner-shepherd`, `${prebuilds}/@netrunner+node.glibc.node`]);
  smoke.expectInstallableManifest(node, smoke.PLATFORMS);

  const app = smoke.emptyProject(work);
  const install = await smoke.installAsUser('npm', ['i', ...Object.values(tarballs)], app);
  await useInstalled({ app, pkg: '@netrunner/node', shepherd: `${prebuilds}/netrunner-shepherd`, runtime: 'node', ext: 'mjs' });

  // Where no prebuild matches (LIBC names a libc none is built for), the
  // error names the platform and no command of this repository.
  const other = spawnSync('node', ['smoke.mjs'], { cwd: app, env: { ...process.env, LIBC: 'uclibc' }, encoding: 'utf8' });
  if (other.status === 0 || !other.stderr.includes('no prebuilt addon for linux-x64-uclibc') || other.stderr.includes('npm run')) {
    throw new Error(`with LIBC=uclibc, expected a platform error; got ${other.status}:\n${other.stderr}`);
  }

  expectRequireWorks(app);
  expectTypesCheck(app);
  // Each supported Node line: the ESM smoke (written by useInstalled) and require().
  for (const [line, node] of Object.entries(nodeBinaries())) {
    const out = smoke.sh(node, ['smoke.mjs'], app);
    if (!out.includes('"smoke":"ok"')) throw new Error(`the smoke script did not report ok on Node ${line}`);
    expectRequireWorks(app, node);
    console.log(JSON.stringify({ nodeLine: line, smoke: 'ok', require: 'ok' }));
  }

  const cli = smoke.sh(join(app, 'node_modules', '.bin', 'netrunner'), ['run', '--', 'sh', '-c', 'printf cli-ok'], app);
  if (cli !== 'cli-ok') throw new Error(`the netrunner command printed ${JSON.stringify(cli)}`);
  console.log(JSON.stringify({ cli: 'ok', installSeconds: Number(install.seconds.toFixed(2)) }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
