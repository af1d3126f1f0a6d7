// Compiling and placing one target's native files: libnetrunner (make in
// core-c), the shepherd (static, per architecture), the Node addon (the
// addon's sources compiled directly, no node-gyp, against this Node's own
// headers: N-API, so one build serves every Node line) and the Bun library.
// Each file is written beside its final name and renamed into place, so a
// concurrent `npm pack` sees the old file or the new one, never half of one.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripFor } from './targets.mjs';

export const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const coreC = join(root, 'core-c');
const addonDir = join(root, 'packages', 'node', 'addon');
const ADDON_SOURCES = ['addon.cc', 'fd-reader.cc', 'polled-fd.cc', 'raw-fds.cc'];

const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 2, 2] });

/** The shipped file names of target, relative to packages/<name>/. */
export function shippedFiles(target) {
  const arch = target.name.split('-').slice(0, 2).join('-');
  return {
    addon: `prebuilds/${arch}/@netrunner+node.${target.libc}.node`,
    library: `native/${arch}/libnetrunner.${target.libc}.so`,
    shepherd: { node: `prebuilds/${arch}/netrunner-shepherd`, bun: `native/${arch}/netrunner-shepherd` },
  };
}

/**
 * make `goals` in core-c into out (relative to core-c) with toolchain tc;
 * out/ itself is the host build. Under flock: two builds that share a
 * directory (both arm64 targets share the static shepherd's) take turns.
 */
export function makeCore(out, tc, goals) {
  const vars = out === 'out' ? [] : [`OUT=${out}`, `CC=${tc.cc}`, `AR=${tc.ar}`, `OPT=-O2 ${tc.cflags}`.trim()];
  mkdirSync(join(coreC, out), { recursive: true });
  run('flock', [join(coreC, out, '.lock'), 'make', '-s', '-C', coreC, ...vars, ...goals.map((g) => `${out}/${g}`)]);
  return join(coreC, out);
}

/** Copy src to packages/<pkg>/<rel>, stripped for arch, mode 0755. */
export function place(src, pkg, rel, arch) {
  const dest = join(root, 'packages', pkg, rel);
  mkdirSync(dirname(dest), { recursive: true });
  run(stripFor(arch), ['--strip-unneeded', '-o', `${dest}.tmp`, src]);
  chmodSync(`${dest}.tmp`, 0o755);
  renameSync(`${dest}.tmp`, dest);
}

/** Compile the Node addon for target with tc, linked with libnetrunner.a from libDir, into a file in libDir. */
export function compileAddon(tc, libDir) {
  const require = createRequire(join(root, 'packages', 'node', 'package.json'));
  const nodeHeaders = join(dirname(process.execPath), '..', 'include', 'node');
  if (!existsSync(join(nodeHeaders, 'node_api.h'))) throw new Error(`no Node headers at ${nodeHeaders}`);
  const out = join(libDir, 'netrunner.node');
  const [cxx, ...cxxArgs] = tc.cxx.split(' ');
  run(cxx, [
    ...cxxArgs,
    ...['-std=c++17', '-O3', '-fPIC', '-pthread', '-shared', '-fno-rtti', '-fno-exceptions', '-fvisibility=hidden'],
    ...['-Wall', '-Wextra', '-Wno-unused-parameter'],
    ...['-DNAPI_VERSION=8', '-DNAPI_DISABLE_CPP_EXCEPTIONS', '-DNODE_ADDON_API_DISABLE_DEPRECATED', '-DBUILDING_NODE_EXTENSION'],
    `-I${nodeHeaders}`,
    `-I${dirname(require.resolve('node-addon-api/package.json'))}`,
    `-I${join(coreC, 'include')}`,
    ...ADDON_SOURCES.map((f) => join(addonDir, f)),
    join(libDir, 'libnetrunner.a'),
    '-o',
    out,
  ]);
  return out;
}
