#!/usr/bin/env node
// Install @netrunner/bun the way a user does and use it from Bun, with no
// compiler step: `npm pack` types, core and bun into a temp dir, `bun add`
// the tarballs into an empty project, run a TypeScript file under bun.
// Expects every package built (npm run build). Exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const bun = join(root, 'node_modules', '.bin', 'bun');
const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-bun-'));
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const tarballs = {};
  for (const name of ['types', 'core', 'bun']) {
    const out = sh('npm', ['pack', '--silent', '--pack-destination', work], join(root, 'packages', name));
    tarballs[`@netrunner/${name}`] = join(work, out.trim().split('\n').pop());
  }
  const listing = sh('tar', ['tvzf', tarballs['@netrunner/bun']], work);
  for (const file of ['libnetrunner.so', 'netrunner-shepherd']) {
    if (!new RegExp(`^-rwxr-xr-x .* package/native/linux-x64/${file}$`, 'm').test(listing)) {
      throw new Error(`the @netrunner/bun tarball lacks native/linux-x64/${file} with mode 0755:\n${listing}`);
    }
  }

  const app = join(work, 'app');
  sh('mkdir', ['-p', app]);
  // core depends on types by version: point every @netrunner name at its tarball.
  const overrides = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module', overrides }, null, 2));
  sh(bun, ['add', tarballs['@netrunner/types'], tarballs['@netrunner/core'], tarballs['@netrunner/bun']], app);
  const shepherd = join(app, 'node_modules', '@netrunner', 'bun', 'native', 'linux-x64', 'netrunner-shepherd');
  if ((statSync(shepherd).mode & 0o777) !== 0o755) throw new Error(`installed shepherd is not 0755: ${shepherd}`);

  writeFileSync(
    join(app, 'smoke.ts'),
    `import { run, stream, spawn, ValidationError } from '@netrunner/bun';

const echo = await run(['echo', 'hello from bun']);
if (echo.stdout !== 'hello from bun\\n' || echo.exitCode !== 0) throw new Error('run: ' + JSON.stringify(echo));

let upper = '';
for await (const chunk of stream(['tr', 'a-z', 'A-Z'], { input: 'streamed' })) upper += new TextDecoder().decode(chunk);
if (upper !== 'STREAMED') throw new Error('stream: ' + upper);

const p = await spawn(['sleep', '100']);
p.kill();
const exit = await p.wait();
if (exit.signal !== 'SIGTERM' || exit.exitCode !== 143) throw new Error('spawn+kill: ' + JSON.stringify(exit));

const bad: unknown = await run([]).catch((e) => e);
if (!(bad instanceof ValidationError) || bad.field !== 'argv') throw new Error('validation: ' + String(bad));

console.log(JSON.stringify({ smoke: 'ok', echo: echo.stdout.trim(), upper, exit }));
`,
  );
  const out = sh(bun, ['smoke.ts'], app);
  process.stdout.write(out);
  if (!out.includes('"smoke":"ok"')) throw new Error('the smoke script did not report ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
