import { ValidationError } from '../errors/validation-error.js';
import { KNOWN_OPTION_KEYS, type OptionsOf } from './known-options.js';
import { nearestKey } from './nearest-key.js';

/** Every own enumerable string key of `options` (a Proxy whose keys cannot be listed is a ValidationError). */
function keysOf(options: object, field: string): string[] {
  try {
    return Object.keys(options);
  } catch (cause) {
    throw new ValidationError(field, 'an object whose keys can be listed', options, { cause });
  }
}

/** 'a', 'a and b', 'a, b and c'. */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What to say after "Unknown option `key` of call()". */
function hint(key: string, call: OptionsOf, known: readonly string[]): string {
  const near = nearestKey(key, known);
  if (near !== undefined) return `: did you mean \`${near}\`?`;
  const elsewhere = (Object.keys(KNOWN_OPTION_KEYS) as OptionsOf[]).filter((c) => c !== call && KNOWN_OPTION_KEYS[c].includes(key));
  if (elsewhere.length > 0) return `: it is an option of ${listOf(elsewhere)}`;
  return `; the options are ${known.join(', ')}`;
}

/**
 * Throw a ValidationError (field: the key) for the first key of `options`
 * that `call` does not know, suggesting the nearest known one.
 *
 * @example
 * rejectUnknownOptions({ shel: true }, 'run()');
 * // ValidationError: Unknown option `shel` of run(): did you mean `shell`?
 */
export function rejectUnknownOptions(options: object, call: OptionsOf, field = 'options'): void {
  const known = KNOWN_OPTION_KEYS[call];
  for (const key of keysOf(options, field)) {
    if (known.includes(key)) continue;
    throw new ValidationError(key, 'a known option', key, {
      message: `Unknown option \`${key}\` of ${call}${hint(key, call, known)}`,
    });
  }
}
