// npm "install" hook: load the shipped prebuild, or build from source with
// node-gyp-build when libnetrunner is there to link. Inside the monorepo on a
// fresh clone neither exists yet; the workspace build (turbo) makes both.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const lib = new URL('../../../core-c/out/libnetrunner.a', import.meta.url);

try {
  require('node-gyp-build').path(root);
} catch {
  if (existsSync(lib)) {
    execFileSync(process.execPath, [require.resolve('node-gyp-build/bin.js')], { cwd: root, stdio: 'inherit' });
  } else {
    console.log('@netrunner/node: no prebuild and no core-c/out/libnetrunner.a yet; the workspace build will make them.');
  }
}
