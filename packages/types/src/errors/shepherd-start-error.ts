import { errnoName } from '../errno-name.js';
import { errnoMeaning } from './errno-meaning.js';
import { NetRunnerError, type ErrorDetails } from './netrunner-error.js';

/**
 * The shepherd process could not be started. `.path` is the executable
 * tried, `.errno` the positive errno and `.code` its name ('ENOENT',
 * 'EACCES', ...). Set NETRUNNER_SHEPHERD_PATH to use another build.
 *
 * @example
 * // NETRUNNER_SHEPHERD_PATH=/nope node app.js
 * // ShepherdStartError: Cannot start the shepherd `/nope`: ENOENT (no such file or directory)
 */
export class ShepherdStartError extends NetRunnerError {
  readonly path: string;
  readonly errno: number;

  /** `tried`: every path looked at, when there were several (all missing). */
  constructor(path: string, errno: number, tried: readonly string[] = [path], details: ErrorDetails = {}) {
    const code = errnoName(Math.abs(errno));
    const also = tried.length > 1 ? `\nTried:\n  ${tried.join('\n  ')}\nSet NETRUNNER_SHEPHERD_PATH to a built netrunner-shepherd.` : '';
    super(`Cannot start the shepherd \`${path}\`: ${code} (${errnoMeaning(errno)})${also}`, { argv: [path], ...details, code });
    this.path = path;
    this.errno = Math.abs(errno);
  }
}
