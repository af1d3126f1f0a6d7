#!/usr/bin/env node
// Install @netrunner/bun the way a user does and use it from Bun, with no
// compiler step: `npm pack` types, core and bun into a temp dir, `bun add`
// the tarballs into an empty project, run a TypeScript file under bun.
// Expects every package built (npm run build). Exits non-zero on any failure.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectExecutables, pack, root, sh, smokeProgram } from './smoke-lib.mjs';

const bun = join(root, 'node_modules', '.bin', 'bun');
const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-bun-'));
try {
  const tarballs = pack(['types', 'core', 'bun'], work);
  expectExecutables(tarballs['@netrunner/bun'], ['native/linux-x64/libnetrunner.so', 'native/linux-x64/netrunner-shepherd']);

  const app = join(work, 'app');
  mkdirSync(app);
  // core depends on types by version: point every @netrunner name at its tarball.
  const overrides = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module', overrides }, null, 2));
  sh(bun, ['add', ...Object.values(tarballs)], app);
  const shepherd = join(app, 'node_modules', '@netrunner', 'bun', 'native', 'linux-x64', 'netrunner-shepherd');
  if ((statSync(shepherd).mode & 0o777) !== 0o755) throw new Error(`installed shepherd is not 0755: ${shepherd}`);

  writeFileSync(join(app, 'smoke.ts'), smokeProgram('@netrunner/bun', 'bun'));
  const out = sh(bun, ['smoke.ts'], app);
  process.stdout.write(out);
  if (!out.includes('"smoke":"ok"')) throw new Error('the smoke script did not report ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
