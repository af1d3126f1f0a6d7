import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApi } from '../test-api.js';

/** A fresh temporary directory; `path(name)` names a file in it, `remove()` deletes it all. */
export function tempDir(): { dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'nr-conformance-'));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary directory for one describe block: made before its tests, removed after them. */
export function useTempDir(t: TestApi): () => ReturnType<typeof tempDir> {
  let tmp: ReturnType<typeof tempDir> | undefined;
  t.beforeAll(() => {
    tmp = tempDir();
  });
  t.afterAll(() => tmp?.remove());
  return () => tmp!;
}

/** SHA-256 of bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file's bytes, hex. */
export function fileSha256(path: string): string {
  return sha256(readFileSync(path));
}

/** A file's text. */
export function fileText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Write a file (bytes or text). */
export function writeFile(path: string, data: Uint8Array | string): void {
  writeFileSync(path, data);
}
