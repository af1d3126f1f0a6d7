import type { Process } from '@netrunner/types';
import { text } from './bytes.js';

/** Read a Process's stdout until the text read so far matches `pattern` (or EOF); returns all of it. */
export async function readUntil(p: Process, pattern: RegExp, seen = ''): Promise<string> {
  let out = seen;
  while (!pattern.test(out)) {
    const chunk = await p.read();
    if (chunk === null) break;
    out += text(chunk);
  }
  return out;
}
