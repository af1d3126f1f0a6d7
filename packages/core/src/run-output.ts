import type { NormalizedRunOptions } from '@netrunner/types';
import { LineSplitter } from './line-splitter.js';

const utf8 = new TextDecoder();

/** Bytes without one final '\n' or '\r\n'. */
function stripNewline(bytes: Uint8Array): Uint8Array {
  if (bytes[bytes.length - 1] !== 10) return bytes;
  return bytes.subarray(0, bytes.length - (bytes[bytes.length - 2] === 13 ? 2 : 1));
}

/** Text as lines without their ends ('\n' or '\r\n'); a final line end makes no empty last line. */
function splitLines(text: string): string[] {
  const splitter = new LineSplitter();
  return [...splitter.push(text), ...splitter.end()];
}

/** One output of run() as its options ask: bytes or text, the final newline kept or not, or lines. */
export function runOutput(bytes: Uint8Array, opts: Pick<NormalizedRunOptions, 'encoding' | 'stripFinalNewline' | 'lines'>): string | Uint8Array | string[] {
  if (opts.lines) return splitLines(utf8.decode(bytes));
  const kept = opts.stripFinalNewline ? stripNewline(bytes) : bytes;
  return opts.encoding === 'buffer' ? kept : utf8.decode(kept);
}
