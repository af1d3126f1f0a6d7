import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetRunner, Process } from '@netrunner/types';
import { SIGNALS, ValidationError, type Signal } from '@netrunner/types';
import { text } from '../helpers/bytes.js';
import { allGone, procState } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

// sh traps signal $2 (a number), prints "ready", and on the signal prints $1 and exits 0.
const TRAPPER = 'trap \'printf "%s" "$1"; exit 0\' "$2"; printf ready; read x';

/** Read stdout until it has `want` bytes of text or ends. */
async function readUntil(p: Process, want: string): Promise<string> {
  let out = '';
  while (!out.startsWith(want)) {
    const chunk = await p.read();
    if (chunk === null) break;
    out += text(chunk);
  }
  return out;
}

async function readAll(p: Process, out: string): Promise<string> {
  for (let c = await p.read(); c !== null; c = await p.read()) out += text(c);
  return out;
}

/** kill(), stop(), killSignal and exit reports with every signal Linux defines. */
export function signalBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  /** Spawn a child trapping `number`, send it `signal`, and return its stdout and exit. */
  async function trapped(signal: Signal, label: string, number: number): Promise<{ out: string; exitCode: number | null; pid: number }> {
    const p = await nr.spawn(['sh', '-c', TRAPPER, 'sh', label, String(number)]);
    const ready = await readUntil(p, 'ready');
    expect(p.kill(signal)).toBe(true);
    const out = await readAll(p, ready);
    const { exitCode } = await p.wait();
    return { out, exitCode, pid: p.pid };
  }

  describe('signals', () => {
    it('kill() delivers every catchable Linux signal by name, as itself (exact bytes)', async () => {
      const names = Object.keys(SIGNALS).filter((n) => n !== 'SIGKILL' && n !== 'SIGSTOP') as (keyof typeof SIGNALS)[];
      expect(names.length).toBe(31);
      const got = await Promise.all(names.map((n) => trapped(n, n, SIGNALS[n])));
      expect(got.map((g) => [g.out, g.exitCode])).toEqual(names.map((n) => [`ready${n}`, 0]));
      expect(await allGone(got.map((g) => g.pid))).toBe(true);
    }, 60_000);

    it('kill() delivers real-time signals by name (SIGRTMIN+n, SIGRTMAX-n) and by number', async () => {
      const cases: [Signal, number][] = [['SIGRTMIN', 34], ['SIGRTMIN+3', 37], ['SIGRTMAX-1', 63], ['SIGRTMAX', 64], [40, 40], [50, 50]];
      const got = await Promise.all(cases.map(([s, n]) => trapped(s, `rt${n}`, n)));
      expect(got.map((g) => [g.out, g.exitCode])).toEqual(cases.map(([, n]) => [`readyrt${n}`, 0]));
    }, 30_000);

    it('a child killed by a real-time signal reports it by name and as 128 + n', async () => {
      const p = await nr.spawn(['sleep', '1000']);
      p.kill('SIGRTMIN+2');
      expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 128 + 36, signal: 'SIGRTMIN+2', outputCut: false });
      const q = await nr.spawn(['sleep', '1000']);
      q.kill(60);
      expect((await q.wait()).signal).toBe('SIGRTMAX-4');
    });

    it('SIGTSTP stops and SIGCONT resumes the group', async () => {
      const p = await nr.spawn(['sleep', '1000']);
      p.kill('SIGTSTP');
      const stopped = async (): Promise<string> => {
        for (let i = 0; i < 500 && procState(p.pid) !== 'T'; i++) await new Promise((r) => setTimeout(r, 10));
        return procState(p.pid);
      };
      expect(await stopped()).toBe('T');
      p.kill('SIGCONT');
      for (let i = 0; i < 500 && procState(p.pid) === 'T'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(procState(p.pid)).toMatch(/^[RS]$/);
      p.kill('SIGKILL');
      expect((await p.wait()).signal).toBe('SIGKILL');
    });

    it('stop() starts with killSignal instead of SIGTERM', async () => {
      const p = await nr.spawn(['sh', '-c', TRAPPER, 'sh', 'got SIGUSR1', '10'], { killSignal: 'SIGUSR1' });
      const ready = await readUntil(p, 'ready');
      const exit = await p.stop();
      expect(await readAll(p, ready)).toBe('readygot SIGUSR1');
      expect([exit.exitCode, exit.signal]).toEqual([0, null]);
    });

    it('an abort stops a stream() with killSignal (a real-time one by name)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-killsignal-'));
      try {
        const mark = join(dir, 'mark');
        const ac = new AbortController();
        // stream() closes stdin at once: the shell waits on a sleep instead of reading.
        const script = 'trap \'printf "%s" "$1" > "$2"; exit 0\' 37; printf ready; sleep 1000 & wait';
        let error: unknown;
        try {
          for await (const chunk of nr.stream(['sh', '-c', script, 'sh', 'got SIGRTMIN+3', mark], { killSignal: 'SIGRTMIN+3', signal: ac.signal })) {
            if (text(chunk)!.includes('ready')) ac.abort();
          }
        } catch (e) {
          error = e;
        }
        expect((error as Error).name).toBe('AbortError');
        expect(readFileSync(mark, 'utf8')).toBe('got SIGRTMIN+3');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('unknown names are ValidationErrors naming the field (and the nearest name), before anything is spawned', async () => {
      const p = await nr.spawn(['sleep', '1000']);
      const caught = (f: () => unknown): unknown => {
        try {
          f();
        } catch (e) {
          return e;
        }
        return undefined;
      };
      const e = caught(() => p.kill('SIGWINC' as Signal));
      expect(ValidationError.isInstance(e) && e.field).toBe('signal');
      expect((e as Error).message).toBe(
        'Expected `signal` to be a signal name (SIGTERM, SIGWINCH, SIGRTMIN+3, ...) or an integer 1..31 or 34..64 (did you mean SIGWINCH?), got "SIGWINC"',
      );
      for (const bad of ['SIGRTMIN+31', 'SIGRTMAX+1', 'SIGRTMIN-1', 32, 33, 65]) {
        expect((caught(() => p.kill(bad as Signal)) as ValidationError).field).toBe('signal');
      }
      expect(procState(p.pid)).toMatch(/^[RS]$/);
      p.kill('SIGKILL');
      await p.wait();
      for (const call of [
        () => nr.spawn(['true'], { killSignal: 'SIGFOO' as Signal }),
        () => nr.run(['true'], { killSignal: 33 }),
        async () => nr.stream(['true'], { killSignal: 0 })[Symbol.asyncIterator]().next(),
      ]) {
        const err = await call().then(() => undefined, (x: unknown) => x);
        expect((err as ValidationError).field).toBe('killSignal');
      }
    });
  });
}
