import type { HostOptions, NativeHost, RuntimeAdapter, SpawnReply } from './adapter.js';

const SIGKILL = 9;
const EPIPE = 32;
const ECONNRESET = 104;
const ENOTCONN = 107;

/**
 * The one shepherd of this realm: opened on first use, closed by the exit
 * hook (SIGKILL to every group, then hang up and reap), reopened if it died.
 */
export class HostManager {
  #adapter: RuntimeAdapter;
  #host: NativeHost | null = null;
  #hooked = false;
  #options: HostOptions = {};

  constructor(adapter: RuntimeAdapter) {
    this.#adapter = adapter;
  }

  /** The open host, opening it (and registering the exit hook) if needed. */
  get host(): NativeHost {
    if (this.#host === null) {
      this.#host = this.#adapter.openHost(this.#options);
      if (!this.#hooked) {
        this.#hooked = true;
        this.#adapter.onProcessExit(() => this.shutdown());
      }
    }
    return this.#host;
  }

  /** Whether a shepherd is open now. */
  get open(): boolean {
    return this.#host !== null;
  }

  /** Options for shepherds started from now on. */
  set options(options: HostOptions) {
    this.#options = options;
  }

  get options(): HostOptions {
    return this.#options;
  }

  /** Spawn; if the shepherd has gone away, start a new one and retry once. */
  spawn(request: Uint8Array): SpawnReply {
    const reply = this.host.spawn(request);
    if ('errno' in reply && reply.stage === 0 && [EPIPE, ECONNRESET, ENOTCONN].includes(reply.errno)) {
      this.#drop();
      return this.host.spawn(request);
    }
    return reply;
  }

  /** Signal a child's group: 0 or -errno; -ESRCH when no host is open. */
  signal(pid: number, sig: number): number {
    return this.#host === null ? -3 : this.#host.signal(pid, sig);
  }

  /** Kill every child and close the shepherd, synchronously. */
  shutdown(): void {
    const host = this.#host;
    this.#host = null;
    if (host === null) return;
    try {
      host.killAll(SIGKILL);
    } finally {
      host.close();
    }
  }

  #drop(): void {
    const host = this.#host;
    this.#host = null;
    try {
      host?.close();
    } catch {
      // already gone
    }
  }
}
