#!/usr/bin/env node
// Build the native files @netrunner/node and @netrunner/bun ship, for each
// Linux target (default: all four), into packages/node/prebuilds/ and
// packages/bun/native/, where `npm pack` picks them up.
//   node scripts/prebuild.mjs [--require-all] [linux-arm64-glibc ...]
// Fetches what a target needs when it is missing (apt-get: Debian's cross
// gcc; the npm registry: zig) and skips a target, saying why, when that
// fails. Prints one JSON line per target; exits 1 if a build failed, or a
// target was skipped with --require-all (before `npm publish`).
import { join } from 'node:path';
import { buildTarget, toolchainsFor } from './prebuild/build-target.mjs';
import { root } from './prebuild/native-files.mjs';
import { TARGETS } from './prebuild/targets.mjs';

const requireAll = process.argv.includes('--require-all');
const names = process.argv.slice(2).filter((a) => a !== '--require-all');
const unknown = names.filter((n) => !TARGETS.some((t) => t.name === n));
if (unknown.length) {
  console.error(`unknown target ${unknown.join(', ')}; known: ${TARGETS.map((t) => t.name).join(', ')}`);
  process.exit(2);
}
const cacheDir = join(root, 'node_modules', '.cache');
for (const target of TARGETS.filter((t) => !names.length || names.includes(t.name))) {
  const started = Date.now();
  const tools = toolchainsFor(target, cacheDir);
  if (tools.reason) {
    console.log(JSON.stringify({ target: target.name, skipped: tools.reason }));
    if (requireAll) process.exitCode = 1;
    continue;
  }
  try {
    const built = buildTarget(target, tools);
    console.log(JSON.stringify({ target: target.name, built, seconds: Math.round((Date.now() - started) / 1000) }));
  } catch (e) {
    console.log(JSON.stringify({ target: target.name, failed: String(e.message).split('\n')[0] }));
    process.exitCode = 1;
  }
}
