import type { ExitInfo, Stats } from '../result.js';
import type { Signal } from '../signal.js';
import type { NodeReadable, NodeWritable } from './node-streams.js';

/** Which output of a child: its stdout or its stderr. */
export type OutputName = 'stdout' | 'stderr';

/**
 * A running child, from `spawn()`. Its process group is killed if the
 * Process is garbage collected while nothing can observe it any more: no
 * reference, no pending wait(), read(), write() or closeStdin(), no live
 * iterator or stream. A running child keeps the event loop alive, as with
 * child_process.
 *
 * Each output has one read position, shared by every way of reading it
 * (read(), the `stdout` iterable, `readable`, nodeStdout(), lines()): use
 * one of them per output. A child whose output nobody reads blocks once
 * the pipe is full; choose `stdout: 'ignore'` or `'inherit'` for output
 * you do not want.
 *
 * @example
 * await using p = await spawn(['cat']);
 * await p.write('hello world');
 * await p.closeStdin();
 * await p.read();  // Uint8Array "hello world"
 * await p.read();  // null (EOF)
 * await p.wait();  // { pid, exitCode: 0, signal: null, outputCut: false }
 */
export interface Process extends AsyncDisposable {
  /** The OS pid; also the id of the child's process group. */
  readonly pid: number;
  /** True until the child has been reaped. */
  readonly alive: boolean;
  /** The next stdout chunk (whatever the OS delivered), or null at EOF. */
  read(): Promise<Uint8Array | null>;
  /** The next stderr chunk, or null at EOF (always null unless stderr is piped). */
  readStderr(): Promise<Uint8Array | null>;
  /** Stdout as an async iterable. */
  readonly stdout: AsyncIterable<Uint8Array>;
  /** Stderr as an async iterable. */
  readonly stderr: AsyncIterable<Uint8Array>;
  /**
   * Stdout as a web ReadableStream (the same object on every access). It
   * reads from the child only when pulled, so a slow consumer blocks the
   * child instead of filling memory. Cancelling it closes stdout.
   *
   * @example
   * const p = await spawn(['tar', 'c', 'dir']);
   * return new Response(p.readable);
   */
  readonly readable: ReadableStream<Uint8Array>;
  /** Stderr as a web ReadableStream, as `readable` is for stdout. */
  readonly stderrReadable: ReadableStream<Uint8Array>;
  /**
   * Stdin as a web WritableStream (the same object on every access):
   * closing it closes stdin, so the child reads EOF.
   *
   * @example
   * await file.stream().pipeTo(p.writable);
   */
  readonly writable: WritableStream<Uint8Array>;
  /**
   * Stdout as a Node Readable (node:stream, on Node and on Bun), the same
   * object on every call, with backpressure: it reads from the child when
   * its buffer has room. Destroying it closes stdout.
   *
   * @example
   * await pipeline(p.nodeStdout(), createGzip(), createWriteStream('out.gz'));
   */
  nodeStdout(): NodeReadable;
  /** Stderr as a Node Readable, as nodeStdout() is for stdout. */
  nodeStderr(): NodeReadable;
  /**
   * Stdin as a Node Writable, the same object on every call; end() closes
   * stdin.
   *
   * @example
   * await pipeline(createReadStream('in.txt'), p.nodeStdin());
   */
  nodeStdin(): NodeWritable;
  /**
   * The lines of stdout (or of stderr), decoded as UTF-8 (a character split
   * across chunks is kept whole), without their `\n` or `\r\n`. A last line
   * without a newline is given too; an empty output gives no line.
   *
   * @example
   * for await (const line of p.lines()) console.log(line);
   */
  lines(from?: OutputName): AsyncIterable<string>;
  /** Write to stdin (strings as UTF-8); resolves when the bytes are in the pipe. */
  write(data: string | Uint8Array): Promise<void>;
  /**
   * Close stdin so the child reads EOF; later write() calls reject (EPIPE).
   * Under a PTY, which has no half-close, this types the EOF character
   * (Ctrl-D, twice when the last byte written did not end a line).
   */
  closeStdin(): Promise<void>;
  /**
   * Send a signal to the child's whole process group. Returns false if the
   * child was already gone. Throws ValidationError for an unknown signal.
   */
  kill(signal?: Signal): boolean;
  /**
   * The exit, reported once (every call resolves with the same object).
   * Resolves after the child is reaped and whoever is reading stdout/stderr
   * when wait() is called has reached EOF. Bytes nobody was reading stay
   * readable afterwards. Output a grandchild keeps open is waited for at
   * most `waitDelay` after the exit, then cut (`outputCut: true`). Rejects
   * with code 'ESHEPHERD' if the shepherd died.
   */
  wait(): Promise<ExitInfo>;
  /** I/O counters and, once exited, exit status and rusage. */
  stats(): Stats;
  /** Set the terminal size of a PTY child (it receives SIGWINCH). */
  resize(rows: number, cols: number): void;
  /** SIGTERM, then SIGKILL after `killTimeout`, then SIGKILL to what is left of the group; resolves with the exit. */
  stop(): Promise<ExitInfo>;
  /** Stop the child if it still runs and what is left of its group, then close every fd. */
  [Symbol.asyncDispose](): Promise<void>;
}
