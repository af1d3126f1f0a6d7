import { readSync } from 'node:fs';

// A PTY master hands out at most a few KiB per read.
const CHUNK = 64 * 1024;

/**
 * Read what is left in a PTY master whose slave side has closed, until the
 * kernel reports EIO (its end of file once the last slave fd is gone).
 *
 * libuv ends a stream early on a PTY: after a short read, a POLLHUP makes it
 * report EOF without reading again, and a PTY read is always short, so up
 * to the terminal's buffer (tens of KiB) of a child's last output would be
 * lost. Once the slave is closed nothing new can arrive and every read
 * returns at once (data, or EIO), so this loop is bounded and never blocks.
 */
export function drainTerminal(fd: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const buf = new Uint8Array(CHUNK);
    let n: number;
    try {
      n = readSync(fd, buf, 0, CHUNK, null);
    } catch {
      return chunks; // EIO: the end; EAGAIN: a slave is still open after all
    }
    if (n <= 0) return chunks;
    chunks.push(buf.subarray(0, n));
  }
}
