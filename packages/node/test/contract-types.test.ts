import { fileURLToPath } from 'node:url';
import { typeErrors } from '@netrunner/conformance/type-errors';
import { describe, expect, it } from 'vitest';

// The shared contract as a user's project meets it (the built .d.ts files).
describe('the NetRunner contract', () => {
  it('types one function that takes @netrunner/node and @netrunner/bun alike', () => {
    const file = fileURLToPath(new URL('../type-tests/either-binding.ts', import.meta.url));
    expect(typeErrors(file, { types: ['node'] })).toEqual([]);
  }, 60_000);
});
