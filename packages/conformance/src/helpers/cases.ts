import { ValidationError } from '@netrunner/types';
import type { TestApi } from '../test-api.js';
import { caught } from './bytes.js';
import { cgroupSkipReason } from './cgroups.js';

/** The field a rejected call's ValidationError names, or what it settled with instead. */
export async function rejectedField(call: () => Promise<unknown>): Promise<unknown> {
  const e = await caught(call());
  return ValidationError.isInstance(e) ? e.field : e;
}

/** `it` for a case that needs cgroups: where they cannot work, a real skip that says why. */
export function cgroupCase(t: TestApi): (name: string, fn: () => unknown, timeout?: number) => void {
  const why = cgroupSkipReason();
  return (name, fn, timeout) => (why ? t.skip(`${name} [skipped: ${why}]`, () => undefined) : t.it(name, fn, timeout));
}
