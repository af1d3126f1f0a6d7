import { fileURLToPath } from 'node:url';
import { typeErrors } from '@netrunner/conformance/type-errors';
import { describe, expect, it } from 'vitest';

// Misspelled options are a compile error too (excess-property checks on
// object literals), and the right ones type their results.
describe('option types', () => {
  it('make an unknown option key a compile error', () => {
    const file = fileURLToPath(new URL('../type-tests/strict-options.ts', import.meta.url));
    expect(typeErrors(file)).toEqual([]);
  }, 60_000);
});
