import { ValidationError } from '../errors/validation-error.js';
import { cleanString, hasLoneSurrogate, plainObject, readField } from './checks.js';

function ownKeys(env: Record<string, unknown>): string[] {
  try {
    return Object.keys(env);
  } catch (cause) {
    throw new ValidationError('env', 'an object whose keys can be listed', env, { cause }); // a Proxy that throws
  }
}

/** Check an `env` option: keys non-empty without '=', NUL or lone surrogates; values clean strings, or undefined. */
export function normalizeEnv(env: unknown): Record<string, string | undefined> {
  const o = plainObject(env, 'env');
  const out: Record<string, string | undefined> = {};
  for (const key of ownKeys(o)) {
    if (key === '' || key.includes('=') || key.includes('\0') || hasLoneSurrogate(key)) {
      throw new ValidationError('env', "keys without '=', NUL bytes or lone surrogates", key);
    }
    const value = readField(o, key, `env.${key}`);
    // defineProperty: a key such as '__proto__' is a variable like any other.
    Object.defineProperty(out, key, {
      value: value === undefined ? undefined : cleanString(value, `env.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
