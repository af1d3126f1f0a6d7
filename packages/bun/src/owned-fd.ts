import { closeChildFd } from './bun-native-host.js';

/**
 * An fd shared by the reader and the writer of one handle (a PTY master is
 * both): closed once every user has released it. Bun reads and writes
 * through its own dup of the fd and never closes ours, so we must.
 */
export class OwnedFd {
  readonly fd: number;
  #users: number;

  constructor(fd: number, users = 1) {
    this.fd = fd;
    this.#users = users;
  }

  /** One user is done; the last one closes the fd. */
  release(): void {
    if (this.#users <= 0) return;
    if (--this.#users > 0) return;
    closeChildFd(this.fd); // EBADF (already closed): nothing to release
  }
}
