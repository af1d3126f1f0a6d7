import {
  NetRunnerError,
  ValidationError,
  signalNumber,
  type ExitInfo,
  type NodeReadable,
  type NodeWritable,
  type OutputName,
  type Process as ProcessContract,
  type Signal,
  type Stats,
} from '@netrunner/types';
import type { NodeInterop } from './adapter.js';
import type { ChildState } from './child-state.js';
import { unwatch, watch } from './finalizer.js';
import { linesOf } from './line-splitter.js';
import { inputNodeWritable, outputNodeReadable } from './node-streams.js';
import type { Hold, OutputChannel } from './output-channel.js';
import { terminate, type StopPolicy } from './terminate.js';
import { inputWritable, outputReadable } from './web-streams.js';

const utf8 = new TextEncoder();

// `hold` is the Process's: a live iterator keeps its Process (and child) alive.
async function* iterate(hold: Hold, channel: OutputChannel): AsyncGenerator<Uint8Array, void, undefined> {
  const it = channel.startIteration();
  try {
    for (;;) {
      const chunk = await hold(channel.read(it));
      if (chunk === null) return;
      yield chunk;
    }
  } finally {
    channel.endIteration(it);
  }
}

/** A running child, from `spawn()`: the Process of @netrunner/types (documented there). */
export class Process implements ProcessContract {
  readonly #state: ChildState;
  readonly #stop: StopPolicy;
  /** The exit as first reported; later wait() calls give the same object. */
  #exit: ExitInfo | undefined;
  readonly #hold: Hold = (op) => this.#state.hold(this, op);
  /** Streams made on first use; an output has one read position, so each is made once. */
  #readable: ReadableStream<Uint8Array> | undefined;
  #stderrReadable: ReadableStream<Uint8Array> | undefined;
  #writable: WritableStream<Uint8Array> | undefined;
  #nodeStdout: NodeReadable | undefined;
  #nodeStderr: NodeReadable | undefined;
  #nodeStdin: NodeWritable | undefined;

  /** @internal Use spawn(). */
  constructor(state: ChildState, stop: StopPolicy) {
    this.#state = state;
    this.#stop = stop;
    watch(this, state);
  }

  get pid(): number {
    return this.#state.pid;
  }

  get alive(): boolean {
    return this.#state.outcome === null;
  }

  read(): Promise<Uint8Array | null> {
    return this.#hold(this.#state.stdout.read());
  }

  readStderr(): Promise<Uint8Array | null> {
    return this.#hold(this.#state.stderr.read());
  }

  get stdout(): AsyncIterable<Uint8Array> {
    return iterate(this.#hold, this.#state.stdout);
  }

  get stderr(): AsyncIterable<Uint8Array> {
    return iterate(this.#hold, this.#state.stderr);
  }

  get readable(): ReadableStream<Uint8Array> {
    return (this.#readable ??= outputReadable(this.#hold, this.#state.stdout));
  }

  get stderrReadable(): ReadableStream<Uint8Array> {
    return (this.#stderrReadable ??= outputReadable(this.#hold, this.#state.stderr));
  }

  get writable(): WritableStream<Uint8Array> {
    return (this.#writable ??= inputWritable(this));
  }

  nodeStdout(): NodeReadable {
    return (this.#nodeStdout ??= outputNodeReadable(this.#nodeClasses(), this.#hold, this.#state.stdout));
  }

  nodeStderr(): NodeReadable {
    return (this.#nodeStderr ??= outputNodeReadable(this.#nodeClasses(), this.#hold, this.#state.stderr));
  }

  nodeStdin(): NodeWritable {
    return (this.#nodeStdin ??= inputNodeWritable(this.#nodeClasses(), this));
  }

  #nodeClasses(): NodeInterop {
    const interop = this.#state.nodeInterop;
    if (interop === undefined) {
      throw new NetRunnerError('Node streams need node:stream, which this runtime lacks; use readable/writable (web streams)', {
        code: 'ENOTSUP',
      });
    }
    return interop;
  }

  lines(from: OutputName = 'stdout'): AsyncIterable<string> {
    if (from !== 'stdout' && from !== 'stderr') throw new ValidationError('lines(from)', "'stdout' or 'stderr'", from);
    return linesOf(iterate(this.#hold, this.#state[from]));
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
      throw new ValidationError('data', 'a string or a Uint8Array', data);
    }
    const bytes = typeof data === 'string' ? utf8.encode(data) : data;
    if (bytes.length > 0) await this.#hold(this.#state.write(bytes));
  }

  closeStdin(): Promise<void> {
    return this.#hold(this.#state.closeStdin());
  }

  kill(signal: Signal = 'SIGTERM'): boolean {
    return this.#state.signal(signalNumber(signal));
  }

  wait(): Promise<ExitInfo> {
    return this.#hold(
      this.#state.drained().then((outcome) => (this.#exit ??= this.#state.exitInfo(outcome))),
    );
  }

  stats(): Stats {
    return this.#state.stats();
  }

  resize(rows: number, cols: number): void {
    for (const [field, v] of [['rows', rows], ['cols', cols]] as const) {
      if (!Number.isInteger(v) || v < 1 || v > 65535) throw new ValidationError(field, 'an integer from 1 to 65535', v);
    }
    this.#state.resize(rows, cols);
  }

  stop(): Promise<ExitInfo> {
    const state = this.#state;
    return this.#hold(terminate(state, this.#stop).then(() => state.exited).then((o) => state.exitInfo(o)));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    try {
      await this.stop().catch((e: unknown) => {
        if (!NetRunnerError.isInstance(e)) throw e;
      });
    } finally {
      this.#state.release();
      unwatch(this.#state);
    }
  }
}
