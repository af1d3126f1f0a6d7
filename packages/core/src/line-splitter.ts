import { Utf8Decoder } from './utf8-decoder.js';

/**
 * Text cut into lines as it arrives: a line ends at '\n' (a '\r' before it
 * is dropped); end() gives the last line when the text did not end with one.
 */
export class LineSplitter {
  #rest = '';

  /** The lines completed by `text`. */
  push(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = start === 0 && this.#rest !== '' ? this.#rest + text.slice(0, nl) : text.slice(start, nl);
      lines.push(withoutCr(line));
      if (start === 0) this.#rest = '';
      start = nl + 1;
    }
    // A long line over many chunks is joined once it ends, not re-split per chunk.
    this.#rest = start === 0 ? this.#rest + text : text.slice(start);
    return lines;
  }

  /** The unterminated last line, if any. */
  end(): string[] {
    const rest = this.#rest;
    this.#rest = '';
    return rest === '' ? [] : [withoutCr(rest)];
  }
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The lines of UTF-8 chunks; a character split across chunks is decoded
 * whole. Lines of a chunk are handed out from an array, one settled promise
 * each, not one async-generator step each (several times faster for short lines).
 */
export function linesOf(chunks: AsyncIterable<Uint8Array>): AsyncIterableIterator<string> {
  const source = chunks[Symbol.asyncIterator]();
  const decoder = new Utf8Decoder();
  const splitter = new LineSplitter();
  let ready: string[] = [];
  let at = 0;
  let ended = false;

  async function fill(): Promise<IteratorResult<string, undefined>> {
    while (at >= ready.length) {
      if (ended) return { value: undefined, done: true };
      const next = await source.next();
      at = 0;
      if (next.done) {
        ended = true;
        ready = [...splitter.push(decoder.end()), ...splitter.end()];
      } else {
        ready = splitter.push(decoder.decode(next.value));
      }
    }
    return { value: ready[at++]!, done: false };
  }

  return {
    next: () => (at < ready.length ? Promise.resolve({ value: ready[at++]!, done: false }) : fill()),
    async return(): Promise<IteratorResult<string, undefined>> {
      ended = true;
      ready = [];
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
