import { describe, expect, it } from 'bun:test';
import { defineNativeHostChecks } from '@netrunner/conformance';
import { bunAdapter } from '../src/bun-adapter.ts';

defineNativeHostChecks({ describe, it, expect, beforeAll: () => {}, afterAll: () => {} }, bunAdapter);
