// Compiled by src/strict-options-types.test.ts: each expect-error directive
// below must meet an error, else TS2578 (unused directive) fails the test.
import type { NetRunnerApi } from '../src/index.js';

export async function misspelled(nr: NetRunnerApi): Promise<void> {
  // @ts-expect-error `shel` is not an option of run()
  await nr.run(['echo'], { shel: true });
  // @ts-expect-error `timeout` is not an option of spawn()
  await nr.spawn(['sleep', '1'], { timeout: 5 });
  // @ts-expect-error `maxOutputSize` is not an option of stream()
  nr.stream(['yes'], { maxOutputSize: 5 });
  // @ts-expect-error `defaultTimout` is not a key of configure()
  nr.configure({ defaultTimout: 5 });
  // @ts-expect-error `cwdd` is not an option of $
  await nr.$({ cwdd: '/' })`ls`;
  // @ts-expect-error a `$` never runs through a shell
  await nr.$({ shell: true })`ls`;
  // @ts-expect-error a `$` never runs through a shell
  await nr.$({ cwd: '/' })({ shell: '/bin/sh' })`ls`;
  // @ts-expect-error a template value is a string, a number or an array of them
  await nr.$`echo ${{}}`;
  // @ts-expect-error `signal` is not an option of runSync()
  nr.runSync(['ls'], { signal: undefined });
  // @ts-expect-error `SIGFOO` is not a signal name
  await nr.spawn(['sleep', '1'], { killSignal: 'SIGFOO' });
}

export async function correct(nr: NetRunnerApi): Promise<void> {
  const lines: string[] = (await nr.run(['ls'], { lines: true })).stdout;
  const bytes: Uint8Array = (await nr.run(['ls'], { encoding: 'buffer', all: true })).stdout;
  const text: string = (await nr.run(['echo $HOME'], { shell: true, preferLocal: true, reject: true, stripFinalNewline: true })).stdout;
  const viaTemplate: string[] = (await nr.$({ lines: true })`ls ${['-l', '-a']}`).stdout;
  nr.configure({ defaultTimeout: 1000 });
  const syncLines: string[] = nr.runSync(['ls'], { lines: true, input: ['a', 'b'] }).stdout;
  const syncBytes: Uint8Array = nr.runSync(['ls'], { encoding: 'buffer' }).stdout;
  const p = await nr.spawn(['sleep', '1'], { killSignal: 'SIGRTMIN+3', argv0: 'sleeper' });
  p.kill('SIGWINCH');
  p.kill('SIGRTMAX-2');
  void [lines, bytes, text, viaTemplate, syncLines, syncBytes];
}
