import { NetRunnerError, StdinClosedError, signalName, type ExitInfo, type NormalizedStdio, type Stats, type StdinClosedReason } from '@netrunner/types';
import type { FdWriter, NativeHost, NodeInterop, RuntimeAdapter, SpawnedChild } from './adapter.js';
import type { ExitRecord } from './decode-exit-record.js';
import { isHangUp } from './hang-up.js';
import type { HostManager } from './host-manager.js';
import type { TrackedChild } from './live-children.js';
import { Notifier } from './notifier.js';
import { OutputChannel } from './output-channel.js';
import { OutputDeadline } from './output-deadline.js';
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
export type ExitOutcome = { info: Omit<ExitInfo, 'outputCut'>; record: ExitRecord } | { error: NetRunnerError };

/** How a child is run, beyond its fds. */
export interface ChildSetup {
  pty: boolean;
  /** The cgroup path as given in the spawn request, or null. */
  cgroup: string | null;
  /** See SpawnOptions.waitDelay. */
  waitDelay: number;
  /** The sandbox's private directory (the shepherd removes it; the host does if the shepherd dies first). */
  privateTmp?: string | null;
  /** The command as spawned, for error messages. */
  argv: readonly string[];
  /** Where stdin comes from (absent: a pipe). */
  stdin?: NormalizedStdio;
  /** How the status pipe is read (a pipeline's carries a record per member); default: one exit record. */
  readExit?: (fd: number) => Promise<ExitRecord | null>;
}

/**
 * Everything about one running child that outlives user references: fds,
 * counters, the exit outcome. The host manager tracks it until release().
 * It points back at the Process that wraps it only while an operation of
 * that Process is pending (hold()), so a Process nobody can observe any more
 * can be garbage collected (and its child killed) even while the event loop
 * still reads the status pipe into this state.
 */
export class ChildState implements TrackedChild {
  readonly pid: number;
  readonly pty: boolean;
  readonly cgroup: string | null;
  readonly privateTmp: string | null;
  readonly host: NativeHost;
  readonly argv: readonly string[];
  /** The PTY master (for resize), or -1. */
  readonly ptyFd: number;
  readonly changed = new Notifier();
  readonly stdout: OutputChannel;
  readonly stderr: OutputChannel;
  readonly exited: Promise<ExitOutcome>;
  outcome: ExitOutcome | null = null;
  /** True once output still open `waitDelay` ms after the exit was cut. */
  get outputCut(): boolean {
    return this.#deadline.cut || this.stdout.cut || this.stderr.cut;
  }
  /** node:stream and Buffer, when the runtime lends them (see RuntimeAdapter.nodeInterop). */
  get nodeInterop(): NodeInterop | undefined {
    return this.#adapter.nodeInterop;
  }
  bytesIn = 0;
  writeCount = 0;
  stdinClosed: boolean;
  /** Why stdin is closed while the child runs: closeStdin(), or it never was open (pty or no pipe). */
  #closedBy: StdinClosedReason = 'closed by the child';
  /** Where stdin comes from when it is not a pipe, as the option reads: 'inherit', 'ignore', { file }, { fd }; else null. */
  readonly stdinElsewhere: string | null;
  /** The last byte written to stdin, or -1 before any (under a PTY, decides how closeStdin sends EOF). */
  #lastByte = -1;
  #stdin: FdWriter | null;
  /** stdin's fd until a writer takes it (created on the first write), else -1. */
  #stdinFd = -1;
  #adapter: RuntimeAdapter;
  #hosts: HostManager;
  #startedAt = performance.now();
  #endedAt: number | null = null;
  #deadline: OutputDeadline;
  /** The Process that wraps this state, while it has an operation pending. */
  #owner: object | null = null;
  #holds = 0;
  #onRelease: Array<() => void> = [];

  constructor(adapter: RuntimeAdapter, hosts: HostManager, host: NativeHost, child: SpawnedChild, setup: ChildSetup) {
    const { pty } = setup;
    this.pid = child.pid;
    this.pty = pty;
    this.cgroup = setup.cgroup;
    this.privateTmp = setup.privateTmp ?? null;
    this.argv = setup.argv;
    this.host = host;
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
    const stdinKind = setup.stdin?.kind ?? 'pipe';
    this.stdinElsewhere = stdinKind === 'pipe' ? null : stdinKind === 'file' || stdinKind === 'fd' ? `{ ${stdinKind} }` : `'${stdinKind}'`;
    if (this.stdinElsewhere !== null) this.#closedBy = `not a pipe (stdin: ${this.stdinElsewhere}): the child reads it from elsewhere`;
    this.#deadline = new OutputDeadline(this, setup.waitDelay);
    hosts.children.add(this);
    const readExit = setup.readExit ?? ((fd: number) => readExitStatus(adapter, fd));
    this.exited = readExit(child.statusFd).then((record) => {
      // No record: the shepherd died. The child died with it (PDEATHSIG),
      // but what it and its siblings started did not.
      if (record === null) hosts.shepherdDied(host);
      return this.#onExit(record);
    });
  }

