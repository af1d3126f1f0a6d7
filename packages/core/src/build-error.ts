import {
  AbortError,
  MaxOutputExceededError,
  TimeoutError,
  type ErrorDetails,
} from '@netrunner/types';
import type { RunGuard } from './run-guard.js';

/** The error for a run its guard cut short, or null when it ran to the end. */
export function buildStopError(guard: RunGuard, details: ErrorDetails, limits: { timeout: number; maxOutputSize: number }): unknown {
  switch (guard.reason) {
    case 'timeout':
      return new TimeoutError(limits.timeout, details);
    case 'abort':
      return new AbortError({ ...details, cause: guard.cause });
    case 'maxOutput':
      return new MaxOutputExceededError(limits.maxOutputSize, details);
    case 'input':
    case 'consumer':
      return guard.cause;
    default:
      return null;
  }
}
