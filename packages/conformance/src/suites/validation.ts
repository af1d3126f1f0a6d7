import type { NetRunner } from '@netrunner/types';
import { SpawnError, ValidationError } from '@netrunner/types';
import { caught } from '../helpers/bytes.js';
import { fdCount, waitFor, zombiesOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** Bad input gets a typed error naming the field, and leaks nothing. */
export function validationBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect, beforeAll } = t;
  const notExecutable = new URL('../../fixtures/not-executable.sh', import.meta.url).pathname;
  let fds = 0;

  async function invalid(call: () => Promise<unknown>, field: string): Promise<ValidationError> {
    const e = await caught(call());
    expect(ValidationError.isInstance(e) ? e.field : e).toBe(field);
    return e;
  }

  async function noLeak(): Promise<void> {
    expect(await waitFor(() => fdCount() <= fds, 5000)).toBe(true);
    expect(zombiesOf()).toEqual([]);
  }

  describe('bad input', () => {
    beforeAll(async () => {
      await nr.run(['true']);
      fds = fdCount();
    });
    it('rejects an empty argv (and never throws synchronously)', async () => {
      let threw = false;
      let pending: Promise<unknown> | undefined;
      let iterable: AsyncIterable<Uint8Array> | undefined;
      try {
        pending = nr.run([]);
        iterable = nr.stream([]);
      } catch {
        threw = true;
      }
      expect(threw).toBe(false);
      await invalid(() => pending!, 'argv');
      await invalid(() => iterable![Symbol.asyncIterator]().next(), 'argv');
      await invalid(() => nr.spawn([]), 'argv');
      await noLeak();
    });
    it('rejects NUL bytes in the program, an argument, an env key and an env value', async () => {
      await invalid(() => nr.run(['ec\0ho']), 'argv[0]');
      await invalid(() => nr.run(['echo', 'a\0b']), 'argv[1]');
      await invalid(() => nr.run(['env'], { env: { 'K\0': 'v' } }), 'env');
      await invalid(() => nr.run(['env'], { env: { K: 'v\0' } }), 'env.K');
      await noLeak();
    });
    it('rejects unknown signals, 0 and 32', async () => {
      const p = await nr.spawn(['sleep', '100']);
      for (const bad of ['SIGFOO', 0, 32, -1, 1.5]) {
        let e: unknown;
        try {
          p.kill(bad as never);
        } catch (err) {
          e = err;
        }
        expect(ValidationError.isInstance(e) ? (e as ValidationError).field : e).toBe('signal');
      }
      expect(p.alive).toBe(true);
      p.kill(9);
      await p.wait();
      await noLeak();
    });
    it('names `cwd` when the working directory is missing', async () => {
      const e = await caught(nr.run(['ls'], { cwd: '/nonexistent/netrunner' }));
      expect(SpawnError.isInstance(e)).toBe(true);
      expect([e.code, e.field, e.stage]).toEqual(['ENOENT', 'cwd', 'cwd']);
      await noLeak();
    });
    it('reports EACCES for a file that is not executable', async () => {
      const e = await caught(nr.run([notExecutable]));
      expect(SpawnError.isInstance(e)).toBe(true);
      expect([e.code, e.field]).toEqual(['EACCES', 'argv']);
      await noLeak();
    });
    it('reports ENOENT for a program not on PATH', async () => {
      const e = await caught(nr.run(['netrunner-no-such-program']));
      expect(SpawnError.isInstance(e)).toBe(true);
      expect([e.code, e.field]).toEqual(['ENOENT', 'argv']);
      await noLeak();
    });
    it('rejects a negative timeout with the one message template', async () => {
      const e = await invalid(() => nr.run(['true'], { timeout: -1 }), 'timeout');
      expect(e.message).toBe('Expected `timeout` to be a non-negative integer, got -1');
      await invalid(() => nr.run(['true'], { maxOutputSize: 1.5 }), 'maxOutputSize');
      await invalid(() => nr.run(['true'], { killTimeout: -5 }), 'killTimeout');
      await invalid(() => nr.run(['true'], { stderr: 'loud' as never }), 'stderr');
      await invalid(() => nr.run(['true'], { cgroup: '../escape' }), 'cgroup.path');
      await noLeak();
    });
  });
}
