import { NetRunnerError, signalName, type ExitInfo, type Stats } from '@netrunner/types';
import type { FdWriter, RuntimeAdapter, SpawnedChild } from './adapter.js';
import type { ExitRecord } from './decode-exit-record.js';
import type { HostManager } from './host-manager.js';
import { Notifier } from './notifier.js';
import { OutputChannel } from './output-channel.js';
import { readExitStatus } from './read-exit-record.js';

const ESRCH = 3;
const SIGKILL = 9;
// VEOF (Ctrl-D), the terminal's default end-of-file character.
const EOF_ONCE = new Uint8Array([4]);
// Mid-line, the first VEOF only hands the pending line to the reader; the second is the end of file.
const EOF_TWICE = new Uint8Array([4, 4]);
// Bytes after which a terminal's line is empty: newline, carriage return (ICRNL), VEOF, Ctrl-C (flushes input).
const LINE_START = new Set([10, 13, 4, 3]);

/** How the status pipe ended: a record, or the shepherd's death. */
export type ExitOutcome = { info: ExitInfo; record: ExitRecord } | { error: NetRunnerError };

/**
 * Everything about one running child that outlives user references: fds,
 * counters, the exit outcome. It never points back at the Process that wraps
 * it, so an abandoned Process can be garbage collected (and its child killed)
 * even while the event loop still reads the status pipe into this state.
 */
export class ChildState {
  readonly pid: number;
  readonly pty: boolean;
  /** The PTY master (for resize), or -1. */
  readonly ptyFd: number;
  readonly changed = new Notifier();
  readonly stdout: OutputChannel;
  readonly stderr: OutputChannel;
  readonly exited: Promise<ExitOutcome>;
  outcome: ExitOutcome | null = null;
  bytesIn = 0;
  writeCount = 0;
  stdinClosed: boolean;
  /** The last byte written to stdin, or -1 before any (under a PTY, decides how closeStdin sends EOF). */
  #lastByte = -1;
  #stdin: FdWriter | null;
  /** stdin's fd until a writer takes it (created on the first write), else -1. */
  #stdinFd = -1;
  #adapter: RuntimeAdapter;
  #hosts: HostManager;
  #startedAt = performance.now();
  #endedAt: number | null = null;

  constructor(adapter: RuntimeAdapter, hosts: HostManager, child: SpawnedChild, pty: boolean) {
    this.pid = child.pid;
    this.pty = pty;
    this.ptyFd = pty ? child.stdoutFd : -1;
    this.#adapter = adapter;
    this.#hosts = hosts;
    let stdin: FdWriter | null = null;
    if (pty) {
      const io = adapter.duplex(child.stdoutFd);
      this.stdout = new OutputChannel(io.reader, this.changed);
      stdin = io.writer;
      if (child.stdinFd >= 0) adapter.closeFd(child.stdinFd);
    } else {
      this.stdout = new OutputChannel(child.stdoutFd >= 0 ? adapter.reader(child.stdoutFd) : null, this.changed);
      // No writer until the first write: most children are never written to,
      // and closing a bare fd is far cheaper than ending a stream.
      this.#stdinFd = child.stdinFd;
    }
    this.stderr = new OutputChannel(child.stderrFd >= 0 ? adapter.reader(child.stderrFd) : null, this.changed);
    this.#stdin = stdin;
    this.stdinClosed = stdin === null && this.#stdinFd < 0;
    this.exited = readExitStatus(adapter, child.statusFd).then((record) => {
      // No record: the shepherd died. The child died with it (PDEATHSIG),
      // but what it started did not: their group outlives them, so kill it
      // here. The group id cannot have been reused while a member lives.
      if (record === null) adapter.killGroup(this.pid, SIGKILL);
      return this.#onExit(record);
    });
  }

