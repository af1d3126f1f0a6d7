import type { OnOutput, OutputStream } from './daemon-options.js';
import { RingBuffer } from './ring-buffer.js';

const TAIL_BYTES = 64 * 1024;
const decoder = new TextDecoder();

/**
 * Takes every chunk a daemon's child writes: keeps the last 64 KiB of each
 * stream for status(), and hands the chunk to onOutput. A callback that
 * throws is reported once per failure and never stops the draining: a
 * daemon whose output stops being read blocks on a full pipe.
 */
export class OutputSink {
  readonly #tails = { stdout: new RingBuffer(TAIL_BYTES), stderr: new RingBuffer(TAIL_BYTES) };
  readonly #onOutput: OnOutput;
  readonly #log: (line: string) => void;
  readonly #label: string;

  constructor(onOutput: OnOutput, log: (line: string) => void, label: string) {
    this.#onOutput = onOutput;
    this.#log = log;
    this.#label = label;
  }

  /** Drain one output stream to its end. Never rejects. */
  async drain(source: AsyncIterable<Uint8Array>, stream: OutputStream): Promise<void> {
    try {
      for await (const chunk of source) this.#take(chunk, stream);
    } catch (e) {
      this.#log(`[${this.#label}] reading ${stream} failed: ${String(e)}`);
    }
  }

  /** The kept tail of a stream, as UTF-8. */
  tail(stream: OutputStream): string {
    return decoder.decode(this.#tails[stream].bytes());
  }

  #take(chunk: Uint8Array, stream: OutputStream): void {
    this.#tails[stream].write(chunk);
    const out = this.#onOutput;
    if (out === 'discard') return;
    try {
      if (out === 'log') this.#log(`[${this.#label} ${stream}] ${decoder.decode(chunk).replace(/\n$/, '')}`);
      else out(chunk, stream);
    } catch (e) {
      this.#log(`[${this.#label}] onOutput threw (draining goes on): ${String(e)}`);
    }
  }
}
