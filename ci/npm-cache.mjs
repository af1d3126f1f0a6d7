// Tools that the tests need but users do not (other Node lines, a C
// cross-compiler), installed from the npm registry on first use into
// node_modules/.cache/<name>/ and reused after.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, sh } from './smoke-lib.mjs';

/** The directory of package `pkg` installed as `spec` under node_modules/.cache/`name`; installs it when missing (throws when npm fails). */
export function cachedPackage(name, spec, pkg) {
  const dir = join(root, 'node_modules', '.cache', name);
  const installed = join(dir, 'node_modules', pkg);
  if (!existsSync(join(installed, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
    sh('npm', ['install', '--no-audit', '--no-fund', spec], dir);
  }
  return installed;
}

/** Why npm cannot reach its registry, or null when it can. */
export function registryUnreachable() {
  const ping = spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 60_000 });
  if (ping.status === 0) return null;
  if (ping.error?.code === 'ETIMEDOUT') return 'npm ping got no answer within 60 s';
  const why = `${ping.stderr ?? ''}${ping.error?.message ?? ''}`.split('\n').find((l) => /error|ENOTFOUND|ECONNREFUSED/i.test(l));
  return why?.replace(/^npm (error|ERR!) /, '').trim() || `npm ping exited ${ping.status ?? ping.signal}`;
}

/**
 * cachedPackage(), or { skip: reason } when it failed because the registry
 * cannot be reached; any other failure (a registry that answers, an install
 * that failed) is thrown: a failure, not a skip.
 */
export function cachedPackageOrSkip(name, spec, pkg) {
  try {
    return { dir: cachedPackage(name, spec, pkg) };
  } catch (e) {
    const unreachable = registryUnreachable();
    if (unreachable) return { skip: `${spec} not installed: the npm registry is unreachable (${unreachable})` };
    throw e;
  }
}
