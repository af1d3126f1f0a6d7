import {
  AbortError,
  MaxOutputExceededError,
  NetRunnerError,
  NonZeroExitError,
  ShepherdStartError,
  SpawnError,
  StdinClosedError,
  TimeoutError,
  ValidationError,
} from '@netrunner/types';

// The brand NetRunnerError.isInstance reads (netrunner-error.ts).
const KINDS = Symbol.for('netrunner.error.kinds');

const CLASSES: Record<string, { prototype: object }> = {
  NetRunnerError, ValidationError, SpawnError, TimeoutError, MaxOutputExceededError,
  NonZeroExitError, ShepherdStartError, AbortError, StdinClosedError,
};

/** An error as it crosses a MessagePort (structured clone keeps data, not classes). */
export interface TransportedError {
  kinds: string[] | null;
  name: string;
  message: string;
  stack: string | undefined;
  fields: Record<string, unknown>;
}

/** Flatten an error to cloneable data; fields a clone cannot carry (functions) are dropped. */
export function packError(e: unknown): TransportedError {
  if (!(e instanceof Error)) return { kinds: null, name: 'Error', message: String(e), stack: undefined, fields: {} };
  const kinds = (e as unknown as Record<symbol, unknown>)[KINDS];
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) if (typeof value !== 'function' && typeof value !== 'symbol') fields[key] = value;
  if (e.cause !== undefined) fields.cause = e.cause instanceof Error ? packError(e.cause) : e.cause;
  return { kinds: Array.isArray(kinds) ? (kinds as string[]) : null, name: e.name, message: e.message, stack: e.stack, fields };
}

/** Rebuild a packed error as an instance of its class (instanceof and isInstance hold). */
export function unpackError(t: TransportedError): Error {
  const cls = (t.kinds ?? []).map((k) => CLASSES[k]).find((c) => c !== undefined);
  const e = Object.create(cls?.prototype ?? Error.prototype) as Error;
  if (t.kinds !== null) Object.defineProperty(e, KINDS, { value: t.kinds });
  const cause = t.fields.cause as TransportedError | undefined;
  const fields = { ...t.fields };
  if (cause !== null && typeof cause === 'object' && 'kinds' in cause && 'fields' in cause) fields.cause = unpackError(cause);
  Object.defineProperty(e, 'message', { value: t.message, writable: true, configurable: true });
  Object.defineProperty(e, 'stack', { value: t.stack, writable: true, configurable: true });
  return Object.assign(e, fields, { name: t.name });
}
