import {
  AbortError,
  MaxOutputExceededError,
  TimeoutError,
  type ErrorDetails,
  type OutputStreamName,
} from '@netrunner/types';
import type { RunGuard } from './run-guard.js';

/** What a stop error reports beyond the child: the limits, and which stream went past the cap. */
export interface StopLimits {
  timeout: number;
  maxOutputSize: number;
  exceeded?: OutputStreamName;
}

/** The error for a run its guard cut short, or null when it ran to the end. */
export function buildStopError(guard: RunGuard, details: ErrorDetails, limits: StopLimits): unknown {
  switch (guard.reason) {
    case 'timeout':
      return new TimeoutError(limits.timeout, details);
    case 'abort':
      return new AbortError({ ...details, cause: guard.cause });
    case 'maxOutput':
      return new MaxOutputExceededError(limits.maxOutputSize, details, limits.exceeded);
    case 'input':
    case 'consumer':
      return guard.cause;
    default:
      return null;
  }
}
