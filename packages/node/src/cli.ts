#!/usr/bin/env node
// The `netrunner` command of @netrunner/node (see USAGE in @netrunner/core).
import { readFileSync } from 'node:fs';
import { runCli } from '@netrunner/core/posix';
import * as nr from './index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
runCli(nr, version);
