import { NetRunnerError, type ExitInfo, type SpawnOptions } from '@netrunner/types';
import type { DaemonOptions, DaemonProcess, DaemonRunner, DaemonStatus, RestartPolicy } from './daemon-options.js';
import { DaemonStateMachine } from './daemon-state.js';
import { OutputSink } from './output-sink.js';
import { restartDelay } from './restart-delay.js';
import { isPermanentSpawnFailure, restartWanted } from './restart-policy.js';
import { StartCancelledError } from './start-cancelled-error.js';
import { validateDaemonOptions } from './validate-daemon-options.js';
import { watchChild } from './watch-child.js';

/** A child that ran this long before exiting resets the restart backoff. */
const STABLE_MS = 10_000;

/**
 * A supervised long-running process. Its stdout and stderr are always
 * drained (the child never blocks on a full pipe), the last 64 KiB of each
 * are kept for status(), it is restarted by policy, and stop() ends it
 * gracefully: SIGTERM to its group, SIGKILL after killTimeout.
 *
 * At most one child exists and at most one spawn is in flight, whatever the
 * order of start() and stop() calls; `status().state` tells where the daemon
 * is (see {@link DaemonState}).
 *
 * @example
 * import * as runner from '@netrunner/node';
 * const redis = new Daemon({ runner, argv: ['redis-server', '--port', '6380'], onOutput: 'log' });
 * await redis.start();
 * redis.pid;            // 12345
 * await redis.write('PING\r\n');
 * await redis.stop();   // SIGTERM, 5 s, SIGKILL
 */
