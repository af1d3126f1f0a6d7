import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { collect, randomBytes, sameBytes } from '../helpers/bytes.js';
import { fdCount, waitFor, zombiesOf } from '../helpers/proc.js';
import { descendantsOf } from '../matrix/descendants.js';
import type { LoadResult } from '../matrix/results-file.js';
import type { MatrixTestApi } from './matrix.js';

/** Sequential spawns in the load cell (see docs/reliability.md for the time it takes). */
export const SEQUENTIAL_SPAWNS = 2_000;
const CONCURRENT_CHILDREN = 1000;
const KiB64 = 64 * 1024;

/** Where the host was before a load: its fds and the processes below it (its shepherd). */
async function baseline(nr: NetRunner): Promise<{ fds: number; procs: number }> {
  await nr.run(['true']);
  return { fds: fdCount(), procs: descendantsOf().length };
}

async function backWhereItWas(before: { fds: number; procs: number }, problems: string[]): Promise<void> {
  // Closed sockets are released by the event loop a tick later.
  if (!(await waitFor(() => fdCount() <= before.fds, 10_000))) problems.push(`fds: ${fdCount()} open, ${before.fds} before`);
  if (!(await waitFor(() => descendantsOf().length <= before.procs, 10_000))) {
    problems.push(`processes below the host: ${descendantsOf().length}, ${before.procs} before`);
  }
  const zombies = zombiesOf();
  if (zombies.length > 0) problems.push(`zombies: ${zombies.join(' ')}`);
}

/** The load cells of issue 9, with the matrix's checks. */
export function loadBehaviour(t: MatrixTestApi, nr: NetRunner, load: LoadResult[]): void {
  async function cell(name: string, body: (problems: string[]) => Promise<void>): Promise<void> {
    const t0 = Date.now();
    const problems: string[] = [];
    try {
      await body(problems);
    } catch (e) {
      problems.push(`threw: ${String((e as Error)?.stack ?? e)}`);
    }
    load.push({ name, status: problems.length === 0 ? 'pass' : 'fail', problems, ms: Date.now() - t0 });
    t.expect(problems).toEqual([]);
  }

  const sequential = `${SEQUENTIAL_SPAWNS.toLocaleString('en-US')} sequential spawns`;
  t.it(`load: ${sequential}, fds and processes back where they were`, () =>
    cell(sequential, async (problems) => {
      const before = await baseline(nr);
      let wrong = 0;
      for (let i = 0; i < SEQUENTIAL_SPAWNS; i++) {
        const r = await nr.run(['true']);
        if (r.exitCode !== 0 || r.signal !== null) wrong++;
      }
      if (wrong > 0) problems.push(`${wrong} runs did not exit 0`);
      await backWhereItWas(before, problems);
    }), 900_000);

  const concurrent = `${CONCURRENT_CHILDREN.toLocaleString('en-US')} concurrent children × 64 KiB on stdout and stderr`;
  t.it(`load: ${concurrent}, every byte delivered exactly, nothing left`, () =>
    cell(concurrent, async (problems) => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-load-'));
      try {
        const out = randomBytes(KiB64);
        const err = randomBytes(KiB64);
        writeFileSync(join(dir, 'out'), out);
        writeFileSync(join(dir, 'err'), err);
        const before = await baseline(nr);
        // Each child names itself first, so a byte routed to the wrong child shows.
        const script = 'printf "%s\\n" "$0"; cat "$1"; printf "%s\\n" "$0" >&2; cat "$2" >&2';
        const outcomes = await Promise.all(Array.from({ length: CONCURRENT_CHILDREN }, async (_, i) => {
          const p = await nr.spawn(['sh', '-c', script, `child-${i}`, join(dir, 'out'), join(dir, 'err')]);
          const [o, e, exit] = await Promise.all([collect(p.stdout), collect(p.stderr), p.wait()]);
          const head = new TextEncoder().encode(`child-${i}\n`);
          const okOut = o.length === head.length + KiB64 && sameBytes(o.subarray(0, head.length), head) && sameBytes(o.subarray(head.length), out);
          const okErr = e.length === head.length + KiB64 && sameBytes(e.subarray(0, head.length), head) && sameBytes(e.subarray(head.length), err);
          return okOut && okErr && exit.exitCode === 0;
        }));
        const wrong = outcomes.filter((ok) => !ok).length;
        if (wrong > 0) problems.push(`${wrong} of ${CONCURRENT_CHILDREN} children: output not exact or exit not 0`);
        await backWhereItWas(before, problems);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), 600_000);
}
