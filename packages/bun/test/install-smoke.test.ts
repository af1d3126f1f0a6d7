import { afterAll, expect, it } from 'bun:test';
import { run, shutdown } from '../src/index.ts';

const script = new URL('../../../ci/smoke-bun.mjs', import.meta.url).pathname;

afterAll(() => shutdown());

it('installs from npm-packed tarballs into an empty project and runs there under bun, uncompiled', async () => {
  const r = await run(['node', script], { timeout: 60_000, stderr: 'redirect' });
  expect(r.stdout).toContain('"smoke":"ok"');
  expect(r.exitCode).toBe(0);
}, 90_000);
