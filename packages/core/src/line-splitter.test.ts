import { describe, expect, it } from 'vitest';
import { linesOf } from './line-splitter.js';

const utf8 = new TextEncoder();

async function lines(chunks: Uint8Array[]): Promise<string[]> {
  async function* source() {
    yield* chunks;
  }
  const out: string[] = [];
  for await (const line of linesOf(source())) out.push(line);
  return out;
}

/** `text` as UTF-8 cut at every byte offset in `cuts`. */
function cut(text: string, cuts: number[]): Uint8Array[] {
  const bytes = utf8.encode(text);
  const edges = [0, ...cuts, bytes.length];
  return edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
}

describe('linesOf', () => {
  it('keeps a 2-, 3- and 4-byte character whole when a chunk ends inside it', async () => {
    // é = 2 bytes at 1..2, € = 3 bytes at 4..6, 😀 = 4 bytes at 8..11
    expect(await lines(cut('aé\n€\n😀', [2, 5, 6, 9, 10]))).toEqual(['aé', '€', '😀']);
  });
  it('drops the \\r of a \\r\\n split across chunks', async () => {
    expect(await lines(cut('one\r\ntwo\r\n', [4]))).toEqual(['one', 'two']);
  });
  it('gives the last line without a newline, and nothing for no output', async () => {
    expect(await lines(cut('a\nb', [1]))).toEqual(['a', 'b']);
    expect(await lines([])).toEqual([]);
  });
  it('joins a line spread over many chunks', async () => {
    expect(await lines(cut('x'.repeat(10) + '\n', [1, 2, 3, 4, 5, 6, 7, 8, 9]))).toEqual(['x'.repeat(10)]);
  });
});

describe('linesOf, left early', () => {
  it('closes its source when the loop breaks', async () => {
    let closed = false;
    async function* source() {
      try {
        yield utf8.encode('a\nb\n');
        yield utf8.encode('c\n');
      } finally {
        closed = true;
      }
    }
    for await (const line of linesOf(source())) if (line === 'a') break;
    expect(closed).toBe(true);
  });
});
