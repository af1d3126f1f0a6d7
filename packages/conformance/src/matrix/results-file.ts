import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellResult } from './run-cell.js';

/** A load cell's outcome, for docs/reliability.md. */
export interface LoadResult {
  name: string;
  status: 'pass' | 'fail';
  problems: string[];
  ms: number;
}

/** What one runtime's run found; ci/reliability-table.mjs renders it. */
export interface MatrixResults {
  runtime: string;
  runtimeVersion: string;
  /** Wall time of the whole matrix and load run, ms. */
  ms: number;
  rows: { id: string; title: string }[];
  columns: { id: string; title: string }[];
  limitations: { key: string; reason: string }[];
  cells: CellResult[];
  load: LoadResult[];
}

const resultsDir = new URL('../../../../test-results/', import.meta.url).pathname;

/** Write test-results/matrix-<runtime>.json. */
export function writeMatrixResults(results: MatrixResults): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `matrix-${results.runtime}.json`), `${JSON.stringify(results, null, 1)}\n`);
}
