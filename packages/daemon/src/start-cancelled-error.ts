import { NetRunnerError } from '@netrunner/types';

/**
 * A daemon's start() was overtaken by stop(): either stop() came while the
 * child was being spawned (that child is stopped as soon as it exists), or
 * start() was waiting for a stop to finish and another stop() came after it.
 * Nothing the cancelled start() launched is left running.
 *
 * @example
 * const starting = daemon.start();
 * await daemon.stop();
 * await starting; // rejects with StartCancelledError, code 'ESTARTCANCELLED'
 */
export class StartCancelledError extends NetRunnerError {
  constructor(program: string) {
    super(`The daemon ${program} was stopped before it finished starting`, { code: 'ESTARTCANCELLED' });
  }
}
