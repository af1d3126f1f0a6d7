import type { NetRunner } from '@netrunner/types';
import { Daemon, type DaemonRunner } from '@netrunner/daemon';
import { ValidationError } from '@netrunner/types';
import { caught } from '../helpers/bytes.js';
import { childrenOf } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** An unknown option key is a ValidationError naming it and the nearest known one, before anything is spawned. */
export function strictOptionsBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;
  const loose = nr as unknown as Record<'run' | 'spawn', (argv: string[], o: object) => Promise<unknown>> & {
    stream(argv: string[], o: object): AsyncIterable<Uint8Array>;
    configure(o: object): void;
  };

  async function said(call: Promise<unknown>): Promise<string> {
    const e = await caught(call);
    return ValidationError.isInstance(e) ? `${e.field}: ${e.message}` : `not a ValidationError: ${String(e)}`;
  }

  describe('strict options', () => {
    it('run(), stream() and spawn() name a misspelled key and suggest the known one', async () => {
      const before = childrenOf(process.pid).length;
      expect(await said(loose.run(['echo $HOME'], { shel: true }))).toBe('shel: Unknown option `shel` of run(): did you mean `shell`?');
      expect(await said(loose.stream(['yes'], { timout: 10 })[Symbol.asyncIterator]().next())).toBe(
        'timout: Unknown option `timout` of stream(): did you mean `timeout`?',
      );
      expect(await said(loose.spawn(['cat'], { envv: {} }))).toBe('envv: Unknown option `envv` of spawn(): did you mean `env`?');
      expect(await said(loose.run(['ls'], { preferlocal: true }))).toBe(
        'preferlocal: Unknown option `preferlocal` of run(): did you mean `preferLocal`?',
      );
      // Nothing was spawned for any of them.
      expect(childrenOf(process.pid).length).toBe(before);
    });

    it('says which call a key belongs to, instead of silently ignoring it', async () => {
      expect(await said(loose.spawn(['sleep', '1'], { timeout: 10 }))).toBe(
        'timeout: Unknown option `timeout` of spawn(): it is an option of run(), runSync(), stream(), pipeline() and streamPipeline()',
      );
      expect(await said(loose.stream(['yes'], { maxOutputSize: 10 })[Symbol.asyncIterator]().next())).toBe(
        'maxOutputSize: Unknown option `maxOutputSize` of stream(): it is an option of run(), runSync() and pipeline()',
      );
      expect(await said(loose.run(['false'], { allowNonZeroExit: true }))).toBe(
        'allowNonZeroExit: Unknown option `allowNonZeroExit` of run(): it is an option of stream() and streamPipeline()',
      );
    });

    it('configure() and new Daemon() check their keys the same way', async () => {
      let thrown: unknown;
      try {
        loose.configure({ defaultTimout: 10 });
      } catch (e) {
        thrown = e;
      }
      expect(ValidationError.isInstance(thrown) ? thrown.message : thrown).toBe(
        'Unknown option `defaultTimout` of configure(): did you mean `defaultTimeout`?',
      );
      thrown = undefined;
      try {
        new Daemon({ runner: nr as unknown as DaemonRunner, argv: ['true'], restartDelai: 5 } as never);
      } catch (e) {
        thrown = e;
      }
      expect(ValidationError.isInstance(thrown) ? thrown.message : thrown).toBe(
        'Unknown option `restartDelai` of new Daemon(): did you mean `restartDelay`?',
      );
    });
  });
}
