import { describe, expect, it } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin?: Record<string, string> };

describe('bunx netrunner', () => {
  it('the package declares the netrunner bin, an executable run by bun through its shebang', () => {
    expect(pkg.bin).toEqual({ netrunner: './dist/cli.js' });
    const bin = join(root, pkg.bin!.netrunner!);
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env bun');
    expect(statSync(bin).mode & 0o111).toBe(0o111);
    // As bunx runs it: the file itself, with `bun` found on PATH (the npm
    // package's binary is named bun.exe, so a link gives it its usual name).
    const dir = mkdtempSync(join(tmpdir(), 'netrunner-bunx-'));
    try {
      symlinkSync(process.execPath, join(dir, 'bun'));
      const r = Bun.spawnSync([bin, '--version'], { env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` } });
      expect([r.stdout.toString(), r.exitCode]).toEqual([`${pkg.version}\n`, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
