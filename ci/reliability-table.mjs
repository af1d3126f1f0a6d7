#!/usr/bin/env node
// Render docs/reliability.md from the failure matrix's results
// (test-results/matrix-<runtime>.json, written by the conformance suite's
// matrix on each runtime). Run by `npm test` after the suites; a runtime
// whose results are missing is shown as not run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const RUNTIMES = ['node', 'bun'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function render(results) {
  const out = [];
  const limitKeys = results.limitations.map((l) => l.key);
  const byCell = new Map(results.cells.map((c) => [`${c.row}/${c.column}`, c]));
  const failures = [];
  out.push(`### ${results.runtimeVersion}`, '');
  out.push(`| host side ↓ · child → | ${results.columns.map((c) => esc(c.title)).join(' | ')} |`);
  out.push(`|---|${results.columns.map(() => ':-:').join('|')}|`);
  for (const row of results.rows) {
    const cells = results.columns.map((col) => {
      const c = byCell.get(`${row.id}/${col.id}`);
      if (!c) return '·';
      if (c.status === 'pass') return '✓';
      if (c.status === 'skip') return 'skip';
      if (c.status === 'limitation') return `✓ (${LETTERS[limitKeys.indexOf(c.limitation)]})`;
      failures.push({ name: `${row.title} × ${col.title}`, problems: c.problems });
      return `✗ ${failures.length}`;
    });
    out.push(`| **${esc(row.title)}** | ${cells.join(' | ')} |`);
  }
  const counts = { pass: 0, fail: 0, limitation: 0, skip: 0 };
  for (const c of results.cells) counts[c.status]++;
  out.push('');
  out.push(`${counts.pass} held, ${counts.limitation} held except an explained limitation, ${counts.fail} failed` +
    `${counts.skip ? `, ${counts.skip} skipped (${[...new Set(results.cells.filter((c) => c.status === 'skip').flatMap((c) => c.problems))].join('; ')})` : ''}` +
    ` of ${results.rows.length * results.columns.length} cells; ${results.cells.length < results.rows.length * results.columns.length ? `· = not run in this run; ` : ''}` +
    `the matrix and load cells took ${seconds(results.ms)}.`);
  if (failures.length > 0) {
    out.push('', 'What failed:', '');
    failures.forEach((f, i) => out.push(`${i + 1}. ${esc(f.name)}: ${f.problems.map(esc).join('; ')}`));
  }
  if (results.load.length > 0) {
    out.push('', '| load | result | time |', '|---|:-:|--:|');
    for (const l of results.load) {
      out.push(`| ${esc(l.name)} | ${l.status === 'pass' ? '✓' : `✗ ${l.problems.map(esc).join('; ')}`} | ${seconds(l.ms)} |`);
    }
  }
  return out;
}

// NetRunner CHANGELOG "Fixed" entry -> what tests it here (or why nothing can).
const CHANGELOG_MAP = [
  ['FD leak in `nif_create_fd`', 'failed spawns (ENOENT, EACCES, missing cwd) close every fd'],
  ['Use-after-close race in read/write vs. close', 'a write pending at dispose never lands in an fd opened afterwards'],
  ['Lost initial stderr chunk in `:consume` mode', 'a child that exits at once keeps its stderr readable after wait(); matrix column "exits at once, only stderr"'],
  ['`write_loop` spin on `{:ok, 0}`', 'empty writes resolve at once and later bytes still arrive'],
  ['Shepherd UDS command framing', 'requests sent back to back in one tick are all served'],
  ['Post-fork child stdio and signal safety', 'a child starts with no signal ignored or blocked, stdio on 0..2 only'],
  ['`waitpid` after SIGKILL (D-state)', 'not testable on demand: a test cannot put a process in uninterruptible sleep without a hung mount; the shepherd bounds its final reaping (core-c/src/teardown.c)'],
  ['SIGCHLD reap loop', '200 children exiting together are each reported once, no zombie left'],
  ['Cgroup / UDS path hardening', 'no child inherits another child\'s pipes or PTY master (FD_CLOEXEC); path bounds are in the cgroup suite; there is no UDS path (socketpair)'],
  ['`Stream` consumer crash cleanup', 'a loop that throws kills the whole group; matrix row "consumer throws"'],
  ['Watcher blocking on `Process.sleep`', 'the host carries on while a child ignores SIGTERM'],
  ['Parked-caller tracking in `Operations`', 'a write parked on a full pipe settles when the child dies'],
  ['`read_uds_message` race', 'a spawn request far larger than the socket buffer arrives whole'],
  ['`cmd` / `args` validation', 'non-strings and an empty program are ValidationErrors naming argv'],
  ['`NetRunner.run/2` error surface', 'bad options reject with a ValidationError, never throw synchronously'],
  ['`File.rm` cleanup of UDS socket', 'does not apply: an anonymous socketpair leaves no file'],
  ['`Signal.resolve` integer range', '1..31 are delivered, anything else is a ValidationError'],
  ['`Signal` single source of truth', 'every named signal reaches the child as itself'],
  ['Daemon drain resilience', 'an onOutput that throws on every chunk, stdout and stderr, never blocks the child'],
  ['`terminate/2` closes the Port', 'shutdown() kills every child and closes the shepherd; the next call opens a new one'],
];

