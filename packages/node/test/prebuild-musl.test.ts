import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { run, shutdown } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const prebuild = `${root}scripts/prebuild.mjs`;

afterAll(() => shutdown());

// The first build on a machine fetches zig (npm registry) and compiles musl
// and libc++ for each target: about 6 CPU-minutes for both.
const LIMIT = 2_400_000;

/** What readelf says of a file: its machine, the libraries it needs, and whether it has an interpreter. */
function elf(path: string) {
  const read = (flag: string) => execFileSync('readelf', [flag, '-W', path], { encoding: 'utf8' });
  return {
    machine: /Machine:\s+(.+)/.exec(read('-h'))![1]!.trim(),
    needed: [...read('-d').matchAll(/\(NEEDED\)\s+Shared library: \[(.+?)\]/g)].map((m) => m[1]),
    interpreter: /Requesting program interpreter: (.+?)\]/.exec(read('-l'))?.[1] ?? null,
  };
}

it('builds the musl targets: the addon and libnetrunner need musl’s libc.so only, the shepherd is static', async (ctx) => {
  const r = await run(['node', prebuild, 'linux-x64-musl', 'linux-arm64-musl'], { timeout: LIMIT, stderr: 'inherit' });
  const reports = r.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const skipped = reports.filter((t) => t.skipped);
  if (skipped.length) ctx.skip(skipped.map((t) => `${t.target}: ${t.skipped}`).join('; '));
  expect(reports.map((t) => [t.target, t.failed ?? 'built'])).toEqual([
    ['linux-x64-musl', 'built'],
    ['linux-arm64-musl', 'built'],
  ]);
  for (const [arch, machine] of [['x64', 'Advanced Micro Devices X86-64'], ['arm64', 'AArch64']]) {
    for (const file of [`packages/node/prebuilds/linux-${arch}/@netrunner+node.musl.node`, `packages/bun/native/linux-${arch}/libnetrunner.musl.so`]) {
      expect({ file, ...elf(root + file) }).toEqual({ file, machine, needed: ['libc.so'], interpreter: null });
    }
    const shepherd = `packages/node/prebuilds/linux-${arch}/netrunner-shepherd`;
    expect({ shepherd, ...elf(root + shepherd) }).toEqual({ shepherd, machine, needed: [], interpreter: null });
  }
}, LIMIT + 30_000);
