import type { NodeReadable, NodeWritable } from '@netrunner/types';
import type { NodeInterop } from './adapter.js';
import type { Hold, OutputChannel } from './output-channel.js';
import type { StdinSink } from './web-streams.js';

/** An output as a Node Readable: one read from the child per _read(), so the child blocks while the buffer is full. */
export function outputNodeReadable(classes: NodeInterop, hold: Hold, channel: OutputChannel): NodeReadable {
  return new classes.Readable({
    read() {
      hold(channel.read()).then(
        (chunk) => this.push(chunk),
        (e: unknown) => this.destroy(e as Error),
      );
    },
    destroy(error, callback) {
      channel.release();
      callback(error);
    },
  });
}

/** Stdin as a Node Writable: a write calls back once its bytes are in the pipe; end() closes stdin. */
export function inputNodeWritable(classes: NodeInterop, sink: StdinSink): NodeWritable {
  return new classes.Writable({
    write(chunk: Uint8Array, _encoding, callback) {
      sink.write(chunk).then(() => callback(), callback);
    },
    final(callback) {
      sink.closeStdin().then(() => callback(), callback);
    },
    destroy(error, callback) {
      sink.closeStdin().then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
}
