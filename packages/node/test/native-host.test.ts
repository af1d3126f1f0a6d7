import { describe, expect, it } from 'vitest';
import { defineNativeHostChecks } from '@netrunner/conformance';
import { nodeAdapter } from '../src/node-adapter.js';

defineNativeHostChecks({ describe, it, expect, beforeAll: () => {}, afterAll: () => {} }, nodeAdapter);
