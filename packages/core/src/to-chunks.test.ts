import { ValidationError } from '@netrunner/types';
import { describe, expect, it } from 'vitest';
import { toChunks } from './to-chunks.js';

async function collect(input: unknown): Promise<string[] | string> {
  const out: string[] = [];
  try {
    for await (const chunk of toChunks(input as never)) out.push(new TextDecoder().decode(chunk));
  } catch (e) {
    return ValidationError.isInstance(e) ? `ValidationError ${e.field}: ${e.message}` : `${(e as Error).name}: ${(e as Error).message}`;
  }
  return out;
}

describe('toChunks', () => {
  it('feeds strings, bytes, sync and async iterables (awaiting a sync iterable’s promises)', async () => {
    expect(await collect('a')).toEqual(['a']);
    expect(await collect(new Uint8Array([98]))).toEqual(['b']);
    expect(await collect(['a', Promise.resolve('b')])).toEqual(['a', 'b']);
    expect(await collect((async function* () { yield 'c'; yield new Uint8Array([100]); })())).toEqual(['c', 'd']);
  });
  it('turns a bad chunk or a broken iteration protocol into ValidationError(input)', async () => {
    expect(await collect((function* () { yield 'a'; yield 5; })())).toBe(
      'ValidationError input: Expected `input` to be chunks that are strings or Uint8Arrays, got 5',
    );
    const protocol = /^ValidationError input: Expected `input` to be an iterable whose iterator is an object with a next\(\) method/;
    expect(await collect({ [Symbol.iterator]: () => 5 })).toMatch(protocol);
    expect(await collect({ [Symbol.iterator]: () => ({ next: 5 }) })).toMatch(protocol);
    expect(await collect({ [Symbol.iterator]: () => ({ next: () => 5 }) })).toMatch(protocol);
    expect(await collect({ [Symbol.asyncIterator]: () => ({ next: async () => null }) })).toMatch(protocol);
  });
  it('passes the error of the user’s own iterator through, and closes an iterator it stops early', async () => {
    expect(await collect((function* () { throw new RangeError('mine'); })())).toBe('RangeError: mine');
    let closed = false;
    const gen = (function* () {
      try {
        yield 'a';
        yield 7;
        yield 'never';
      } finally {
        closed = true;
      }
    })();
    expect(await collect(gen)).toMatch(/^ValidationError input/);
    expect(closed).toBe(true);
  });
});
