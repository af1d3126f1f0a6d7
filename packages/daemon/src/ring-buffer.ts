/** The last `capacity` bytes written to it; older bytes fall off the front. */
export class RingBuffer {
  readonly #buf: Uint8Array;
  #end = 0; // next write position
  #size = 0;

  constructor(capacity: number) {
    this.#buf = new Uint8Array(capacity);
  }

  /** Append a chunk, keeping only the newest `capacity` bytes overall. */
  write(chunk: Uint8Array): void {
    const cap = this.#buf.length;
    if (chunk.length >= cap) {
      this.#buf.set(chunk.subarray(chunk.length - cap));
      this.#end = 0;
      this.#size = cap;
      return;
    }
    const first = Math.min(chunk.length, cap - this.#end);
    this.#buf.set(chunk.subarray(0, first), this.#end);
    this.#buf.set(chunk.subarray(first), 0);
    this.#end = (this.#end + chunk.length) % cap;
    this.#size = Math.min(cap, this.#size + chunk.length);
  }

  /** A copy of the kept bytes, oldest first. */
  bytes(): Uint8Array {
    const cap = this.#buf.length;
    const start = (this.#end - this.#size + cap) % cap;
    if (start + this.#size <= cap) return this.#buf.slice(start, start + this.#size);
    const out = new Uint8Array(this.#size);
    out.set(this.#buf.subarray(start));
    out.set(this.#buf.subarray(0, this.#end), cap - start);
    return out;
  }

  /** Forget everything kept. */
  clear(): void {
    this.#end = 0;
    this.#size = 0;
  }
}
