import type { NativeHost } from './adapter.js';

/** How often an open shepherd is checked for an unnoticed death. */
const CHECK_EVERY_MS = 1000;

/**
 * Notices a shepherd that died while none of its children was running (no
 * status pipe is left to end and tell): once a second, without keeping the
 * event loop alive, it asks whether the shepherd has exited (a waitpid
 * WNOHANG that also reaps it, so it never stays a zombie in the host) and
 * calls `onDeath` once.
 */
export class ShepherdWatch {
  #timer: ReturnType<typeof setInterval>;

  constructor(host: NativeHost, onDeath: (host: NativeHost) => void) {
    this.#timer = setInterval(() => {
      if (!host.shepherdExited()) return;
      this.stop();
      onDeath(host);
    }, CHECK_EVERY_MS);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Stop watching (the host was closed or its death handled). */
  stop(): void {
    clearInterval(this.#timer);
  }
}
