import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConformance, hostFixture } from '@netrunner/conformance';
import * as nr from '../src/index.js';

const entry = new URL('../dist/index.js', import.meta.url).pathname;

defineConformance({ describe, it, skip: it.skip, expect, beforeAll, afterAll }, nr, {
  runtime: 'node',
  hostCommand: [process.execPath, hostFixture, entry],
  gc: () => (globalThis as { gc?: () => void }).gc?.(),
});
