// The helper thread of runSync() (see blocking-runner.ts): takes requests,
// runs them with run() of the binding, answers, then wakes the caller.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { NetRunner } from '@netrunner/types';
import type { BlockingRunReply, BlockingRunRequest } from '../run-sync.js';
import { packError } from '../transported-error.js';
import { ACCEPTED, DONE, IDLE } from './blocking-runner.js';

const { port, flag, entry } = workerData as { port: MessagePort; flag: Int32Array; entry: string };
const binding = import(entry) as Promise<NetRunner>;

function wake(state: number): void {
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
}

let cgroupRoot: string | undefined;

/** Give this thread's shepherd the caller's settings (runs are serial: no child is running). */
function configureAs(nr: NetRunner, root: string | undefined): void {
  if (root === cgroupRoot) return;
  nr.shutdown();
  nr.configure(root === undefined ? {} : { cgroupRoot: root });
  cgroupRoot = root;
}

async function serve(request: BlockingRunRequest): Promise<void> {
  const lines: string[] = [];
  const options = request.verbose ? { ...request.options, verbose: (line: string) => lines.push(line) } : request.options;
  let reply: BlockingRunReply;
  try {
    const nr = await binding;
    configureAs(nr, request.cgroupRoot);
    reply = { result: await nr.run(request.argv, options), lines };
  } catch (e) {
    reply = { error: packError(e), lines };
  }
  try {
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({ error: packError(e), lines });
  }
  wake(DONE);
}

port.on('message', (request: BlockingRunRequest) => {
  // A request the caller already gave up on (CANCELLED) is dropped unrun.
  if (Atomics.compareExchange(flag, 0, IDLE, ACCEPTED) !== IDLE) return;
  Atomics.notify(flag, 0);
  void serve(request);
});
