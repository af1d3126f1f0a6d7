import type { NetRunner } from '@netrunner/types';
import { AbortError } from '@netrunner/types';
import { caught, text } from '../helpers/bytes.js';
import { allGone, childrenOf, killLeftover, procState, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const GROUP = 'sleep 100 & echo $!; sleep 100 & echo $!; echo $$; wait';

/** No orphan and no zombie, whatever dies first. */
export function teardownBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  async function hostDies(mode: string): Promise<string> {
    const host = await nr.spawn([...env.hostCommand, mode]);
    let out = '';
    for (let c = await host.read(); c !== null; c = await host.read()) out += text(c);
    const line = out.split('\n').find((l) => l.startsWith('{'));
    expect(line === undefined ? out : 'pids').toBe('pids');
    const pids = JSON.parse(line!) as { host: number; shepherds: number[]; child: number; grandchildren: number[] };
    expect(pids.grandchildren.length).toBe(2);
    expect(pids.shepherds.length).toBe(1);
    await host.wait();
    const all = [pids.host, ...pids.shepherds, pids.child, ...pids.grandchildren];
    expect(await allGone(all)).toBe(true);
    expect(zombiesOf()).toEqual([]);
    return out;
  }

  describe('the host dies first', () => {
    it('kills children and grandchildren when the host is SIGKILLed', () => hostDies('sigkill'));
    it('kills children and grandchildren on an uncaught exception', () => hostDies('uncaught'));
    it('kills children and grandchildren on process.exit()', () => hostDies('exit'));
    it('kills children and grandchildren when the host is SIGTERMed (no exit hook runs)', () => hostDies('sigterm'));
  });

  describe('the shepherd dies first', () => {
    it('kills children (PDEATHSIG) and grandchildren (the host kills the group), and wait() rejects', async () => {
      const out = await hostDies('shepherd');
      expect(out).toContain('{"waited":"ESHEPHERD"}');
    });
  });

  describe('the consumer leaves first', () => {
    it('kills the group when a stream loop breaks', async () => {
      let out = '';
      for await (const c of nr.stream(['sh', '-c', GROUP])) {
        out += text(c);
        if (out.split('\n').length > 3) break;
      }
      const pids = out.trim().split('\n').map(Number);
      expect(pids.length).toBe(3);
      expect(await allGone(pids)).toBe(true);
    });
    it('kills the group when a stream loop throws', async () => {
      let out = '';
      const e = await caught((async () => {
        for await (const c of nr.stream(['sh', '-c', GROUP])) {
          out += text(c);
          if (out.split('\n').length > 3) throw new Error('consumer failed');
        }
      })());
      expect(e.message).toBe('consumer failed');
      expect(await allGone(out.trim().split('\n').map(Number))).toBe(true);
    });
    it('kills the group when the AbortSignal fires', async () => {
      const ac = new AbortController();
      const pending = nr.run(['sh', '-c', 'sleep 100 & wait'], { signal: ac.signal });
      setTimeout(() => ac.abort(new Error('enough')), 200);
      const e = await caught(pending);
      expect(AbortError.isInstance(e)).toBe(true);
      expect(await allGone([e.pid])).toBe(true);
    });
    it('kills the child of a Process that is garbage collected unawaited', async () => {
      async function abandon(): Promise<number> {
        const p = await nr.spawn(['sleep', '100']);
        return p.pid;
      }
      const pid = await abandon();
      expect(procState(pid)).toMatch(/^[RSD]$/); // alive (D: still paging sleep in)
      const gone = await waitFor(() => {
        void env.gc();
        return procState(pid) === 'gone';
      }, 15_000, 100);
      expect(gone).toBe(true);
    });
    it('kills the group of a stream() generator dropped mid-iteration (advanced by hand, never returned)', async () => {
      async function abandon(): Promise<number[]> {
        const chunks = nr.stream(['sh', '-c', 'sleep 100 & echo $! $$; wait']);
        const first = await chunks[Symbol.asyncIterator]().next();
        return text(first.value as Uint8Array).trim().split(' ').map(Number);
      }
      const pids = await abandon();
      expect(pids.map(procState).every((s) => /^[RSD]$/.test(s))).toBe(true); // alive (D: still paging sleep in)
      const gone = await waitFor(() => {
        void env.gc();
        return pids.every((pid) => procState(pid) === 'gone');
      }, 15_000, 100);
      for (const pid of pids) killLeftover(pid);
      expect(gone).toBe(true);
    }, 30_000);
  });

  describe('the child dies first', () => {
    it('leaves no zombie and reports the exit once', async () => {
      const p = await nr.spawn(['sh', '-c', 'sleep 0.1 & exit 5']);
      const [a, b] = await Promise.all([p.wait(), p.wait()]);
      expect(a).toBe(b);
      expect(a.exitCode).toBe(5);
      expect(await waitFor(() => childrenOf(p.pid).length === 0 && procState(p.pid) === 'gone')).toBe(true);
    });
  });
}
