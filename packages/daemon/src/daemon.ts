import { NetRunnerError, type ExitInfo, type SpawnOptions } from '@netrunner/types';
import type { DaemonOptions, DaemonProcess, DaemonStatus, RestartPolicy } from './daemon-options.js';
import { OutputSink } from './output-sink.js';
import { restartDelay } from './restart-delay.js';
import { validateDaemonOptions } from './validate-daemon-options.js';

/** A child that ran this long before exiting resets the restart backoff. */
const STABLE_MS = 10_000;

/**
 * A supervised long-running process. Its stdout and stderr are always
 * drained (the child never blocks on a full pipe), the last 64 KiB of each
 * are kept for status(), it is restarted by policy, and stop() ends it
 * gracefully: SIGTERM to its group, SIGKILL after killTimeout.
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
  readonly #spawnOptions: SpawnOptions;
  readonly #policy: RestartPolicy;
  readonly #baseDelay: number;
  readonly #maxRestarts: number;
  readonly #log: (line: string) => void;
  readonly #opts: DaemonOptions;
  #sink: OutputSink;
  #child: DaemonProcess | null = null;
  #startedAt = 0;
  #wanted = false;
  #restarts = 0;
  #consecutive = 0;
  #lastExit: ExitInfo | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #exited: Promise<void> = Promise.resolve();

  constructor(options: DaemonOptions) {
    validateDaemonOptions(options);
    const { argv, runner: _runner, onOutput: _o, restart, restartDelay: delay, maxRestarts, logger, ...spawnOptions } = options;
    this.#opts = options;
    this.#argv = argv;
    this.#spawnOptions = { ...spawnOptions, stderr: 'consume' };
    this.#policy = restart ?? 'on-failure';
    this.#baseDelay = delay ?? 1000;
    this.#maxRestarts = maxRestarts ?? Infinity;
    this.#log = logger ?? ((line) => console.error(line));
    this.#sink = new OutputSink(options.onOutput ?? 'discard', this.#log, String(argv[0]));
  }

  /** The running child's pid, or null. */
  get pid(): number | null {
    return this.#child?.pid ?? null;
  }

  /** True while a child runs. */
  get alive(): boolean {
    return this.#child?.alive ?? false;
  }

  /** Start the child (a no-op if it runs). Rejects if it cannot be spawned. */
  async start(): Promise<void> {
    this.#wanted = true;
    if (this.#child) return;
    this.#cancelRestart();
    await this.#launch();
  }

  /** Stop the child and every restart: SIGTERM, killTimeout, SIGKILL. Resolves with its last exit. */
  async stop(): Promise<ExitInfo | null> {
    this.#wanted = false;
    this.#cancelRestart();
    const child = this.#child;
    if (child) {
      await child[Symbol.asyncDispose]();
      await this.#exited;
    }
    return this.#lastExit;
  }

  /** Write to the child's stdin; resolves when the bytes are in the pipe. */
  async write(data: string | Uint8Array): Promise<void> {
    if (!this.#child) throw new NetRunnerError(`The daemon ${String(this.#argv[0])} is not running`, { code: 'ENOTRUNNING' });
    await this.#child.write(data);
  }

  /** Running state, last exit, uptime, restarts and the tail of its output. */
  status(): DaemonStatus {
    return {
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

  async #launch(): Promise<void> {
    const child = await this.#opts.runner.spawn(this.#argv, this.#spawnOptions);
    this.#child = child;
    this.#startedAt = performance.now();
    const drained = Promise.all([this.#sink.drain(child.stdout, 'stdout'), this.#sink.drain(child.stderr, 'stderr')]);
    this.#exited = child.wait().then(
      async (info) => {
        await drained;
        this.#onExit(info);
      },
      (e: unknown) => {
        this.#log(`[${String(this.#argv[0])}] lost its child: ${String(e)}`);
        this.#onExit(null);
      },
    );
  }

  #onExit(info: ExitInfo | null): void {
    const ranFor = performance.now() - this.#startedAt;
    this.#child = null;
    this.#lastExit = info;
    if (!this.#wanted) return;
    const failed = info === null || info.exitCode !== 0;
    const again = this.#policy === 'always' || (this.#policy === 'on-failure' && failed);
    if (!again) return;
    this.#consecutive = ranFor >= STABLE_MS ? 1 : this.#consecutive + 1;
    if (this.#consecutive > this.#maxRestarts) {
      this.#log(`[${String(this.#argv[0])}] gave up after ${this.#maxRestarts} restarts`);
      return;
    }
    this.#timer = setTimeout(() => this.#restart(), restartDelay(this.#baseDelay, this.#consecutive));
  }

  #restart(): void {
    this.#timer = null;
    if (!this.#wanted || this.#child) return;
    this.#restarts++;
    this.#launch().catch((e: unknown) => {
      this.#log(`[${String(this.#argv[0])}] restart failed: ${String(e)}`);
      this.#onExit(null);
    });
  }

  #cancelRestart(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
