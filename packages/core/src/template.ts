import { ValidationError, plainObject, templateArgv, type RunOptions, type RunResult, type TemplateRun } from '@netrunner/types';

/** run() as `$` calls it. */
type RunFn = (argv: readonly string[], options?: RunOptions) => Promise<RunResult<string | Uint8Array | string[]>>;

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
