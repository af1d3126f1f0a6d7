#!/usr/bin/env node
// Sum every suite's results in test-results/ into the one line CI reads:
// "N passed, N failed". A suite that should have run but left no results
// counts as one failure, so a crashed runner can never look green.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dir = join(root, 'test-results');
const expected = JSON.parse(readFileSync(join(root, 'ci', 'expected-suites.json'), 'utf8'));

function countJunit(xml) {
  // bun test's junit: one <testsuites tests= failures= skipped=> at the top.
  const head = xml.match(/<testsuites\b[^>]*>/);
  if (!head) return null;
  const attr = (name) => Number((head[0].match(new RegExp(`\\b${name}="(\\d+)"`)) ?? [])[1] ?? 0);
  const failed = attr('failures') + attr('errors');
  return { passed: attr('tests') - failed - attr('skipped'), failed, skipped: attr('skipped') };
}

function countFile(file) {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.xml')) return countJunit(text);
  const json = JSON.parse(text);
  if ('numTotalTests' in json) {
    // vitest's json reporter
    return {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (json.success === false && json.numFailedTests === 0 ? 1 : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
  }
  return { passed: json.passed, failed: json.failed, skipped: json.skipped ?? 0, reason: json.reason };
}

let passed = 0;
let failed = 0;
let skipped = 0;
const present = existsSync(dir) ? readdirSync(dir) : [];
for (const suite of expected) {
  if (!present.includes(suite)) {
    console.log(`suite ${suite}: no results (the runner did not finish)`);
    failed += 1;
    continue;
  }
  const c = countFile(suite);
  if (!c) {
    console.log(`suite ${suite}: unreadable results`);
    failed += 1;
    continue;
  }
  console.log(`suite ${suite}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}${c.reason ? ` (${c.reason})` : ''}`);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
}
// matrix-<runtime>.json feed docs/reliability.md; their cells are counted in the runtimes' suites.
for (const extra of present.filter((f) => !expected.includes(f) && !/^matrix-\w+\.json$/.test(f))) {
  console.log(`suite ${extra}: not in ci/expected-suites.json, not counted`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
