import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { run, shutdown } from '../src/index.js';

const script = fileURLToPath(new URL('../../../ci/smoke-node.mjs', import.meta.url));

afterAll(() => shutdown());

// Generous: the first run downloads Node 20.19, 22 and 24 (cached after).
const LIMIT = 600_000;

it('installs from npm-packed tarballs into an empty project with a plain `npm i`, quietly, and runs there', async () => {
  const r = await run(['node', script], { timeout: LIMIT, stderr: 'redirect' });
  expect(r.stdout).toContain('"smoke":"ok"');
  expect(r.stdout).toContain('"hostKilled":"ok"');
  expect(r.stdout).toContain('"types":"ok"');
  expect(r.stdout).toContain('"cli":"ok"');
  for (const line of ['20.19.0', '22', '24']) {
    expect(r.stdout).toContain(`{"nodeLine":"${line}","smoke":"ok","require":"ok"}`);
  }
  expect(r.exitCode).toBe(0);
}, LIMIT + 30_000);
