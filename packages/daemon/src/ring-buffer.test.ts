import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';
import { restartDelay } from './restart-delay.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('RingBuffer', () => {
  it('keeps everything while under capacity', () => {
    const r = new RingBuffer(8);
    r.write(bytes('abc'));
    r.write(bytes('de'));
    expect(text(r.bytes())).toBe('abcde');
  });
  it('keeps the newest bytes across the wrap', () => {
    const r = new RingBuffer(8);
    r.write(bytes('abcdef'));
    r.write(bytes('ghijk'));
    expect(text(r.bytes())).toBe('defghijk');
  });
  it('keeps the tail of a chunk larger than itself', () => {
    const r = new RingBuffer(4);
    r.write(bytes('x'));
    r.write(bytes('0123456789'));
    expect(text(r.bytes())).toBe('6789');
    r.write(bytes('ab'));
    expect(text(r.bytes())).toBe('89ab');
  });
  it('empties on clear', () => {
    const r = new RingBuffer(4);
    r.write(bytes('abc'));
    r.clear();
    expect(r.bytes().length).toBe(0);
  });
});

describe('restartDelay', () => {
  it('doubles from the base and stops at 30 s', () => {
    expect([1, 2, 3, 4].map((n) => restartDelay(1000, n))).toEqual([1000, 2000, 4000, 8000]);
    expect(restartDelay(1000, 20)).toBe(30_000);
  });
});
