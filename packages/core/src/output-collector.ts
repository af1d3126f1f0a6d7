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
  #also: Uint8Array[] | null;

  /** `also`, when given, receives every kept chunk too, in the order read (result.all). */
  constructor(cap: number, onExceed: () => void, also: Uint8Array[] | null = null) {
    this.#cap = cap;
    this.#onExceed = onExceed;
    this.#also = also;
  }

  /** Read the channel to EOF. */
  async drain(channel: OutputChannel): Promise<void> {
    for (let chunk = await channel.read(); chunk !== null; chunk = await channel.read()) this.#add(chunk);
  }

  #add(chunk: Uint8Array): void {
    if (this.exceeded) return;
    const room = this.#cap - this.#size;
    if (chunk.length > room) {
      if (room > 0) this.#keep(chunk.subarray(0, room));
      this.#size = this.#cap;
      this.exceeded = true;
      this.#onExceed();
      return;
    }
    this.#keep(chunk);
    this.#size += chunk.length;
  }

  #keep(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#also?.push(chunk);
  }

  /** Everything kept, as one array. */
  bytes(): Uint8Array {
    return concat(this.#chunks);
  }
}

/** Chunks as one array. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
