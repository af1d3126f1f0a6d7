// For tests: the bytes a wire structure should hold, written field by field
// (little-endian, as on the hosts netrunner runs on).

/** One field: an unsigned 16/32-bit or signed 64-bit integer, or a u32-length-prefixed UTF-8 string. */
export type WireField = ['u32' | 'u16' | 'i64', number] | ['str', string];

/** Concatenate the fields' bytes. */
export function wireBytes(parts: WireField[]): Uint8Array {
  const out: number[] = [];
  const le = (v: bigint, n: number) => {
    for (let i = 0; i < n; i++) out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  };
  for (const [kind, v] of parts) {
    if (kind === 'u32') le(BigInt(v), 4);
    else if (kind === 'u16') le(BigInt(v), 2);
    else if (kind === 'i64') le(BigInt.asUintN(64, BigInt(v)), 8);
    else {
      const b = new TextEncoder().encode(v);
      le(BigInt(b.length), 4);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}
