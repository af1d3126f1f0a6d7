import { ValidationError } from '../errors/validation-error.js';
import { boolean, readField } from './checks.js';
import { normalizeRunOptions, type NormalizedRunOptions, type RunDefaults } from './normalize-run-options.js';
import { validateArgv } from './validate-argv.js';

/** The most members a pipeline may have (the shepherd's limit). */
export const MAX_PIPELINE_MEMBERS = 64;

/** Pipeline options after validation; `argv` is the first member's. */
export interface NormalizedPipelineOptions extends NormalizedRunOptions {
  members: string[][];
  pipefail: boolean;
}

function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

/**
 * Validate the members and options of `pipeline()`; throws ValidationError
 * naming the member (`pipeline[1]`, `pipeline[1][0]`) or the option.
 *
 * @example
 * normalizePipelineOptions([['ls'], ['wc', '-l']], {}).pipefail; // true
 * normalizePipelineOptions([['ls'], []], {});                    // throws (field 'pipeline[1]')
 */
export function normalizePipelineOptions(
  members: unknown,
  options: unknown = {},
  call: 'pipeline()' | 'streamPipeline()' = 'pipeline()',
  defaults?: RunDefaults,
): NormalizedPipelineOptions {
  const length = isArray(members) ? readField(members, 'length', 'pipeline') : 0;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > MAX_PIPELINE_MEMBERS) {
    throw new ValidationError('pipeline', `an array of 1 to ${MAX_PIPELINE_MEMBERS} argv arrays`, members);
  }
  const argvs: string[][] = [];
  for (let i = 0; i < length; i++) {
    const name = `pipeline[${i}]`;
    argvs.push(validateArgv(readField(members as unknown[], i, name), name));
  }
  const base = normalizeRunOptions(argvs[0], options, call, defaults);
  if (base.pty !== null) {
    throw new ValidationError('pty', 'absent on a pipeline (one terminal cannot serve several members)', base.pty);
  }
  const pipefail = readField(options ?? {}, 'pipefail', 'pipefail');
  return {
    ...base,
    members: argvs,
    pipefail: pipefail === undefined ? true : boolean(pipefail, 'pipefail'),
  };
}