export class Daemon implements AsyncDisposable {
  readonly #argv: readonly string[];
  readonly #label: string;
  readonly #runner: DaemonRunner;
  readonly #spawnOptions: SpawnOptions;
  readonly #policy: RestartPolicy;
  readonly #baseDelay: number;
  readonly #maxRestarts: number;
  readonly #log: (line: string) => void;
  readonly #sink: OutputSink;
  readonly #machine = new DaemonStateMachine();
  #child: DaemonProcess | null = null;
  #startedAt = 0;
  /** The latest launch; read only in 'starting' and by the stop() that came during it. */
  #launching: Promise<void> = Promise.resolve();
  /** The stop in flight; read only in 'stopping'. */
  #stopping: Promise<ExitInfo | null> = Promise.resolve(null);
  /** Settles once the current child has exited, its output ended and its exit is recorded. */
  #exited: Promise<void> = Promise.resolve();
  /** False once stop() is called after the last start(): a start() queued behind a stop is then cancelled. */
  #wanted = false;
  #restarts = 0;
  #consecutive = 0;
  #lastExit: ExitInfo | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: DaemonOptions) {
    validateDaemonOptions(options);
    const { argv, runner, onOutput: _o, restart, restartDelay: delay, maxRestarts, logger, ...spawnOptions } = options;
    this.#argv = argv;
    this.#label = String(argv[0]);
    this.#runner = runner;
    this.#spawnOptions = { ...spawnOptions, stdin: 'pipe', stdout: 'pipe', stderr: 'pipe' };
    this.#policy = restart ?? 'on-failure';
    this.#baseDelay = delay ?? 1000;
    this.#maxRestarts = maxRestarts ?? Infinity;
    this.#log = logger ?? ((line) => console.error(line));
    this.#sink = new OutputSink(options.onOutput ?? 'discard', this.#log, this.#label);
  }

  /** The running child's pid, or null. */
  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  /** True while a child runs. */
  get alive(): boolean {
    return this.#child?.alive ?? false;
  }

  /**
   * Start the child; resolves once it is spawned and running. A no-op while
   * it runs; calls made while it is being spawned share that one spawn.
   * During a restart's backoff it starts at once, with the restart count
   * and backoff afresh. During stop() it waits for the stop to finish and
   * then starts a new child. Rejects with the spawn's error (the daemon is
   * then stopped and nothing is retried, unless the spawn was a restart's),
   * or with StartCancelledError when a stop() comes before it is running.
   *
   * @example
   * await Promise.all([d.start(), d.start()]); // one child
   * const starting = d.start();
   * await d.stop();   // waits for that spawn, then stops its child
   * await starting;   // rejects with StartCancelledError
   */
  start(): Promise<void> {
    this.#wanted = true;
    switch (this.#machine.state) {
      case 'running':
        return Promise.resolve();
      case 'starting':
        return this.#launching;
      case 'stopping':
        return this.#stopping.then(() => this.#startAfterStop());
      case 'backoff':
        this.#cancelRestart();
        break;
    }
    this.#consecutive = 0;
    return this.#launch(false);
  }

  /**
   * Stop the child and every restart: SIGTERM to its group, SIGKILL after
   * killTimeout. Resolves with its last exit once nothing runs, with the
   * state 'stopped'. A stop() during a spawn waits for it and stops that
   * child. Concurrent calls share one stop; a call when nothing runs
   * resolves at once. A child that exits during the stop, however it
   * exits, is not restarted.
   *
   * @example
   * await d.stop(); // { pid: 12345, exitCode: 143, signal: 'SIGTERM' }
   * d.status();     // { state: 'stopped', running: false, pid: null, ... }
   */
  stop(): Promise<ExitInfo | null> {
    this.#wanted = false;
    switch (this.#machine.state) {
      case 'stopping':
        return this.#stopping;
      case 'starting':
      case 'running':
        this.#machine.to('stopping');
        this.#stopping = this.#stopChild(this.#launching);
        return this.#stopping;
      case 'backoff':
        this.#cancelRestart();
        this.#machine.to('stopped');
        break;
      case 'exited':
        this.#machine.to('stopped');
        break;
    }
    return Promise.resolve(this.#lastExit);
  }

  /** Write to the child's stdin; resolves when the bytes are in the pipe. */
  async write(data: string | Uint8Array): Promise<void> {
    const child = this.#machine.state === 'running' ? this.#child : null;
    if (!child) throw new NetRunnerError(`The daemon ${this.#label} is not running`, { code: 'ENOTRUNNING' });
    await child.write(data);
  }

  /** State, running child, last exit, uptime, restarts and the tail of its output. */
  status(): DaemonStatus {
    return {
      state: this.#machine.state,
      running: this.alive,
      pid: this.pid,
      lastExit: this.#lastExit,
      uptimeMs: this.#child ? Math.round(performance.now() - this.#startedAt) : 0,
      restarts: this.#restarts,
      stdout: this.#sink.tail('stdout'),
      stderr: this.#sink.tail('stderr'),
    };
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** The one way into 'starting'. */
  #launch(restart: boolean): Promise<void> {
    this.#machine.to('starting');
    this.#launching = this.#spawnChild(restart);
    return this.#launching;
  }

  async #spawnChild(restart: boolean): Promise<void> {
    let child: DaemonProcess;
    try {
      child = await this.#runner.spawn(this.#argv, this.#spawnOptions);
    } catch (e) {
      this.#spawnFailed(e, restart);
      throw e;
    }
    this.#child = child;
    this.#startedAt = performance.now();
    this.#exited = watchChild(child, this.#sink, this.#log, this.#label).then((info) => this.#onExit(info));
    if (this.#machine.state === 'stopping') throw new StartCancelledError(this.#label);
    this.#machine.to('running');
  }

  #spawnFailed(error: unknown, restart: boolean): void {
    if (this.#machine.state === 'stopping') return; // the stop() that came during the spawn ends in 'stopped'
    if (!restart) return this.#machine.to('stopped');
    this.#log(`[${this.#label}] restart failed: ${String(error)}`);
    if (!isPermanentSpawnFailure(error)) return this.#scheduleRestart();
    this.#log(`[${this.#label}] gave up restarting: the program cannot be spawned`);
    this.#machine.to('exited');
  }

  async #stopChild(launch: Promise<void>): Promise<ExitInfo | null> {
    await launch.catch(() => {}); // a stop() during a spawn stops the child that spawn makes
    const child = this.#child;
    if (child) {
      await child[Symbol.asyncDispose]().catch((e: unknown) => this.#log(`[${this.#label}] stopping failed: ${String(e)}`));
      await this.#exited;
    }
    this.#machine.to('stopped');
    return this.#lastExit;
  }

  #onExit(info: ExitInfo | null): void {
    const ranFor = performance.now() - this.#startedAt;
    this.#child = null;
    this.#lastExit = info;
    if (this.#machine.state !== 'running') return; // exited during stop(): never restarted
    if (!restartWanted(this.#policy, info)) return this.#machine.to('exited');
    if (ranFor >= STABLE_MS) this.#consecutive = 0;
    this.#scheduleRestart();
  }

  #scheduleRestart(): void {
    this.#consecutive++;
    if (this.#consecutive > this.#maxRestarts) {
      this.#log(`[${this.#label}] gave up after ${this.#maxRestarts} restarts`);
      return this.#machine.to('exited');
    }
    this.#machine.to('backoff');
    this.#timer = setTimeout(() => this.#restart(), restartDelay(this.#baseDelay, this.#consecutive));
  }

  #restart(): void {
    this.#timer = null;
    this.#restarts++;
    this.#launch(true).catch(() => {}); // failures are logged and handled by #spawnFailed
  }

  #startAfterStop(): Promise<void> {
    if (!this.#wanted) return Promise.reject(new StartCancelledError(this.#label));
    return this.start();
  }

  #cancelRestart(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
