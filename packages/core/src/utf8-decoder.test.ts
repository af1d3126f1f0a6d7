import { describe, expect, it } from 'vitest';
import { Utf8Decoder } from './utf8-decoder.js';

const text = 'aé€😀𝄞ß中z';
const bytes = new TextEncoder().encode(text);

describe('Utf8Decoder', () => {
  it('decodes the same text wherever two cuts fall, inside a character or not', () => {
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const d = new Utf8Decoder();
        const out = d.decode(bytes.subarray(0, i)) + d.decode(bytes.subarray(i, j)) + d.decode(bytes.subarray(j)) + d.end();
        expect(out).toBe(text);
      }
    }
  });
  it('gives U+FFFD for a character the input ends inside, and for stray continuation bytes', () => {
    const d = new Utf8Decoder();
    expect(d.decode(new Uint8Array([0x61, 0xe2, 0x82]))).toBe('a');
    expect(d.end()).toBe('\uFFFD');
    expect(new Utf8Decoder().decode(new Uint8Array([0x80, 0x80, 0x80, 0x80]))).toBe('\uFFFD'.repeat(4));
  });
});
