const utf8 = new TextDecoder();

/** Concatenate chunks. */
export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Collect an async iterable of chunks into bytes. */
export async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const c of source) chunks.push(c);
  return concat(chunks);
}

/** Collect an async iterable of chunks into a UTF-8 string. */
export async function collectText(source: AsyncIterable<Uint8Array>): Promise<string> {
  return utf8.decode(await collect(source));
}

/** UTF-8 decode. */
export function text(bytes: Uint8Array | null): string | null {
  return bytes === null ? null : utf8.decode(bytes);
}

/** True when both hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `n` random bytes. */
export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65536)));
  return out;
}

/** The rejection reason of a promise that must reject (or the value, if it resolved, for the test to fail on). */
export async function caught(promise: Promise<unknown>): Promise<any> {
  try {
    return { resolvedInstead: await promise };
  } catch (e) {
    return e;
  }
}
