import { afterAll, beforeAll, describe, expect, it, setDefaultTimeout } from 'bun:test';
import { defineConformance, hostFixture } from '@netrunner/conformance';
import * as nr from '../src/index.ts';

// Bun's default is 5 s; loops of 200 spawns take longer on a loaded machine
// (the Node runs have 30 s, in vitest.config.ts).
setDefaultTimeout(30_000);

// The host fixture imports the built package, as a user's program would.
const entry = new URL('../dist/index.js', import.meta.url).pathname;

defineConformance({ describe, it, skip: it.skip, expect, beforeAll, afterAll }, nr, {
  runtime: 'bun',
  hostCommand: [process.execPath, hostFixture, entry],
  gc: () => Bun.gc(true),
});
