// What the install smoke tests share: packing workspace packages, checking a
// tarball's native files, and the program a new user runs first.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Run a command; its stdout, with stderr passed through. */
export const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

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

/** The smoke program (plain JavaScript, so it runs as .mjs on Node and .ts on Bun) against `pkg`. */
export function smokeProgram(pkg, label) {
  return `import { run, stream, spawn, ValidationError } from '${pkg}';

const echo = await run(['echo', 'hello from ${label}']);
if (echo.stdout !== 'hello from ${label}\\n' || echo.exitCode !== 0) throw new Error('run: ' + JSON.stringify(echo));

let upper = '';
for await (const chunk of stream(['tr', 'a-z', 'A-Z'], { input: 'streamed' })) upper += new TextDecoder().decode(chunk);
if (upper !== 'STREAMED') throw new Error('stream: ' + upper);

const p = await spawn(['sleep', '100']);
p.kill();
const exit = await p.wait();
if (exit.signal !== 'SIGTERM' || exit.exitCode !== 143) throw new Error('spawn+kill: ' + JSON.stringify(exit));

const bad = await run([]).catch((e) => e);
if (!(bad instanceof ValidationError) || bad.field !== 'argv') throw new Error('validation: ' + String(bad));

console.log(JSON.stringify({ smoke: 'ok', echo: echo.stdout.trim(), upper, exit }));
`;
}
