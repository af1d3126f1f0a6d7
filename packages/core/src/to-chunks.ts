import type { InputSource } from '@netrunner/types';
import { INPUT_CHUNK_EXPECTED, ValidationError } from '@netrunner/types';

const utf8 = new TextEncoder();
const PROTOCOL = 'an iterable whose iterator is an object with a next() method returning objects';

function bytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return utf8.encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  throw new ValidationError('input', INPUT_CHUNK_EXPECTED, chunk);
}

interface Opened {
  iterator: object;
  next: () => unknown;
  /** A sync iterator's values are awaited, as `for await` does. */
  sync: boolean;
}

// Each step of the iteration protocol a `for await` would take, with a
// ValidationError where it would throw a bare TypeError.
function open(input: object): Opened {
  const asyncMethod: unknown = (input as AsyncIterable<unknown>)[Symbol.asyncIterator];
  const method: unknown = typeof asyncMethod === 'function' ? asyncMethod : (input as Iterable<unknown>)[Symbol.iterator];
  if (typeof method !== 'function') throw new ValidationError('input', PROTOCOL, input);
  const iterator: unknown = (method as (this: object) => unknown).call(input);
  if (iterator === null || typeof iterator !== 'object') throw new ValidationError('input', PROTOCOL, iterator);
  const next = (iterator as { next?: unknown }).next;
  if (typeof next !== 'function') throw new ValidationError('input', PROTOCOL, iterator);
  return { iterator, next: next as () => unknown, sync: method !== asyncMethod };
}

async function close(iterator: object): Promise<void> {
  const ret = (iterator as { return?: unknown }).return;
  if (typeof ret === 'function') await ret.call(iterator);
}

/**
 * Turn any accepted input into an async sequence of byte chunks. A chunk that
 * is not a string or a Uint8Array, or an iterator that breaks the protocol,
 * is a ValidationError('input'); what the user's iterator throws passes
 * through unchanged.
 */
export async function* toChunks(input: InputSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    yield bytes(input);
    return;
  }
  const { iterator, next, sync } = open(input);
  let finished = false;
  try {
    for (;;) {
      let step: unknown;
      try {
        step = await next.call(iterator);
      } catch (e) {
        finished = true; // an iterator that threw is done; no return() owed
        throw e;
      }
      if (step === null || typeof step !== 'object') throw new ValidationError('input', PROTOCOL, step);
      const { done, value } = step as IteratorResult<unknown>;
      if (done) break;
      yield bytes(sync ? await value : value);
    }
    finished = true;
  } finally {
    // Stopped early (a bad chunk, or stdin closed): let the iterator clean up.
    if (!finished) await close(iterator).catch(() => undefined);
  }
}
