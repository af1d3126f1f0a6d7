import { afterAll, beforeAll, describe, expect, it } from 'bun:test';
import { defineConformance, hostFixture } from '@netrunner/conformance';
import * as nr from '../src/index.ts';

// The host fixture imports the built package, as a user's program would.
const entry = new URL('../dist/index.js', import.meta.url).pathname;

defineConformance({ describe, it, expect, beforeAll, afterAll }, nr, {
  runtime: 'bun',
  hostCommand: [process.execPath, hostFixture, entry],
  gc: () => Bun.gc(true),
});
