import type { HostOptions, NativeHost, RuntimeAdapter, SpawnReply } from './adapter.js';
import { LiveChildren } from './live-children.js';

const SIGKILL = 9;
const EPIPE = 32;
const ECONNRESET = 104;
const ENOTCONN = 107;
// How a call on a shepherd that is gone fails.
const HANG_UPS = [EPIPE, ECONNRESET, ENOTCONN];
// How often an open shepherd is checked for a death no status pipe reported
// (no child was running): waitpid(WNOHANG), one syscall.
const WATCH_MS = 500;

/**
 * The one shepherd of this realm: opened on first use, closed by the exit
 * hook (SIGKILL to every group, then hang up and reap), reopened if it died.
 */
export class HostManager {
  /** Every child spawned and not yet let go of. */
  readonly children = new LiveChildren();
  #adapter: RuntimeAdapter;
  #host: NativeHost | null = null;
  /** Shepherds whose death was handled. */
  #dead = new WeakSet<NativeHost>();
  #hooked = false;
  #options: HostOptions = {};
  #watch: ReturnType<typeof setInterval> | undefined;

  constructor(adapter: RuntimeAdapter) {
    this.#adapter = adapter;
  }

  /** The open host, opening it (and registering the exit hook) if needed. */
  get host(): NativeHost {
    if (this.#host === null) {
      this.#host = this.#adapter.openHost(this.#options);
      this.#watchShepherd(this.#host);
      if (!this.#hooked) {
        this.#hooked = true;
        this.#adapter.onProcessExit(() => this.shutdown());
      }
    }
    return this.#host;
  }

  /**
   * Notice `host`'s death while no status pipe would tell (every child has
   * exited, maybe leaving background jobs in its group): reap the shepherd,
   * kill those groups. The timer does not keep the process alive.
   */
  #watchShepherd(host: NativeHost): void {
    clearInterval(this.#watch);
    const timer = setInterval(() => {
      if (this.#host !== host) clearInterval(timer);
      else if (host.shepherdExited()) this.shepherdDied(host);
    }, WATCH_MS);
    (timer as { unref?: () => void }).unref?.();
    this.#watch = timer;
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
    if ('errno' in reply && reply.stage === 0 && HANG_UPS.includes(reply.errno)) {
      this.shepherdDied(this.host);
      return this.host.spawn(request);
    }
    return reply;
  }

  /**
   * `host` died (a status pipe ended without a record, or it hung up). Its
   * children died with it (PDEATHSIG), but not what they started: kill the
   * group of every child it spawned that is still tracked (exited or not),
   * have a fresh shepherd reclaim (kill and remove) their cgroups, and reap
   * the dead one now. Idempotent.
   */
  shepherdDied(host: NativeHost): void {
    if (this.#dead.has(host)) return;
    this.#dead.add(host);
    if (this.#host === host) this.#host = null;
    const orphans = this.children.of(host);
    for (const child of orphans) this.#adapter.killGroup(child.pid, SIGKILL);
    try {
      host.close();
    } catch {
      // already gone
    }
    const cgroups = new Set(orphans.map((c) => c.cgroup).filter((p) => p !== null));
    if (cgroups.size === 0) return;
    const fresh = this.host;
    for (const path of cgroups) fresh.reclaimCgroup(path);
  }

  /** Kill every child and close the shepherd, synchronously. */
  shutdown(): void {
    const open = this.#host;
    if (open !== null && this.#diedUnnoticed(open)) this.shepherdDied(open);
    const host = this.#host;
    this.#host = null;
    clearInterval(this.#watch);
    if (host === null) return;
    try {
      host.killAll(SIGKILL);
    } finally {
      host.close();
    }
  }

  /**
   * Whether `host`'s shepherd died while none of its children ran (no status
   * pipe was left to tell): the groups it left behind (children that exited,
   * their background jobs did not) are then ours to kill. Asks the shepherd
   * to SIGKILL each tracked group, which is due anyway at shutdown.
   */
  #diedUnnoticed(host: NativeHost): boolean {
    for (const child of this.children.of(host)) {
      if (HANG_UPS.includes(-host.signal(child.pid, SIGKILL))) return true;
    }
    return false;
  }
}
