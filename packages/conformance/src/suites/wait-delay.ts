import type { NetRunner } from '@netrunner/types';
import { DEFAULT_WAIT_DELAY, ValidationError } from '@netrunner/types';
import { caught, text } from '../helpers/bytes.js';
import { allGone, procState, killLeftover } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

// The child exits at once; `sleep` (its pid on stderr) keeps stdout open.
const HOLDS_STDOUT = ['sh', '-c', 'sleep 1000 & echo $! >&2; echo done'];


/** `waitDelay`: output a grandchild keeps open after the child exited is waited for a bounded time, then cut. */
export function waitDelayBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  describe('waitDelay', () => {
    it('run() with a timeout reports the real exit once the default waitDelay cut the output', async () => {
      const started = Date.now();
      const r = await nr.run(HOLDS_STDOUT, { timeout: 500 });
      const elapsed = Date.now() - started;
      const grandchild = Number(r.stderr.trim());
      killLeftover(grandchild);
      expect({ stdout: r.stdout, exitCode: r.exitCode, signal: r.signal, outputCut: r.outputCut }).toEqual({
        stdout: 'done\n', exitCode: 0, signal: null, outputCut: true,
      });
      // Timers never fire early: the cut came after the default waitDelay, not after the timeout.
      expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_WAIT_DELAY);
    }, 30_000);

    it('run() honours a short waitDelay', async () => {
      const started = Date.now();
      const r = await nr.run(HOLDS_STDOUT, { waitDelay: 100 });
      const elapsed = Date.now() - started;
      killLeftover(Number(r.stderr.trim()));
      expect([r.stdout, r.exitCode, r.outputCut]).toEqual(['done\n', 0, true]);
      expect(elapsed).toBeLessThanOrEqual(DEFAULT_WAIT_DELAY);
    });

    it('run() reports outputCut false when the output ends with the child', async () => {
      // The shell lets go of the output before it forks: a background job that
      // redirected only after the fork would hold it for as long as it waits
      // for the CPU, which a loaded machine makes longer than 100 ms.
      const r = await nr.run(['sh', '-c', 'echo hi; exec > /dev/null 2>&1; sleep 2 &'], { waitDelay: 100 });
      expect([r.stdout, r.exitCode, r.outputCut]).toEqual(['hi\n', 0, false]);
    });

    it('stream() ends after waitDelay', async () => {
      let out = '';
      for await (const c of nr.stream(['sh', '-c', 'sleep 1000 & echo $!; echo done'], { waitDelay: 100 })) out += text(c);
      const [grandchild, rest] = out.split(/\n(.*)/s);
      killLeftover(Number(grandchild));
      expect(rest).toBe('done\n');
    });

    it("spawn(): wait() and a reading loop end after waitDelay, with the child's exit", async () => {
      const p = await nr.spawn(HOLDS_STDOUT, { waitDelay: 100 });
      let grandchild = 0;
      try {
        grandchild = Number(text(await p.readStderr()));
        let out = '';
        const loop = (async () => {
          for await (const c of p.stdout) out += text(c);
        })();
        expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 0, signal: null, outputCut: true });
        await loop;
        expect(out).toBe('done\n');
      } finally {
        killLeftover(grandchild);
      }
    });

    it('rejects a waitDelay that is not an integer from 0 to 2^31-1, before spawning', async () => {
      for (const bad of [-1, 1.5, 2 ** 31, '5', Number.NaN]) {
        const e = await caught(nr.run(['true'], { waitDelay: bad as number }));
        expect(ValidationError.isInstance(e) ? e.field : e).toBe('waitDelay');
      }
      const r = await nr.run(['true'], { waitDelay: 2 ** 31 - 1 });
      expect([r.exitCode, r.outputCut]).toEqual([0, false]);
    });
  });

  describe('waitDelay kills what is left of the group (needs the shepherd to signal a group whose leader was reaped)', () => {
    it('the grandchild holding stdout is gone when run() resolves', async () => {
      const r = await nr.run(HOLDS_STDOUT, { waitDelay: 100 });
      const grandchild = Number(r.stderr.trim());
      const gone = await allGone([grandchild], 3000);
      killLeftover(grandchild);
      expect(r.outputCut).toBe(true);
      expect(gone ? 'gone' : procState(grandchild)).toBe('gone');
    });
  });
}
