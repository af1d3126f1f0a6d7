// Build the addon into prebuilds/<platform>-<arch>/ with prebuildify (N-API,
// stripped, tagged with the libc so node-gyp-build never loads a glibc build
// on musl) and put the shepherd executable, stripped, next to it (mode 0755).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const coreC = fileURLToPath(new URL('../../../core-c/', import.meta.url));
const shepherd = `${coreC}out/netrunner-shepherd`;

if (!existsSync(`${coreC}out/libnetrunner.a`) || !existsSync(shepherd)) {
  execFileSync('make', ['-C', coreC], { stdio: 'inherit' });
}

const dir = `${root}prebuilds/${process.platform}-${process.arch}`;
rmSync(dir, { recursive: true, force: true }); // no stale, differently tagged addon gets packed
const prebuildify = require.resolve('prebuildify/bin.js');
const env = { ...process.env };
env.npm_config_nodedir ??= nodeDir();
if (env.npm_config_nodedir === undefined) delete env.npm_config_nodedir;
// --target: this Node (N-API builds run on every later one); the default would
// be the newest Node release, whose headers would have to be downloaded.
execFileSync(process.execPath, [prebuildify, '--napi', '--strip', '--tag-libc', '--target', process.versions.node], {
  cwd: root,
  stdio: 'inherit',
  env,
});

mkdirSync(dir, { recursive: true });
// Stripped: a third of the size in the tarball; core-c/out keeps the symbols.
execFileSync('strip', ['--strip-unneeded', '-o', `${dir}/netrunner-shepherd`, shepherd]);
chmodSync(`${dir}/netrunner-shepherd`, 0o755);
console.log(`@netrunner/node: addon and shepherd in ${dir}`);

// Build against this Node's own headers when they are installed (no download).
function nodeDir() {
  const prefix = fileURLToPath(new URL('..', `file://${process.execPath}`));
  return existsSync(`${prefix}include/node/node_api.h`) ? prefix : undefined;
}
