import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { run, shutdown } from '../src/index.js';

const script = fileURLToPath(new URL('../../../ci/smoke-node.mjs', import.meta.url));

afterAll(() => shutdown());

it('installs from npm-packed tarballs into an empty project with a plain `npm i`, quietly, and runs there', async () => {
  const r = await run(['node', script], { timeout: 120_000, stderr: 'redirect' });
  expect(r.stdout).toContain('"smoke":"ok"');
  expect(r.stdout).toContain('"hostKilled":"ok"');
  expect(r.stdout).toContain('"cli":"ok"');
  expect(r.exitCode).toBe(0);
}, 150_000);
