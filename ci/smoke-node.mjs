#!/usr/bin/env node
// Install @netrunner/node the way a user does and use it, with no compiler
// step: `npm pack` types, core and node into a temp dir, `npm install` the
// tarballs into an empty project with install scripts off (recent npm does
// not run a dependency's install script unless the user allows it), then run
// a script and the `netrunner` command there. Expects every package built
// (npm run build). Exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-node-'));
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const tarballs = {};
  for (const name of ['types', 'core', 'node']) {
    const out = sh('npm', ['pack', '--silent', '--pack-destination', work], join(root, 'packages', name));
    tarballs[`@netrunner/${name}`] = join(work, out.trim().split('\n').pop());
  }
  const listing = sh('tar', ['tvzf', tarballs['@netrunner/node']], work);
  if (!/^-rwxr-xr-x .* package\/prebuilds\/linux-x64\/netrunner-shepherd$/m.test(listing)) {
    throw new Error(`the @netrunner/node tarball lacks prebuilds/linux-x64/netrunner-shepherd with mode 0755:\n${listing}`);
  }
  if (!/ package\/prebuilds\/linux-x64\/[^/]+\.node$/m.test(listing)) {
    throw new Error(`the @netrunner/node tarball has no prebuilt addon:\n${listing}`);
  }

  const app = join(work, 'app');
  mkdirSync(app);
  // All three as direct dependencies: core's and node's dependency on types
  // (by version) is then met by the tarball installed at the top.
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module', dependencies }, null, 2));
  sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], app);
  const shepherd = join(app, 'node_modules', '@netrunner', 'node', 'prebuilds', 'linux-x64', 'netrunner-shepherd');
  if ((statSync(shepherd).mode & 0o777) !== 0o755) throw new Error(`installed shepherd is not 0755: ${shepherd}`);

  writeFileSync(
    join(app, 'smoke.mjs'),
    `import { run, stream, spawn, ValidationError } from '@netrunner/node';

const echo = await run(['echo', 'hello from node']);
if (echo.stdout !== 'hello from node\\n' || echo.exitCode !== 0) throw new Error('run: ' + JSON.stringify(echo));

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
`,
  );
  const out = sh('node', ['smoke.mjs'], app);
  process.stdout.write(out);
  if (!out.includes('"smoke":"ok"')) throw new Error('the smoke script did not report ok');
  const cli = sh(join(app, 'node_modules', '.bin', 'netrunner'), ['run', '--', 'sh', '-c', 'printf cli-ok'], app);
  if (cli !== 'cli-ok') throw new Error(`the netrunner command printed ${JSON.stringify(cli)}`);
  console.log(JSON.stringify({ cli: 'ok' }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
