import type { OutputChannel } from './output-channel.js';

/**
 * Collects one output stream up to `cap` bytes exactly; past the cap it calls
 * `onExceed` once and keeps draining (discarding) so the child never blocks.
 */
export class OutputCollector {
  exceeded = false;
  #chunks: Uint8Array[] = [];
  #size = 0;
  #cap: number;
  #onExceed: () => void;

  constructor(cap: number, onExceed: () => void) {
    this.#cap = cap;
    this.#onExceed = onExceed;
  }

  /** Read the channel to EOF. */
  async drain(channel: OutputChannel): Promise<void> {
    for (let chunk = await channel.read(); chunk !== null; chunk = await channel.read()) this.#add(chunk);
  }

  #add(chunk: Uint8Array): void {
    if (this.exceeded) return;
    const room = this.#cap - this.#size;
    if (chunk.length > room) {
      if (room > 0) this.#chunks.push(chunk.subarray(0, room));
      this.#size = this.#cap;
      this.exceeded = true;
      this.#onExceed();
      return;
    }
    this.#chunks.push(chunk);
    this.#size += chunk.length;
  }

  /** Everything kept, as one array. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.#size);
    let at = 0;
    for (const c of this.#chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
