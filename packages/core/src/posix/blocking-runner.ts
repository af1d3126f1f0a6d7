// runSync() on Node and Bun: run() on a helper thread while the caller
// blocks in Atomics.wait, the reply taken with receiveMessageOnPort. The
// thread is started once and left unref'd; it owns its own shepherd, so
// every guarantee of run() holds, host death included (the thread dies
// with the process).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { NetRunnerError } from '@netrunner/types';
import type { BlockingRunner, BlockingRunReply } from '../run-sync.js';

/** The states of flag[0], written by the helper thread. */
export const IDLE = 0;
export const ACCEPTED = 1;
export const DONE = 2;
/** Set by the caller when it gave up waiting for ACCEPTED: the request must not run. */
export const CANCELLED = 3;

// Bounds only the helper thread taking the request (its start), not the run.
const ACCEPT_TIMEOUT_MS = 60_000;

interface Helper {
  port: MessagePort;
  flag: Int32Array;
}

function startHelper(bindingEntry: string, onExit: (h: Helper) => void): Helper {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./run-sync-worker.js', import.meta.url), {
    workerData: { port: port2, flag, entry: bindingEntry },
    transferList: [port2],
  });
  const helper = { port: port1, flag };
  worker.unref();
  port1.unref();
  worker.on('exit', () => onExit(helper));
  return helper;
}

/**
 * A BlockingRunner that runs each request through `run()` of the binding
 * module at `bindingEntry` (a file URL), loaded on the helper thread.
 */
export function blockingRunner(bindingEntry: string): BlockingRunner {
  let helper: Helper | null = null;
  const forget = (h: Helper): void => {
    if (helper === h) helper = null;
  };
  return (request) => {
    const h = (helper ??= startHelper(bindingEntry, forget));
    Atomics.store(h.flag, 0, IDLE);
    h.port.postMessage(request);
    // Taken back only if the helper thread has not accepted it in the meantime.
    if (Atomics.wait(h.flag, 0, IDLE, ACCEPT_TIMEOUT_MS) === 'timed-out' && Atomics.compareExchange(h.flag, 0, IDLE, CANCELLED) === IDLE) {
      helper = null;
      throw new NetRunnerError(`runSync(): the helper thread did not start within ${ACCEPT_TIMEOUT_MS} ms`, { argv: request.argv, code: 'ETIMEDOUT' });
    }
    while (Atomics.load(h.flag, 0) !== DONE) Atomics.wait(h.flag, 0, ACCEPTED);
    const reply = receiveMessageOnPort(h.port);
    if (reply === undefined) throw new NetRunnerError('runSync(): the helper thread ended without a reply', { argv: request.argv, code: 'EPIPE' });
    return reply.message as BlockingRunReply;
  };
}
