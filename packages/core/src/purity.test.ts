import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// @netrunner/core and @netrunner/types run on Node and Bun alike: nothing
// runtime-specific may appear in their sources. The one exception is
// core's posix/ entry point (@netrunner/core/posix), which bindings import
// on purpose; nothing else in core may import it.
describe('runtime-agnostic sources', () => {
  for (const pkg of ['core', 'types']) {
    it(`@netrunner/${pkg} uses no node: module, Buffer, process or Bun`, () => {
      const dir = new URL(`../../${pkg}/src/`, import.meta.url);
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
        (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('posix/'),
      );
      expect(files.length).toBeGreaterThan(5);
      // Type-only imports (node:stream's classes in signatures) leave nothing behind at run time.
      const code = (f: string) =>
        readFileSync(new URL(f, dir), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, '')
          .replace(/^import type \{[^}]*\} from 'node:stream';$/gm, '');
      const offenders = files.filter((f) => /from 'node:|\bBuffer\b|(?<![/.\w])process\.(?!js')|\bBun\.|posix\//.test(code(f)));
      expect(offenders).toEqual([]);
    });
  }
});
