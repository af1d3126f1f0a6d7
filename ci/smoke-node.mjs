#!/usr/bin/env node
// Install @netrunner/node the way a user does and use it, with no compiler
// step: `npm pack` types, core and node into a temp dir, `npm install` the
// tarballs into an empty project with install scripts off (recent npm does
// not run a dependency's install script unless the user allows it), then run
// a script and the `netrunner` command there. Expects every package built
// (npm run build). Exits non-zero on any failure.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectExecutables, pack, sh, smokeProgram } from './smoke-lib.mjs';

const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-node-'));
try {
  const tarballs = pack(['types', 'core', 'node'], work);
  expectExecutables(tarballs['@netrunner/node'], ['prebuilds/linux-x64/netrunner-shepherd', 'prebuilds/linux-x64/@netrunner+node.node']);

  const app = join(work, 'app');
  mkdirSync(app);
  // All three as direct dependencies: core's and node's dependency on types
  // (by version) is then met by the tarball installed at the top.
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module', dependencies }, null, 2));
  sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], app);
  const shepherd = join(app, 'node_modules', '@netrunner', 'node', 'prebuilds', 'linux-x64', 'netrunner-shepherd');
  if ((statSync(shepherd).mode & 0o777) !== 0o755) throw new Error(`installed shepherd is not 0755: ${shepherd}`);

  writeFileSync(join(app, 'smoke.mjs'), smokeProgram('@netrunner/node', 'node'));
  const out = sh('node', ['smoke.mjs'], app);
  process.stdout.write(out);
  if (!out.includes('"smoke":"ok"')) throw new Error('the smoke script did not report ok');
  const cli = sh(join(app, 'node_modules', '.bin', 'netrunner'), ['run', '--', 'sh', '-c', 'printf cli-ok'], app);
  if (cli !== 'cli-ok') throw new Error(`the netrunner command printed ${JSON.stringify(cli)}`);
  console.log(JSON.stringify({ cli: 'ok' }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
