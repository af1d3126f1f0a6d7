#!/usr/bin/env node
// Remove the previous run's results so the summary counts only this run.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(join(fileURLToPath(import.meta.url), '..', '..', 'test-results'), { recursive: true, force: true });
