import type { HostOptions, NativeHost, RuntimeAdapter, SpawnReply } from './adapter.js';
import { ETIMEDOUT, isHangUp } from './hang-up.js';
import { LiveChildren } from './live-children.js';
import { ShepherdWatch } from './shepherd-watch.js';

const SIGKILL = 9;

/**
 * The one shepherd of this realm: opened on first use, closed by the exit
 * hook (SIGKILL to every group, then hang up and reap), reopened if it died.
 */
export class HostManager {
  /** Every child spawned and not yet let go of. */
  readonly children = new LiveChildren();
  #adapter: RuntimeAdapter;
  #host: NativeHost | null = null;
  #watch: ShepherdWatch | null = null;
  /** Shepherds whose death was handled. */
  #dead = new WeakSet<NativeHost>();
  #hooked = false;
  #options: HostOptions = {};

  constructor(adapter: RuntimeAdapter) {
    this.#adapter = adapter;
  }

  /** The open host, opening it (and registering the exit hook) if needed. */
  get host(): NativeHost {
    if (this.#host === null) {
      this.#host = this.#adapter.openHost(this.#options);
      this.#watch = new ShepherdWatch(this.#host, (dead) => this.shepherdDied(dead));
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
  spawn(request: Uint8Array, fds: readonly number[] = []): SpawnReply {
    const host = this.host;
    const reply = host.spawn(request, fds);
    if (!('errno' in reply) || reply.stage !== 0 || !isHangUp(-reply.errno)) return reply;
    this.shepherdDied(host);
    // No reply in time (ETIMEDOUT): retrying could hang again (a cwd on a
    // dead mount); the next call gets a new shepherd.
    return reply.errno === ETIMEDOUT ? reply : this.host.spawn(request, fds);
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
    if (this.#host === host) this.#forget();
    const orphans = this.children.of(host);
    for (const child of orphans) this.#adapter.killGroup(child.pid, SIGKILL);
    // The shepherd removes a sandbox's private directory once the group is
    // gone; it cannot now.
    for (const child of orphans) if (child.privateTmp !== null) this.#adapter.removeTree?.(child.privateTmp);
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
    this.#forget();
    if (host === null) return;
    try {
      host.killAll(SIGKILL);
    } finally {
      host.close();
    }
  }

  #forget(): void {
    this.#watch?.stop();
    this.#watch = null;
    this.#host = null;
  }

  /**
   * Whether `host`'s shepherd died while none of its children ran (no status
   * pipe was left to tell): the groups it left behind (children that exited,
   * their background jobs did not) are then ours to kill. Asks the shepherd
   * to SIGKILL each tracked group, which is due anyway at shutdown.
   */
  #diedUnnoticed(host: NativeHost): boolean {
    for (const child of this.children.of(host)) {
      if (isHangUp(host.signal(child.pid, SIGKILL))) return true;
    }
    return false;
  }
}
