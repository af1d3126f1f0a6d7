import { afterAll, describe, expect, it } from 'bun:test';
import { defineMatrix } from '@netrunner/conformance';
import * as nr from '../src/index.ts';

// The host fixture imports the built package, as a user's program would.
const entry = new URL('../dist/index.js', import.meta.url).pathname;

defineMatrix({ describe, it, skip: it.skip, expect, afterAll }, nr, {
  runtime: 'bun',
  runtimeCommand: [process.execPath],
  entry,
});
