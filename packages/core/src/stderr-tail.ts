import type { OutputChannel } from './output-channel.js';

/** Drains a stream, keeping only its last `limit` bytes (for error messages). */
export class StderrTail {
  #chunks: Uint8Array[] = [];
  #size = 0;
  #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Read the channel to EOF. */
  async drain(channel: OutputChannel): Promise<void> {
    for (let chunk = await channel.read(); chunk !== null; chunk = await channel.read()) {
      this.#chunks.push(chunk);
      this.#size += chunk.length;
      while (this.#chunks.length > 1 && this.#size - this.#chunks[0]!.length >= this.#limit) {
        this.#size -= this.#chunks.shift()!.length;
      }
    }
  }

  /** The kept tail, decoded as UTF-8. */
  text(): string {
    const all = new Uint8Array(this.#size);
    let at = 0;
    for (const c of this.#chunks) {
      all.set(c, at);
      at += c.length;
    }
    return new TextDecoder().decode(all.subarray(Math.max(0, this.#size - this.#limit)));
  }
}
