import { ValidationError, plainObject, templateArgv, type RunOptions, type RunResult, type TemplateValue } from '@netrunner/types';

/** run() as `$` calls it. */
type RunFn = (argv: readonly string[], options?: RunOptions) => Promise<RunResult<string | Uint8Array | string[]>>;

/** Options a `$` binds: run()'s, but never a shell (its values would be parsed). */
export type TemplateOptions = RunOptions & { shell?: false };

/**
 * `$` of the API: run() with argv written as a tagged template, or, called
 * with options, a `$` that uses them.
 */
export interface TemplateRun<T extends string | Uint8Array | string[] = string> {
  (strings: TemplateStringsArray, ...values: readonly TemplateValue[]): Promise<RunResult<T>>;
  (options: TemplateOptions & { lines: true }): TemplateRun<string[]>;
  (options: TemplateOptions & { encoding: 'buffer' }): TemplateRun<Uint8Array>;
  (options: TemplateOptions): TemplateRun<T>;
}

function isTemplate(value: unknown): value is TemplateStringsArray {
  return Array.isArray(value) && Array.isArray((value as { raw?: unknown }).raw);
}

/** A `$` over `run` with `bound` options (later ones win). */
export function makeTemplate(run: RunFn, bound: RunOptions = {}): TemplateRun<string> {
  function $(first: unknown, ...values: unknown[]): unknown {
    if (isTemplate(first)) {
      let argv: string[];
      try {
        // Under a shell an interpolated value would become (part of) the command line it parses.
        if (bound.shell !== undefined && bound.shell !== false) {
          throw new ValidationError('shell', 'absent from a `$` template: its values never go through a shell', bound.shell);
        }
        argv = templateArgv(first, ...values);
      } catch (e) {
        return Promise.reject(e);
      }
      return run(argv, bound);
    }
    if (values.length > 0) throw new ValidationError('$', 'used as a tag ($`...`) or called with options ($({ cwd }))', first);
    return makeTemplate(run, { ...bound, ...plainObject(first, 'options') });
  }
  return $ as TemplateRun<string>;
}
