import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { cgroupMounts } from '../helpers/cgroups.js';
import { CellQueue } from '../matrix/cell-queue.js';
import { limitations } from '../matrix/limitations.js';
import { columns } from '../matrix/columns.js';
import { writeMatrixResults, type LoadResult } from '../matrix/results-file.js';
import { rows } from '../matrix/rows.js';
import { removeCgroup, runCell, type CellResult, type MatrixEnv } from '../matrix/run-cell.js';
import { loadBehaviour } from './load.js';

/** The test API the matrix needs: the suite's, plus a real skip. */
export interface MatrixTestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => unknown, timeout?: number): void;
  skip(name: string, fn: () => unknown): void;
  expect(actual: unknown): { toEqual(expected: unknown): void };
  afterAll(fn: () => unknown, timeout?: number): void;
}

/** Cells running at once: a cell mostly waits (on bounds of up to 10 s), and takes little CPU. */
const CONCURRENCY = 8;

/**
 * The failure matrix of issue 9: every way the host side fails × every
 * child behaviour, one test per cell (`matrix <row> × <column>`), each
 * checked from outside the host through /proc; then the load cells. The
 * results go to test-results/matrix-<runtime>.json for docs/reliability.md
 * (ci/reliability-table.mjs).
 */
export function defineMatrix(t: MatrixTestApi, nr: NetRunner, env: MatrixEnv): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const noCgroup = cgroupMounts().length === 0 ? 'no cgroup hierarchy is mounted' : !isRoot ? 'not running as root' : '';
  const tmp = join(tmpdir(), `netrunner-matrix-${env.runtime}-${process.pid}`);
  const cgroupRoot = `netrunner-matrix-${env.runtime}-${process.pid}`;
  const ctx = { env, tmp, cgroupRoot };
  const cells = rows.flatMap((row) => columns.map((column) => ({ row, column })));
  const runnable = cells.filter((c) => !(c.column.cgroup && noCgroup));
  const queue = new CellQueue(runnable.map((c, i) => () => runCell(ctx, c.row, c.column, i)), CONCURRENCY);
  const results: (CellResult | undefined)[] = new Array(cells.length);
  const load: LoadResult[] = [];
  let started = 0;

  t.describe(`failure matrix (${env.runtime})`, () => {
    t.afterAll(async () => {
      await queue.settled();
      writeMatrixResults({
        runtime: env.runtime,
        runtimeVersion: env.runtime === 'bun' ? `Bun ${(globalThis as any).Bun.version}` : `Node ${process.version}`,
        ms: started ? Date.now() - started : 0,
        rows: rows.map(({ id, title }) => ({ id, title })),
        columns: columns.map(({ id, title }) => ({ id, title })),
        limitations: limitations.map(({ key, reason }) => ({ key, reason })),
        cells: results.filter((r): r is CellResult => r !== undefined),
        load,
      });
      await removeCgroup(cgroupRoot);
      rmSync(tmp, { recursive: true, force: true });
    }, 60_000);

    cells.forEach(({ row, column }, i) => {
      const name = `matrix ${row.title} × ${column.title}`;
      if (column.cgroup && noCgroup) {
        results[i] = { row: row.id, column: column.id, status: 'skip', problems: [noCgroup], ms: 0, phases: {} };
        t.skip(`${name} [skipped: ${noCgroup}]`, () => undefined);
        return;
      }
      const job = runnable.findIndex((c) => c.row === row && c.column === column);
      t.it(name, async () => {
        started ||= Date.now();
        const r = await queue.get(job);
        results[i] = r;
        t.expect(r.problems).toEqual([]);
      }, 120_000);
    });

    loadBehaviour(t, nr, load);
  });
}
