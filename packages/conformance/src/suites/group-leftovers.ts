import type { NetRunner, Process } from '@netrunner/types';
import { caught, text } from '../helpers/bytes.js';
import { allGone, procState, waitFor, killLeftover } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

// The leader prints `<sleep pid> <its own pid>` and exits; `sleep` stays in its group, holding no output.
const LEAVES_SLEEP = ['sh', '-c', 'sleep 1000 > /dev/null 2>&1 & echo $! $$'];

function parse(line: string): { grandchild: number; leader: number } {
  const [grandchild, leader] = line.trim().split(' ').map(Number);
  return { grandchild: grandchild!, leader: leader! };
}


/**
 * Every way of stopping or finishing a child also kills what is left of its
 * process group once the child (the group leader) was reaped. Needs the
 * shepherd to signal such a group (lingering groups).
 */
export function groupLeftoverBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  async function spawnedAndExited(): Promise<{ p: Process; grandchild: number }> {
    const p = await nr.spawn(LEAVES_SLEEP);
    const { grandchild } = parse(text(await p.read()) ?? '');
    await p.wait();
    return { p, grandchild };
  }

  async function expectGone(grandchild: number): Promise<void> {
    const gone = await allGone([grandchild], 3000);
    const state = procState(grandchild);
    killLeftover(grandchild);
    expect(gone ? 'gone' : state).toBe('gone');
  }

  /** Consume a stream until its leader has been reaped, then leave the loop by `leave`. */
  async function streamLeft(leave: 'break' | 'throw'): Promise<number> {
    let grandchild = 0;
    const e = await caught((async () => {
      for await (const c of nr.stream(LEAVES_SLEEP)) {
        const pids = parse(text(c) ?? '');
        grandchild = pids.grandchild;
        await waitFor(() => procState(pids.leader) === 'gone');
        if (leave === 'break') break;
        throw new Error('consumer failed');
      }
    })());
    expect(leave === 'throw' ? e.message : e.resolvedInstead).toBe(leave === 'throw' ? 'consumer failed' : undefined);
    return grandchild;
  }

  describe('what is left of the group after the child exited', () => {
    it('is killed when a stream loop breaks', async () => expectGone(await streamLeft('break')));
    it('is killed when a stream loop throws', async () => expectGone(await streamLeft('throw')));
    it('is killed when run() ends', async () => expectGone(parse((await nr.run(LEAVES_SLEEP)).stdout).grandchild));
    it('is killed by stop()', async () => {
      const { p, grandchild } = await spawnedAndExited();
      expect((await p.stop()).exitCode).toBe(0);
      await expectGone(grandchild);
    });
    it('is killed by dispose', async () => {
      const { p, grandchild } = await spawnedAndExited();
      await p[Symbol.asyncDispose]();
      await expectGone(grandchild);
    });
    it('is killed when the Process is garbage collected', async () => {
      async function abandon(): Promise<number> {
        return (await spawnedAndExited()).grandchild;
      }
      const grandchild = await abandon();
      const gone = await waitFor(() => {
        void env.gc();
        return procState(grandchild) === 'gone';
      }, 15_000, 100);
      killLeftover(grandchild);
      expect(gone).toBe(true);
    }, 30_000);
  });
}
