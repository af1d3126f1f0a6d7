import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { run, shutdown } from '../src/index.js';

const script = fileURLToPath(new URL('../../../ci/smoke-arm64.mjs', import.meta.url));

afterAll(() => shutdown());

// Generous: the first run cross-compiles, installs Node's arm64 binary, and
// everything arm64 runs emulated.
const LIMIT = 900_000;

// The arm64 addon and libnetrunner do the host's part under qemu; children go
// through this machine's shepherd (qemu-user cannot run the shepherd: see the script).
it('installs from npm-packed tarballs and runs the arm64 build under qemu with Node’s arm64 binary', async (ctx) => {
  const r = await run(['node', script], { timeout: LIMIT, stderr: 'redirect' });
  expect(r.exitCode, r.stdout).toBe(0);
  const report = JSON.parse(r.stdout.trim().split('\n').pop()!);
  if (report.skip) ctx.skip(report.skip);
  expect(report).toEqual({
    arch: 'arm64',
    echo: 'hello from arm64\n',
    exitCode: 7,
    timeout: 'TimeoutError',
    shepherd: expect.stringMatching(/\/core-c\/out\/netrunner-shepherd-static$/),
    killed: 'SIGKILL',
    gone: true,
  });
}, LIMIT + 30_000);
