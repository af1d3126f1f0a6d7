import { afterAll, expect, it } from 'bun:test';
import { run, shutdown } from '../src/index.ts';

const script = new URL('../../../ci/smoke-bun.mjs', import.meta.url).pathname;

afterAll(() => shutdown());

it('installs by name with a plain `bun add` from a registry serving the packed tarballs, quietly, and runs there', async () => {
  const r = await run(['node', script], { timeout: 60_000, stderr: 'redirect' });
  expect(r.stdout).toContain('"smoke":"ok"');
  expect(r.stdout).toContain('"hostKilled":"ok"');
  expect(r.stdout).toContain('"require":"ok"');
  expect(r.stdout).toContain('"types":"ok"');
  expect(r.exitCode).toBe(0);
}, 90_000);
