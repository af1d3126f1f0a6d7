#!/usr/bin/env node
// Install @netrunner/bun the way a user does and use it from Bun, with no
// compiler step: `npm pack` types, core, bun and daemon into a temp dir,
// serve them from a registry on 127.0.0.1 (bun resolves the packages' own
// dependencies on each other through a registry, even when their tarballs are
// given), `bun add` them by name into an empty project whose .npmrc names that
// registry, then run a TypeScript file, a host that is SIGKILLed and a
// CommonJS file under bun. Expects every package built (npm run build). Exits non-zero on any
// failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from './local-registry.mjs';
import * as smoke from './smoke-lib.mjs';
import { useInstalled } from './smoke-use.mjs';

const bun = join(smoke.root, 'node_modules', '.bin', 'bun');
const native = 'native/linux-x64';
const work = mkdtempSync(join(tmpdir(), 'netrunner-smoke-bun-'));
try {
  const tarballs = smoke.pack(['types', 'core', 'bun', 'daemon'], work);
  smoke.expectExecutables(tarballs['@netrunner/bun'], [`${native}/libnetrunner.glibc.so`, `${native}/netrunner-shepherd`]);
  smoke.expectInstallableManifest(tarballs['@netrunner/bun'], smoke.PLATFORMS);

  const registry = await startRegistry(tarballs);
  const app = smoke.emptyProject(work);
  writeFileSync(join(app, '.npmrc'), `registry=${registry.url}\n`);
  // A cache of its own: bun would reuse an earlier run's tarball of the same version.
  const env = { ...process.env, BUN_INSTALL_CACHE_DIR: join(work, 'bun-cache') };
  const install = await smoke.installAsUser(bun, ['add', ...Object.keys(tarballs)], app, env).finally(registry.close);
  await useInstalled({ app, pkg: '@netrunner/bun', shepherd: `${native}/netrunner-shepherd`, runtime: bun, ext: 'ts' });

  const cjs = "require('@netrunner/bun').run(['echo', 'hi']).then((r) => console.log(JSON.stringify({ require: r.stdout })));\n";
  writeFileSync(join(app, 'smoke.cjs'), cjs);
  const required = smoke.sh(bun, ['smoke.cjs'], app);
  if (required !== '{"require":"hi\\n"}\n') throw new Error(`require() under bun printed ${JSON.stringify(required)}`);
  console.log(JSON.stringify({ require: 'ok' }));

  // A libc with no prebuild (LIBC names it): the error names this platform
  // and the shipped ones, and no command of this repository.
  const missing = spawnSync(bun, ['smoke.ts'], { cwd: app, env: { ...process.env, LIBC: 'uclibc' }, encoding: 'utf8' });
  const expected = /No prebuilt library for linux-x64-uclibc; this package ships (linux-\w+-\w+, )*linux-x64-glibc/;
  if (missing.status === 0 || !expected.test(missing.stderr) || missing.stderr.includes('npm run')) {
    throw new Error(`without a prebuild for this platform, expected a platform error; got ${missing.status}:\n${missing.stderr}`);
  }
  console.log(JSON.stringify({ installSeconds: Number(install.seconds.toFixed(2)) }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
