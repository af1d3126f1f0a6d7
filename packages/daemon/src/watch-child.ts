import type { ExitInfo } from '@netrunner/types';
import type { DaemonProcess } from './daemon-options.js';
import type { OutputSink } from './output-sink.js';

/**
 * Drain a daemon's child into `sink` and resolve with its exit once its
 * output has ended (null when the child was lost). The ended child is then
 * disposed, so what it left running in its group (a background job) is
 * killed before any restart.
 */
export async function watchChild(child: DaemonProcess, sink: OutputSink, log: (line: string) => void, label: string): Promise<ExitInfo | null> {
  const drained = Promise.all([sink.drain(child.stdout, 'stdout'), sink.drain(child.stderr, 'stderr')]);
  try {
    const info = await child.wait();
    await drained;
    return info;
  } catch (e) {
    log(`[${label}] lost its child: ${String(e)}`);
    return null;
  } finally {
    await child[Symbol.asyncDispose]().catch((e: unknown) => log(`[${label}] releasing its child failed: ${String(e)}`));
  }
}
