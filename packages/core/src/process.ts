import { NetRunnerError, ValidationError, signalNumber, type ExitInfo, type Signal, type Stats } from '@netrunner/types';
import type { ChildState } from './child-state.js';
import { unwatch, watch } from './finalizer.js';
import type { OutputChannel } from './output-channel.js';
import { terminate, type StopPolicy } from './terminate.js';

const utf8 = new TextEncoder();

type Hold = <T>(op: Promise<T>) => Promise<T>;

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

/**
 * A running child, from `spawn()`. Its process group is killed if the
 * Process is garbage collected while nothing can observe it any more: no
 * reference, no pending wait(), read(), write() or closeStdin(), no live
 * iterator. A running child keeps the event loop alive, as with child_process.
 *
 * @example
 * await using p = await spawn(['cat']);
 * await p.write('hello world');
 * await p.closeStdin();
 * await p.read();  // Uint8Array "hello world"
 * await p.read();  // null (EOF)
 * await p.wait();  // { pid, exitCode: 0, signal: null, outputCut: false }
 */
export class Process implements AsyncDisposable {
  readonly #state: ChildState;
  readonly #stop: StopPolicy;
  /** The exit as first reported; later wait() calls give the same object. */
  #exit: ExitInfo | undefined;
  readonly #hold: Hold = (op) => this.#state.hold(this, op);

  /** @internal Use spawn(). */
  constructor(state: ChildState, stop: StopPolicy) {
    this.#state = state;
    this.#stop = stop;
    watch(this, state);
  }

  /** The OS pid; also the id of the child's process group. */
  get pid(): number {
    return this.#state.pid;
  }

  /** True until the child has been reaped. */
  get alive(): boolean {
    return this.#state.outcome === null;
  }

  /** The next stdout chunk (whatever the OS delivered), or null at EOF. */
  read(): Promise<Uint8Array | null> {
    return this.#hold(this.#state.stdout.read());
  }

  /** The next stderr chunk, or null at EOF (always null unless stderr is 'consume'). */
  readStderr(): Promise<Uint8Array | null> {
    return this.#hold(this.#state.stderr.read());
  }

  /** Stdout as an async iterable (shares position with read()). */
  get stdout(): AsyncIterable<Uint8Array> {
    return iterate(this.#hold, this.#state.stdout);
  }

  /** Stderr as an async iterable (shares position with readStderr()). */
  get stderr(): AsyncIterable<Uint8Array> {
    return iterate(this.#hold, this.#state.stderr);
  }

  /** Write to stdin (strings as UTF-8); resolves when the bytes are in the pipe. */
  async write(data: string | Uint8Array): Promise<void> {
    if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
      throw new ValidationError('data', 'a string or a Uint8Array', data);
    }
    const bytes = typeof data === 'string' ? utf8.encode(data) : data;
    if (bytes.length > 0) await this.#hold(this.#state.write(bytes));
  }

  /**
   * Close stdin so the child reads EOF; later write() calls reject (EPIPE).
   * Under a PTY, which has no half-close, this types the EOF character
   * (Ctrl-D, twice when the last byte written did not end a line), so a
   * program reading lines (cat, sh, python) sees end of file just as at a
   * terminal; a program in raw mode receives the byte 0x04. stdout stays
   * readable and resize() keeps working.
   */
  closeStdin(): Promise<void> {
    return this.#hold(this.#state.closeStdin());
  }

  /**
   * Send a signal to the child's whole process group. Returns false if the
   * child was already gone. Throws ValidationError for an unknown signal.
   */
  kill(signal: Signal = 'SIGTERM'): boolean {
    return this.#state.signal(signalNumber(signal));
  }

  /**
   * The exit, reported once (every call resolves with the same object).
   * Resolves after the child is reaped and whoever is reading stdout/stderr
   * when wait() is called has reached EOF: a pending read(), or a `for await`
   * over `stdout`/`stderr` that is waiting for its next chunk. A `for await`
   * whose loop body is running when wait() is called (it may be the caller:
   * `for await (const c of p.stdout) await p.wait()`) is not waited for.
   * Bytes nobody was reading stay readable afterwards. Output a grandchild
   * keeps open is waited for at most `waitDelay` after the exit, then cut
   * (`outputCut: true`). Rejects with code 'ESHEPHERD' if the shepherd died.
   */
  wait(): Promise<ExitInfo> {
    return this.#hold(
      this.#state.drained().then((outcome) => (this.#exit ??= this.#state.exitInfo(outcome))),
    );
  }

  /** I/O counters and, once exited, exit status and rusage. */
  stats(): Stats {
    return this.#state.stats();
  }

  /** Set the terminal size of a PTY child (it receives SIGWINCH). */
  resize(rows: number, cols: number): void {
    for (const [field, v] of [['rows', rows], ['cols', cols]] as const) {
      if (!Number.isInteger(v) || v < 1 || v > 65535) throw new ValidationError(field, 'an integer from 1 to 65535', v);
    }
    this.#state.resize(rows, cols);
  }

  /** killSignal (SIGTERM by default), then SIGKILL after `killTimeout`, then SIGKILL to what is left of the group; resolves with the exit. */
  stop(): Promise<ExitInfo> {
    const state = this.#state;
    return this.#hold(terminate(state, this.#stop).then(() => state.exited).then((o) => state.exitInfo(o)));
  }

  /** Stop the child if it still runs (SIGTERM, killTimeout, SIGKILL) and what is left of its group, then close every fd. */
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
