import { writeSync } from 'node:fs';
import type { WriteSome } from '@netrunner/core';

/** One write(2) on a non-blocking fd, for TerminalWriter: EAGAIN becomes 'again'. */
export function writeSome(fd: number): WriteSome {
  return (chunk, offset) => {
    try {
      return writeSync(fd, chunk, offset, chunk.length - offset);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') return 'again';
      throw e;
    }
  };
}