const found = RUNTIMES.map((r) => join(root, 'test-results', `matrix-${r}.json`)).filter(existsSync).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const limitations = found[0]?.limitations ?? [];

const doc = [
  '# Reliability',
  '',
  '<!-- Generated by ci/reliability-table.mjs from the last `npm test`; do not edit by hand. -->',
  '',
  'netrunner promises that no process outlives what owns it, that no byte is lost while something still',
  'awaits it, and that every wait ends. The failure matrix tests those promises where they are hardest to',
  'keep: each row is a way the host side fails, each column a child that makes cleanup hard. Every cell',
  'is a real host program (`packages/conformance/fixtures/matrix-host.mjs`, run by the runtime under test)',
  'that starts the child with a unique marker in its argv and environment, waits until the child has',
  'written what it promises, then fails. From outside the host, through `/proc`, the cell then checks:',
  '',
  '- nothing of the cell is left within 10 s: no process carrying the marker, no zombie (a process is',
  '  followed by pid and start time, so a reused pid is never mistaken for it), no shepherd once its host',
  '  is gone, no cgroup directory;',
  '- every byte the child wrote before the failure reached the host, exactly (a flood: an unbroken prefix);',
  '- every wait the host made (leaving a loop, `wait()`, `terminate()`, a spawn, a dispose) ended within',
  '  10 s, and a host that lives on has as many fds open as before and no zombie child.',
  '',
  'Rows where the host lives on (a handle collected, a loop left, the shepherd killed, a worker',
  'terminated, the fd limit) are checked while it still runs; then again after it exits. "Returns with',
  'live children" checks that the child keeps the host alive (nothing is killed early), then kills the',
  'child from outside and expects the host to exit and leave nothing. The fd-limit row spawns with 1, 2,',
  '… free fds (under `ulimit -n 1024`) until a spawn succeeds: each failure must be `EMFILE` by name.',
  '',
  'The children (`packages/conformance/src/matrix/columns.ts`) run `sh -c`: background `sleep`s; a',
  'grandchild that calls `setsid` (once without and once with a cgroup); a launcher whose subshell starts',
  'a daemon on /dev/null and exits, the daemon staying in the group; two `yes` flooding stdout and',
  'stderr; three lines on stderr and exit 0; a child that closes stdout and sleeps on; a background',
  '`sleep` holding stdout after the child exits; `kill -STOP $$`. Kill timeouts are 1 s in the cells.',
  '',
  'The load cells check the same things at volume: sequential spawns (2,000: 10,000 took 116 s on Bun on',
  'this 2-core machine under load, too long for every test run; the conformance suite\'s leak test runs',
  '10,000 spawns 8 at a time), and 1,000 concurrent children each writing 64 KiB (plus its name) on stdout',
  'and on stderr, every byte compared.',
  '',
  'Legend: ✓ held; ✗ n failed (see the list under the table); ✓ (x) held, except the limitation x',
  'explained below, which the cell asserts; skip: cannot run on this machine, with the reason.',
  '',
  'Reproduce: `npm test` (everything, then this file), or one runtime:',
  '`cd packages/node && npx vitest run test/matrix.test.ts` /',
  '`cd packages/bun && ../../node_modules/.bin/bun test test/matrix.test.ts`, then',
  '`node ci/reliability-table.mjs`. One cell: add `-t "matrix host SIGKILLed × ignores SIGTERM"`.',
  '',
  '## Results',
  '',
  ...RUNTIMES.flatMap((r) => {
    const res = found.find((f) => f.runtime === r);
    return res ? [...render(res), ''] : [`### ${r}`, '', 'Not run in the last test run.', ''];
  }),
  '## Explained limitations',
  '',
  ...limitations.map((l, i) => `- (${LETTERS[i]}) ${l.reason}`),
  '',
  '## The reference NetRunner\'s fixes, as tests',
  '',
  'Each entry of the Elixir NetRunner\'s CHANGELOG "Fixed" list that applies here is a conformance test',
  '(`packages/conformance/src/suites/netrunner-fixed.ts`, named after the entry), run on both runtimes:',
  '',
  '| NetRunner entry | netrunner test |',
  '|---|---|',
  ...CHANGELOG_MAP.map(([entry, test]) => `| ${entry} | ${test} |`),
  '',
];

writeFileSync(join(root, 'docs', 'reliability.md'), doc.join('\n'));
console.log(`docs/reliability.md: ${found.map((f) => f.runtime).join(', ') || 'no'} matrix results`);
