import type { NetRunner } from '@netrunner/types';
import { text } from '../helpers/bytes.js';
import { sleep } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const HUNG = 'still pending after 10 s';

/** `promise`, or HUNG if it has not settled within 10 s. */
function bounded<T>(promise: Promise<T>): Promise<T | typeof HUNG> {
  return Promise.race([promise, sleep(10_000).then(() => HUNG)]);
}

/** wait() waits for the readers that are reading when it is called, and never for its own caller. */
export function waitBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('wait() and the consumers of the output', () => {
    it('resolves inside a for-await loop over stdout', async () => {
      const p = await nr.spawn(['sh', '-c', 'echo one; sleep 0.2; echo two']);
      const seen: unknown[] = [];
      for await (const c of p.stdout) {
        seen.push(text(c));
        seen.push(await bounded(p.wait()));
      }
      expect(seen[1]).toEqual({ pid: p.pid, exitCode: 0, signal: null, outputCut: false });
    }, 30_000);

    it('resolves while a stderr iterator is left unfinished', async () => {
      const p = await nr.spawn(['sh', '-c', 'echo e >&2; echo o']);
      const it = p.stderr[Symbol.asyncIterator]();
      expect(text((await it.next()).value as Uint8Array)).toBe('e\n');
      expect(await bounded(p.wait())).toEqual({ pid: p.pid, exitCode: 0, signal: null, outputCut: false });
      await it.return?.();
    }, 30_000);

    it('still waits for a loop that is reading when it is called', async () => {
      const p = await nr.spawn(['sh', '-c', 'for i in 1 2 3; do echo $i; sleep 0.1; done']);
      let out = '';
      const loop = (async () => {
        for await (const c of p.stdout) out += text(c);
      })();
      await p.wait();
      expect(out).toBe('1\n2\n3\n');
      await loop;
    });
  });
}
