import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner } from '@netrunner/types';
import { AbortError, ValidationError } from '@netrunner/types';
import { caught } from '../helpers/bytes.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** An AbortSignal that has already fired spawns nothing; one that fires later stops the group. */
export function abortBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  async function spawnsNothing(call: (argv: string[], signal: AbortSignal) => Promise<unknown>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'netrunner-abort-'));
    try {
      const file = join(dir, 'touched');
      const reason = new Error('cancelled before the start');
      const e = await caught(call(['touch', file], AbortSignal.abort(reason)));
      expect(AbortError.isInstance(e)).toBe(true);
      expect(e.cause).toBe(reason);
      // No pid: no child was started (and so the file was not created).
      expect(e.pid).toBe(undefined);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  describe('an already aborted signal', () => {
    it('run() rejects with AbortError and runs nothing', () => spawnsNothing((argv, signal) => nr.run(argv, { signal })));
    it('stream() rejects with AbortError and runs nothing', () =>
      spawnsNothing(async (argv, signal) => {
        for await (const _ of nr.stream(argv, { signal })) void _;
      }));
    it('spawn() rejects with AbortError and runs nothing', () => spawnsNothing((argv, signal) => nr.spawn(argv, { signal })));
  });

  describe('spawn() with a signal', () => {
    it('stops the group when the signal fires', async () => {
      const ac = new AbortController();
      const p = await nr.spawn(['sleep', '100'], { signal: ac.signal });
      ac.abort();
      expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 143, signal: 'SIGTERM', outputCut: false });
    });
    it('rejects a signal that is not an AbortSignal', async () => {
      const e = await caught(nr.spawn(['true'], { signal: {} as AbortSignal }));
      expect(ValidationError.isInstance(e) ? e.field : e).toBe('signal');
    });
  });
}
