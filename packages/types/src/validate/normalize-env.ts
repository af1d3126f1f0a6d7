import { ValidationError } from '../errors/validation-error.js';
import { cleanString, plainObject } from './checks.js';

/** Check an `env` option: keys non-empty without '=' or NUL; values strings without NUL, or undefined. */
export function normalizeEnv(env: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(plainObject(env, 'env'))) {
    if (key === '' || key.includes('=') || key.includes('\0')) {
      throw new ValidationError('env', "keys without '=' or NUL bytes", key);
    }
    out[key] = value === undefined ? undefined : cleanString(value, `env.${key}`);
  }
  return out;
}
