// @netrunner/daemon: supervised long-running processes over either binding.
export { Daemon } from './daemon.js';
export type { DaemonOptions, DaemonRunner, DaemonProcess, DaemonStatus, OnOutput, OutputStream, RestartPolicy } from './daemon-options.js';
export type { DaemonState } from './daemon-state.js';
export { StartCancelledError } from './start-cancelled-error.js';
export { RingBuffer } from './ring-buffer.js';