  /**
   * Keep `owner` (the Process) reachable from this state until `op`
   * settles: the event loop keeps this state alive while the child runs, so
   * a pending wait(), read() or write() keeps the Process, and its child,
   * from being collected. Resolves or rejects as `op` does.
   */
  hold<T>(owner: object, op: Promise<T>): Promise<T> {
    this.#owner = owner;
    this.#holds++;
    const drop = (): void => {
      if (--this.#holds === 0) this.#owner = null;
    };
    return op.then(
      (value) => {
        drop();
        return value;
      },
      (e: unknown) => {
        drop();
        throw e;
      },
    );
  }


  #onExit(record: ExitRecord | null): ExitOutcome {
    this.#endedAt = performance.now();
    this.outcome =
      record === null
        ? { error: new NetRunnerError(`The shepherd exited before reporting the exit of the child (pid ${this.pid})`, { code: 'ESHEPHERD', pid: this.pid, argv: this.argv }) }
        : { record, info: { pid: this.pid, exitCode: record.exitStatus, signal: record.termSignal ? signalName(record.termSignal) : null } };
    // The child is gone: nobody will read its stdin any more.
    this.#closeStdinNow();
    this.#deadline.start();
    this.changed.wake();
    return this.outcome;
  }

  /** Write bytes to stdin; resolves once they are in the pipe. */
  async write(chunk: Uint8Array): Promise<void> {
    if (this.stdinClosed) {
      // A stdin that is not a pipe never takes bytes, even after the exit.
      const reason = this.stdinElsewhere === null && this.outcome !== null ? 'the child has exited' : this.#closedBy;
      throw this.#stdinClosed(reason);
    }
    if (this.#stdin === null) {
      this.#stdin = this.#adapter.writer(this.#stdinFd);
      this.#stdinFd = -1;
    }
    this.writeCount++;
    this.#lastByte = chunk[chunk.length - 1] ?? this.#lastByte;
    try {
      await this.#stdin.write(chunk);
    } catch (e) {
      // EPIPE from the runtime's writer (its text differs by runtime), or the writer closed under it.
      throw this.#stdinClosed(this.outcome !== null ? 'the child has exited' : 'closed by the child', e);
    }
    this.bytesIn += chunk.length;
  }

  #stdinClosed(reason: StdinClosedReason, cause?: unknown): StdinClosedError {
    return new StdinClosedError(reason, { pid: this.pid, argv: this.argv, cause });
  }

  /**
   * Close stdin so the child reads EOF. A pipe is half-closed. A terminal
   * cannot be: under a PTY the EOF character (Ctrl-D) is typed instead, twice
   * if a line is pending, so a canonical-mode reader sees end of file; later
   * writes reject, while the master stays open for reading and resize.
   */
  async closeStdin(): Promise<void> {
    if (this.stdinClosed) return;
    this.#closedBy = 'closed by closeStdin()';
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

  /**
   * Signal the child's process group: true if delivered, false if nothing
   * of it is left. The shepherd is asked even after the child was reaped:
   * its group may live on (grandchildren); only a dead shepherd's children
   * are not (the host killed their groups when it died).
   */
  signal(sig: number): boolean {
    if (this.outcome !== null && 'error' in this.outcome) return false;
    const rc = this.host.signal(this.pid, sig);
    if (rc === 0) return true;
    if (rc === -ESRCH) return false;
    if (isHangUp(rc)) {
      // The shepherd died and nothing noticed yet (this child had exited):
      // the host kills the groups it left, this one included, by id.
      this.#hosts.shepherdDied(this.host);
      return false;
    }
    throw new NetRunnerError(`Cannot signal process ${this.pid}: errno ${-rc}`, { pid: this.pid, code: 'ESIGNAL', argv: this.argv });
  }

  /**
   * SIGKILL what is left of the group of a child that has exited. Asks the
   * shepherd only when the group may still have a member: an empty group
   * (the common case) costs no round trip. A group id taken over since by
   * a new group is no harm: the shepherd then has no entry for it.
   */
  killLeftovers(): void {
    if (this.#adapter.groupExists?.(this.pid) === false) return;
    this.signal(SIGKILL);
  }

  /** Set the PTY window size. */
  resize(rows: number, cols: number): void {
    if (this.ptyFd < 0) throw new NetRunnerError('resize() needs a process spawned with `pty`', { code: 'ENOTTY', pid: this.pid });
    if (this.stdout.eof) return;
    const rc = this.host.ptyResize(this.ptyFd, rows, cols);
    if (rc < 0) throw new NetRunnerError(`Cannot resize the terminal: errno ${-rc}`, { code: 'ERESIZE', pid: this.pid });
  }

  /**
   * Resolves when the exit is known and every consumer of stdout/stderr has
   * drained what it is reading, except iterators suspended at a yield now
   * (their loop body runs: it may be the caller, so waiting would deadlock).
   */
  async drained(): Promise<ExitOutcome> {
    const idleOut = this.stdout.idleIterations();
    const idleErr = this.stderr.idleIterations();
    const outcome = await this.exited;
    while (!(this.stdout.settled(idleOut) && this.stderr.settled(idleErr))) await this.changed.next();
    return outcome;
  }

  /** The exit as reported to the user, or the error of a dead shepherd. */
  exitInfo(outcome: ExitOutcome): ExitInfo {
    if ('error' in outcome) throw outcome.error;
    return { ...outcome.info, outputCut: this.outputCut };
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

  /** Run `fn` at release(). */
  onRelease(fn: () => void): void {
    this.#onRelease.push(fn);
  }

  /** Close every fd this child still holds and stop tracking it. Idempotent. */
  release(): void {
    this.#closeStdinNow();
    this.stdout.release();
    this.stderr.release();
    this.#deadline.clear();
    this.#hosts.children.delete(this);
    const callbacks = this.#onRelease;
    this.#onRelease = [];
    for (const fn of callbacks) fn();
  }
}
