import { ValidationError, rejectUnknownOptions } from '@netrunner/types';
import type { DaemonOptions } from './daemon-options.js';

const RESTART = ['never', 'on-failure', 'always'];
const ON_OUTPUT = ['discard', 'log'];

/** Check the options a daemon adds to spawn's (spawn validates the rest). */
export function validateDaemonOptions(o: DaemonOptions): void {
  if (o === null || typeof o !== 'object') throw new ValidationError('options', 'an object', o);
  rejectUnknownOptions(o, 'new Daemon()');
  if (!o.runner || typeof o.runner.spawn !== 'function') {
    throw new ValidationError('runner', 'a netrunner binding (an object with spawn)', o.runner);
  }
  if (o.restart !== undefined && !RESTART.includes(o.restart)) {
    throw new ValidationError('restart', "'never', 'on-failure' or 'always'", o.restart);
  }
  if (o.onOutput !== undefined && typeof o.onOutput !== 'function' && !ON_OUTPUT.includes(o.onOutput)) {
    throw new ValidationError('onOutput', "'discard', 'log' or a function", o.onOutput);
  }
  if (o.restartDelay !== undefined && !(Number.isInteger(o.restartDelay) && o.restartDelay >= 0)) {
    throw new ValidationError('restartDelay', 'a non-negative integer', o.restartDelay);
  }
  if (o.maxRestarts !== undefined && !(o.maxRestarts === Infinity || (Number.isInteger(o.maxRestarts) && o.maxRestarts >= 0))) {
    throw new ValidationError('maxRestarts', 'a non-negative integer or Infinity', o.maxRestarts);
  }
}
