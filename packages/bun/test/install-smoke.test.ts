import { afterAll, expect, it } from 'bun:test';
import { run, shutdown } from '../src/index.ts';

const script = new URL('../../../ci/smoke-bun.mjs', import.meta.url).pathname;

afterAll(() => shutdown());

it('installs by name with a plain `bun add` from a registry serving the packed tarballs, quietly, and runs there', async () => {
  // 30-50 s on a loaded 2-core machine, more at times: the bounds only end a hang.
  const r = await run(['node', script], { timeout: 240_000, stderr: 'redirect' });
  expect(r.stdout).toContain('"smoke":"ok"');
  expect(r.stdout).toContain('"hostKilled":"ok"');
  expect(r.stdout).toContain('"require":"ok"');
  expect(r.exitCode).toBe(0);
}, 300_000);
