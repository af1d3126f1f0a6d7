// What the install smoke tests share before anything runs: packing workspace
// packages, checking a tarball's contents, installing the way a user does.
// What runs after is in smoke-use.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Run a command; its stdout, with stderr passed through. On failure, the error carries the stdout too. */
export function sh(cmd, args, cwd, env = process.env) {
  try {
    return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${e.status ?? e.signal}):\n${e.stdout ?? ''}`);
  }
}

/** `npm pack` packages/<name> for each name into dir: { '@netrunner/<name>': tarball path }. */
export function pack(names, dir) {
  const tarballs = {};
  for (const name of names) {
    const out = sh('npm', ['pack', '--silent', '--pack-destination', dir], join(root, 'packages', name));
    tarballs[`@netrunner/${name}`] = join(dir, out.trim().split('\n').pop());
  }
  return tarballs;
}

/** Throw unless the tarball holds each path (under package/) as an executable 0755 file. */
export function expectExecutables(tarball, paths) {
  const listing = sh('tar', ['tvzf', tarball]);
  for (const path of paths) {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`^-rwxr-xr-x .* package/${escaped}$`, 'm').test(listing)) {
      throw new Error(`${tarball} lacks ${path} with mode 0755:\n${listing}`);
    }
  }
}

/** The platform fields @netrunner/node and @netrunner/bun declare: every target scripts/prebuild.mjs builds. */
export const PLATFORMS = { cpu: ['x64', 'arm64'], libc: ['glibc', 'musl'] };

/** Throw if the tarball's package.json has a lifecycle script that runs at install, or lacks the platform fields. */
export function expectInstallableManifest(tarball, { cpu, libc }) {
  const manifest = JSON.parse(sh('tar', ['xzOf', tarball, 'package/package.json']));
  const hooks = ['preinstall', 'install', 'postinstall'].filter((hook) => manifest.scripts?.[hook]);
  if (hooks.length) throw new Error(`${tarball} runs scripts at install: ${hooks.join(', ')}`);
  if (manifest.gypfile !== false && sh('tar', ['tzf', tarball]).includes('package/binding.gyp')) {
    throw new Error(`${tarball} ships binding.gyp, so npm runs node-gyp at install`);
  }
  for (const [field, want] of Object.entries({ cpu, libc })) {
    if (JSON.stringify(manifest[field]) !== JSON.stringify(want)) {
      throw new Error(`${tarball}: "${field}" is ${JSON.stringify(manifest[field])}, expected ${JSON.stringify(want)}`);
    }
  }
}

/** A directory `name` under dir holding only a package.json, as `npm init` leaves it. */
export function emptyProject(dir, name = 'app') {
  const app = join(dir, name);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }, null, 2));
  return app;
}

// What package managers print when a dependency wants to run a script at
// install (npm 11: "install-scripts ... not yet covered by allowScripts";
// bun: "Blocked 1 postinstall"), or when it compiles one.
const SCRIPT_NOTICE = /install-scripts|allowScripts|postinstall|untrusted|node-gyp|gyp (info|ERR)/i;

/**
 * Install as a user does (the command exactly as given, no extra flags) in
 * cwd; rejects on a non-zero exit or on any install-script notice. Resolves
 * to what it printed and how long it took. Asynchronous, so a registry served
 * by this process can answer.
 */
export async function installAsUser(cmd, args, cwd, env = process.env) {
  const started = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (chunk) => (printed += chunk));
  child.stderr.on('data', (chunk) => (printed += chunk));
  const status = await new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const command = `${cmd} ${args.join(' ')}`;
  if (status !== 0) throw new Error(`${command} exited ${status}:\n${printed}`);
  const notice = printed.split('\n').find((line) => SCRIPT_NOTICE.test(line));
  if (notice) throw new Error(`${command} printed an install-script notice: ${notice}\n${printed}`);
  return { printed, seconds };
}