  #onExit(record: ExitRecord | null): ExitOutcome {
    this.#endedAt = performance.now();
    this.outcome =
      record === null
        ? { error: new NetRunnerError('The shepherd exited before reporting the exit of the child', { code: 'ESHEPHERD', pid: this.pid }) }
        : { record, info: { pid: this.pid, exitCode: record.exitStatus, signal: record.termSignal ? signalName(record.termSignal) : null } };
    // The child is gone: nobody will read its stdin any more.
    this.#closeStdinNow();
    this.changed.wake();
    return this.outcome;
  }

  /** Write bytes to stdin; resolves once they are in the pipe. */
  async write(chunk: Uint8Array): Promise<void> {
    if (this.stdinClosed) {
      throw new NetRunnerError('stdin is closed', { code: 'EPIPE', pid: this.pid });
    }
    if (this.#stdin === null) {
      this.#stdin = this.#adapter.writer(this.#stdinFd);
      this.#stdinFd = -1;
    }
    this.writeCount++;
    this.#lastByte = chunk[chunk.length - 1] ?? this.#lastByte;
    await this.#stdin.write(chunk);
    this.bytesIn += chunk.length;
  }

  /**
   * Close stdin so the child reads EOF. A pipe is half-closed. A terminal
   * cannot be: under a PTY the EOF character (Ctrl-D) is typed instead, twice
   * if a line is pending, so a canonical-mode reader sees end of file; later
   * writes reject, while the master stays open for reading and resize.
   */
  async closeStdin(): Promise<void> {
    if (this.stdinClosed) return;
    if (!this.pty) {
      this.stdinClosed = true;
      const stdin = this.#stdin;
      this.#stdin = null;
      if (stdin === null) {
        this.#closeStdinFd();
        return;
      }
      await stdin.end().catch(() => stdin.destroy());
      return;
    }
    if (this.#stdin === null) return;
    this.stdinClosed = true;
    const stdin = this.#stdin;
    // The writer half is kept until the child is reaped (#onExit): closing
    // the master while the child lives hangs its terminal up (SIGHUP), and a
    // child that closes its fds before exiting (cat does) would race it.
    const atLineStart = this.#lastByte < 0 || LINE_START.has(this.#lastByte);
    await stdin.write(atLineStart ? EOF_ONCE : EOF_TWICE).catch(() => undefined);
  }

  #closeStdinNow(): void {
    this.stdinClosed = true;
    const stdin = this.#stdin;
    this.#stdin = null;
    stdin?.destroy();
    this.#closeStdinFd();
  }

  #closeStdinFd(): void {
    const fd = this.#stdinFd;
    this.#stdinFd = -1;
    if (fd >= 0) this.#adapter.closeFd(fd);
  }

  /** Signal the child's process group: true if delivered, false if it is gone. */
  signal(sig: number): boolean {
    if (this.outcome !== null) return false;
    const rc = this.#hosts.signal(this.pid, sig);
    if (rc === 0) return true;
    if (rc === -ESRCH) return false;
    throw new NetRunnerError(`Cannot signal process ${this.pid}: errno ${-rc}`, { pid: this.pid, code: 'ESIGNAL' });
  }

  /** Set the PTY window size. */
  resize(rows: number, cols: number): void {
    if (this.ptyFd < 0) throw new NetRunnerError('resize() needs a process spawned with `pty`', { code: 'ENOTTY', pid: this.pid });
    if (this.stdout.eof) return;
    const rc = this.#hosts.host.ptyResize(this.ptyFd, rows, cols);
    if (rc < 0) throw new NetRunnerError(`Cannot resize the terminal: errno ${-rc}`, { code: 'ERESIZE', pid: this.pid });
  }

  /** Resolves when the exit is known and every consumer of stdout/stderr has drained what it is reading. */
  async drained(): Promise<ExitOutcome> {
    const outcome = await this.exited;
    while (!(this.stdout.settled && this.stderr.settled)) await this.changed.next();
    return outcome;
  }

  /** A snapshot of the stats. */
  stats(): Stats {
    const rec = this.outcome !== null && 'record' in this.outcome ? this.outcome.record : null;
    const ms = (us: number | undefined) => (us === undefined ? null : Math.round(us / 1000));
    const opt = (v: number | undefined) => (v === undefined || v < 0 ? null : v);
    return {
      bytesIn: this.bytesIn,
      bytesOut: this.stdout.bytes,
      bytesErr: this.stderr.bytes,
      readCount: this.stdout.reads,
      writeCount: this.writeCount,
      durationMs: Math.round((this.#endedAt ?? performance.now()) - this.#startedAt),
      exitStatus: rec ? rec.exitStatus : null,
      userCpuMs: ms(rec?.userCpuUs),
      systemCpuMs: ms(rec?.systemCpuUs),
      maxRssKb: rec ? rec.maxRssKb : null,
      cgroupMemoryPeak: opt(rec?.cgroupMemoryPeak),
      cgroupOomKills: opt(rec?.cgroupOomKills),
    };
  }

  /** Close every fd this child still holds. */
  release(): void {
    this.#closeStdinNow();
    this.stdout.release();
    this.stderr.release();
  }
}
