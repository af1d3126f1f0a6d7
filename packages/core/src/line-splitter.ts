/**
 * Text cut into lines as it arrives: a line ends at '\n' (a '\r' before it
 * is dropped); end() gives the last line when the text did not end with one.
 */
export class LineSplitter {
  #rest = '';

  /** The lines completed by `text`. */
  push(text: string): string[] {
    if (!text.includes('\n')) {
      this.#rest += text; // a long line over many chunks is joined once, not re-split per chunk
      return [];
    }
    const parts = (this.#rest + text).split('\n');
    this.#rest = parts.pop()!;
    return parts.map(withoutCr);
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

/** The lines of UTF-8 chunks; a character split across chunks is decoded whole. */
export async function* linesOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder();
  const splitter = new LineSplitter();
  for await (const chunk of chunks) yield* splitter.push(decoder.decode(chunk, { stream: true }));
  yield* splitter.push(decoder.decode());
  yield* splitter.end();
}
