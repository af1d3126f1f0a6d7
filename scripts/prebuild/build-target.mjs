// One target's files into the packages: what `pkgs` (node, bun) ship for it.
import { join } from 'node:path';
import { compileAddon, makeCore, place, root, shippedFiles } from './native-files.mjs';
import { ensureApt, ensureZig } from './tools.mjs';
import { gnuPackages, gnuToolchain, hostTarget, zigToolchain } from './targets.mjs';

/** The toolchains target needs ({ gnu, lib }: the static shepherd's and the library's), or { reason }. */
export function toolchainsFor(target, cacheDir) {
  const gnu = gnuToolchain(target.arch);
  const missing = ensureApt(gnu.cxx, gnuPackages(target.arch));
  if (missing) return { reason: missing };
  if (target.libc === 'glibc') return { gnu, lib: gnu };
  const found = ensureZig(cacheDir);
  return found.reason ? { reason: found.reason } : { gnu, lib: zigToolchain(found.zig, target.arch) };
}

/**
 * Build target and place its files into packages/<pkg> for each of pkgs.
 * The host target uses core-c/out (what `make` built and the C tests ran
 * on); others build in core-c/out-prebuild/<target>/.
 */
export function buildTarget(target, { gnu, lib }, pkgs = ['node', 'bun']) {
  const isHost = target === hostTarget();
  const files = shippedFiles(target);
  const libDir = makeCore(isHost ? 'out' : `out-prebuild/${target.name}`, lib, ['libnetrunner.a', 'libnetrunner.so']);
  const shepherdDir = makeCore(isHost ? 'out' : `out-prebuild/linux-${target.arch}-static`, gnu, ['netrunner-shepherd-static']);
  const shepherd = join(shepherdDir, 'netrunner-shepherd-static');
  const placed = [];
  if (pkgs.includes('node')) {
    place(compileAddon(lib, libDir), 'node', files.addon, target.arch);
    place(shepherd, 'node', files.shepherd.node, target.arch);
    placed.push(`node/${files.addon}`, `node/${files.shepherd.node}`);
  }
  if (pkgs.includes('bun')) {
    place(join(libDir, 'libnetrunner.so'), 'bun', files.library, target.arch);
    place(shepherd, 'bun', files.shepherd.bun, target.arch);
    placed.push(`bun/${files.library}`, `bun/${files.shepherd.bun}`);
  }
  return placed;
}

/** Build this machine's own target for one package (its `npm run build`); throws when it cannot. */
export function buildHost(pkg) {
  const target = hostTarget();
  if (!target) throw new Error(`@netrunner/${pkg} builds on Linux x64 and arm64 only, not ${process.platform}-${process.arch}`);
  const tools = toolchainsFor(target, join(root, 'node_modules', '.cache'));
  if (tools.reason) throw new Error(`@netrunner/${pkg}: cannot build for ${target.name}: ${tools.reason}`);
  console.log(`@netrunner/${pkg}: ${buildTarget(target, tools, [pkg]).join(', ')}`);
}
