import type { InputSource } from '@netrunner/types';
import { ValidationError } from '@netrunner/types';

const utf8 = new TextEncoder();

function bytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return utf8.encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  throw new ValidationError('input', 'chunks that are strings or Uint8Arrays', chunk);
}

/** Turn any accepted input into an async sequence of byte chunks. */
export async function* toChunks(input: InputSource): AsyncGenerator<Uint8Array, void, undefined> {
  if (typeof input === 'string' || input instanceof Uint8Array) {
    yield bytes(input);
    return;
  }
  for await (const chunk of input as AsyncIterable<unknown>) yield bytes(chunk);
}
