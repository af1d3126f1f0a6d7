import type { NetRunner } from '@netrunner/types';
import { SIGNALS, SpawnError, ValidationError } from '@netrunner/types';
import fc from 'fast-check';
import { badInputCase, callArguments, type BadInputCase } from '../helpers/bad-options.js';
import { caught } from '../helpers/bytes.js';
import { activityOf, descendantsOf, shepherdsOf } from '../helpers/host-tree.js';
import { fdCount, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** What the bug reports showed instead of words: engine messages and bare errno numbers. */
const NOT_WORDS = /Invalid DataView|outside the bounds|Cannot read propert|is not a function|is not iterable|is not an object|\bE\d+\b/;
/** "Cannot spawn `x`: ENOENT (no such file or directory) at stage resolve, looking up ..." */
const SPAWN_WORDS = /^Cannot spawn `[^`]*`: E[A-Z0-9]+ \((?!unknown error)[a-z][^)]*\) at stage [a-z]+, [a-z]/;
/** The request size the shepherd accepts (NR_MAX_FRAME), and its fixed part for ['true', s] with no env. */
const MAX_REQUEST = 8 * 1024 * 1024;
const TRUE_AND_ONE_ARG = 80;

/** Run one call to its end; the error it rejected with, or undefined. */
async function attempt(nr: NetRunner, c: BadInputCase): Promise<unknown> {
  const [argv, options] = callArguments(c) as [string[], never];
  try {
    if (c.method === 'run') await nr.run(argv, options);
    else if (c.method === 'stream') for await (const _ of nr.stream(argv, options));
    else await (await nr.spawn(argv, options))[Symbol.asyncDispose](); // stop, then close every fd
    return undefined;
  } catch (e) {
    return e;
  }
}

/**
 * Until the shepherds have no child left (not even a zombie) and have done
 * nothing for 90 ms: a reap after a spawn wakes them too (the signalfd).
 */
async function shepherdsSettled(): Promise<void> {
  await waitFor(() => descendantsOf().join() === shepherdsOf().join(), 10_000);
  let last = activityOf(shepherdsOf());
  let quiet = 0;
  await waitFor(() => {
    const now = activityOf(shepherdsOf());
    quiet = now === last ? quiet + 1 : 0;
    last = now;
    return quiet >= 3;
  }, 5000, 30);
}

/** Bad input is refused with a typed error in words, before anything is spawned, and leaks nothing. */
export function badInputBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect, beforeAll } = t;
  let fds = 0;

  function expectField(e: unknown, field: string): void {
    expect(ValidationError.isInstance(e) ? e.field : e).toBe(field);
  }

  /** `call` rejects with ValidationError(field) and no request reaches the shepherd. */
  async function refusedBeforeSpawn(call: () => Promise<unknown>, field: string): Promise<ValidationError> {
    await shepherdsSettled();
    const shepherds = shepherdsOf();
    expect(shepherds.length).toBeGreaterThan(0);
    const [read, tree] = [activityOf(shepherds), descendantsOf()];
    const e = await caught(call());
    expectField(e, field);
    expect([activityOf(shepherds), descendantsOf()]).toEqual([read, tree]);
    return e as ValidationError;
  }

  async function backToStart(): Promise<void> {
    expect(await waitFor(() => descendantsOf().join() === shepherdsOf().join(), 10_000)).toBe(true);
    await waitFor(() => fdCount() <= fds, 5000);
    expect(fdCount()).toBeLessThanOrEqual(fds);
    expect(zombiesOf()).toEqual([]);
  }

  describe('bad input, before anything is spawned', () => {
    beforeAll(async () => {
      await nr.run(['true']); // the shepherd is open before anything is counted
      fds = fdCount();
    });

    it('refuses timeouts of 2^31 ms and more, which a timer would fire at once', async () => {
      for (const ms of [2 ** 31, 2 ** 32]) {
        const e = await refusedBeforeSpawn(() => nr.run(['sleep', '5'], { timeout: ms }), 'timeout');
        expect(e.message).toMatch(/from 0 to 2147483647 \(about 24\.8 days/);
        await refusedBeforeSpawn(() => nr.run(['sleep', '5'], { killTimeout: ms }), 'killTimeout');
        await refusedBeforeSpawn(() => nr.spawn(['sleep', '5'], { killTimeout: ms }), 'killTimeout');
        await refusedBeforeSpawn(async () => {
          for await (const _ of nr.stream(['sleep', '5'], { timeout: ms }));
        }, 'timeout');
      }
      const r = await nr.run(['true'], { timeout: 2 ** 31 - 1, killTimeout: 2 ** 31 - 1 });
      expect(r.exitCode).toBe(0);
      await backToStart();
    });

    it('refuses input that is not chunks, and a sparse argv, naming the field', async () => {
      await refusedBeforeSpawn(() => nr.run(['cat'], { input: [1, 2] as never }), 'input');
      await refusedBeforeSpawn(() => nr.run(['cat'], { input: { [Symbol.iterator]: 5 } as never }), 'input');
      await refusedBeforeSpawn(async () => {
        for await (const _ of nr.stream(['cat'], { input: [1, 2] as never }));
      }, 'input');
      await refusedBeforeSpawn(() => nr.run(new Array(3)), 'argv[0]');
      await refusedBeforeSpawn(() => nr.spawn(['true', , 'x'] as never), 'argv[1]'); // eslint-disable-line no-sparse-arrays
      await backToStart();
    });

    it('stops the child when an input iterable yields a bad chunk mid-way', async () => {
      for (const method of ['run', 'stream'] as const) {
        function* input(): Generator<unknown> {
          yield 'first line\n';
          yield 42;
        }
        const call = method === 'run'
          ? nr.run(['sleep', '100'], { input: input() as never })
          : (async () => {
              for await (const _ of nr.stream(['sleep', '100'], { input: input() as never }));
            })();
        const e = await caught(call);
        expectField(e, 'input');
        expect((e as Error).message).toBe('Expected `input` to be chunks that are strings or Uint8Arrays, got 42');
      }
      await backToStart();
    });

    it('runs a one-character program with no arguments', async () => {
      const r = await nr.run(['w']);
      expect(r.exitCode).toBe(0);
    });

    it('sends a request of exactly the size limit, and refuses one byte more before spawning', async () => {
      const arg = (bytes: number) => 'x'.repeat(bytes - TRUE_AND_ONE_ARG);
      const options = { extendEnv: false, env: {} };
      // At the limit the request reaches the shepherd; exec refuses a 8 MiB argument.
      const atLimit = await caught(nr.run(['true', arg(MAX_REQUEST)], options));
      expect(SpawnError.isInstance(atLimit) ? [atLimit.code, atLimit.field] : atLimit).toEqual(['E2BIG', 'argv']);
      expect((atLimit as Error).message).toMatch(/E2BIG \(argument list too long\)/);
      const over = await refusedBeforeSpawn(() => nr.run(['true', arg(MAX_REQUEST + 1)], options), 'argv');
      expect(over.message).toMatch(/at most 8388608 bytes \(8 MiB\).*got a request of (at least )?8388609 bytes$/);
      await refusedBeforeSpawn(() => nr.run(['true', arg(3 * MAX_REQUEST)], options), 'argv');
      await backToStart();
    });

    it('says what an errno means in a SpawnError', async () => {
      const e = await caught(nr.run(['netrunner-no-such-program']));
      expect((e as Error).message).toBe(
        'Cannot spawn `netrunner-no-such-program`: ENOENT (no such file or directory) at stage resolve, looking up the program (`argv[0]`)',
      );
    });

    it("refuses bad arguments to a live Process's write(), kill() and resize(), and keeps it running", async () => {
      const p = await nr.spawn(['cat'], { pty: true });
      const isSignal = (v: unknown) =>
        (typeof v === 'string' && Object.hasOwn(SIGNALS, v)) || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 31);
      const isSize = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;
      const rejected = async (call: () => unknown, field: string) => {
        let e: unknown;
        try {
          await call();
        } catch (err) {
          e = err;
        }
        expect(ValidationError.isInstance(e) ? e.field : e).toBe(field);
      };
      await fc.assert(
        fc.asyncProperty(
          fc.anything().filter((v) => typeof v !== 'string' && !(v instanceof Uint8Array)),
          fc.anything().filter((v) => v !== undefined && !isSignal(v)),
          fc.tuple(fc.anything(), fc.integer({ min: 1, max: 65535 })),
          async (data, signal, [badSize, goodSize]) => {
            await rejected(() => p.write(data as never), 'data');
            await rejected(() => p.kill(signal as never), 'signal');
            if (!isSize(badSize)) {
              await rejected(() => p.resize(badSize as never, goodSize), 'rows');
              await rejected(() => p.resize(goodSize, badSize as never), 'cols');
            }
          },
        ),
        { numRuns: 100, seed: 20261129 },
      );
      expect(p.alive).toBe(true);
      await p[Symbol.asyncDispose]();
      await backToStart();
    }, 30_000);

    it('refuses every generated bad argv or option with a typed error in words, spawning nothing and leaking nothing', async () => {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(badInputCase, async (c) => {
          const shepherds = shepherdsOf();
          expect(shepherds.length).toBeGreaterThan(0);
          const [read, tree] = [activityOf(shepherds), descendantsOf()];
          const e = await attempt(nr, c);
          const validation = ValidationError.isInstance(e);
          if (e !== undefined) {
            expect(validation || SpawnError.isInstance(e) ? 'typed' : e).toBe('typed');
            expect((e as Error).message).not.toMatch(NOT_WORDS);
          }
          if (validation) {
            refused++;
            const template = [`Expected \`${e.field}\` to be `, `Unknown option \`${e.field}\` of `];
            expect(template.some((start) => e.message.startsWith(start)) ? 'template' : e.message).toBe('template');
            // Nothing reached the shepherd, and no process appeared.
            expect([activityOf(shepherds), descendantsOf()]).toEqual([read, tree]);
          } else {
            if (SpawnError.isInstance(e)) expect(e.message).toMatch(SPAWN_WORDS);
            // The probe sees requests: every call that got this far sent one.
            // It went back to sleep after the request, maybe a moment after replying.
            expect(await waitFor(() => activityOf(shepherds) !== read, 2000, 5)).toBe(true);
            await shepherdsSettled();
          }
          // The error names the part the case broke (or the field under it), and only then.
          const field = validation ? e.field : null;
          const expected = c.expectedField;
          const names = field !== null && expected !== null && [expected, `${expected}.`, `${expected}[`].some((f) => field === expected || field.startsWith(f));
          expect(names || (field === null && expected === null) ? 'as expected' : { field, expected }).toBe('as expected');
        }),
        { numRuns: 200, seed: 20261129 },
      );
      expect(refused).toBeGreaterThan(100);
      await backToStart();
    }, 120_000);
  });
}
