import type { ExitInfo, SpawnOptions } from '@netrunner/types';
import type { DaemonProcess, DaemonRunner } from '../daemon-options.js';

// Test doubles for the daemon's unit tests: every spawn and every exit
// happens only when the test says so, so each interleaving is reproducible.

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Output that ends when its process exits. */
async function* silentUntil(end: Promise<unknown>): AsyncGenerator<Uint8Array> {
  await end;
}

/** A child that exits only through exit(), or through stop() when exitOnStop is set. */
export class FakeProcess implements DaemonProcess {
  readonly pid: number;
  readonly stdout: AsyncIterable<Uint8Array>;
  readonly stderr: AsyncIterable<Uint8Array>;
  alive = true;
  stopCalls = 0;
  disposeCalls = 0;
  /** When false, stop() sends its "SIGTERM" but the test decides when the child exits. */
  exitOnStop = true;
  readonly #exit = deferred<ExitInfo>();

  constructor(pid: number) {
    this.pid = pid;
    this.stdout = silentUntil(this.#exit.promise);
    this.stderr = silentUntil(this.#exit.promise);
  }

  /** End the child with this exit code (143 with signal SIGTERM for a stop). */
  exit(exitCode: number, signal: string | null = null): void {
    if (!this.alive) return;
    this.alive = false;
    this.#exit.resolve({ pid: this.pid, exitCode, signal });
  }

  async write(): Promise<void> {}

  wait(): Promise<ExitInfo> {
    return this.#exit.promise;
  }

  async stop(): Promise<ExitInfo> {
    this.stopCalls++;
    if (this.exitOnStop) this.exit(143, 'SIGTERM');
    return this.#exit.promise;
  }

  /** Like a Process: stops a live child; once it exited, only releases it. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.disposeCalls++;
    if (this.alive) await this.stop();
  }
}

/** A runner whose spawns stay pending until the test resolves or rejects them, oldest first. */
export class FakeRunner implements DaemonRunner {
  readonly processes: FakeProcess[] = [];
  readonly #pending: Array<Deferred<DaemonProcess>> = [];
  #nextPid = 1000;

  spawn(_argv: readonly string[], _options?: SpawnOptions): Promise<DaemonProcess> {
    const d = deferred<DaemonProcess>();
    this.#pending.push(d);
    return d.promise;
  }

  /** Spawns asked for and not yet answered. */
  get pendingSpawns(): number {
    return this.#pending.length;
  }

  /** Children that have not exited. */
  get running(): FakeProcess[] {
    return this.processes.filter((p) => p.alive);
  }

  /** Answer the oldest pending spawn with a new child. */
  spawnSucceeds(): FakeProcess {
    const d = this.#pending.shift();
    if (!d) throw new Error('no spawn is pending');
    const child = new FakeProcess(this.#nextPid++);
    this.processes.push(child);
    d.resolve(child);
    return child;
  }

  /** Fail the oldest pending spawn. */
  spawnFails(error: unknown): void {
    const d = this.#pending.shift();
    if (!d) throw new Error('no spawn is pending');
    d.reject(error);
  }
}

// Taken before any test installs fake timers, so settle() always works.
const realSetImmediate = globalThis.setImmediate;

/** Let every queued promise callback run (the fake runner settles nothing by itself). */
export function settle(): Promise<void> {
  return new Promise((resolve) => realSetImmediate(resolve));
}

/** A promise's outcome so far, without waiting: 'pending', 'resolved' or 'rejected'. */
export function track(promise: Promise<unknown>): { readonly outcome: string; readonly value: unknown } {
  const t = { outcome: 'pending', value: undefined as unknown };
  promise.then(
    (v) => Object.assign(t, { outcome: 'resolved', value: v }),
    (e: unknown) => Object.assign(t, { outcome: 'rejected', value: e }),
  );
  return t;
}
