import type { Hold, OutputChannel } from './output-channel.js';

/**
 * An output as a ReadableStream that reads from the child only when pulled
 * (highWaterMark 0: no read ahead), so an unread stream blocks the child.
 * `hold` is the Process's: a live stream keeps its Process (and child) alive.
 */
export function outputReadable(hold: Hold, channel: OutputChannel): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await hold(channel.read());
        if (chunk === null) controller.close();
        else controller.enqueue(chunk);
      },
      cancel() {
        channel.release();
      },
    },
    { highWaterMark: 0 },
  );
}

/** What a stdin stream needs of a Process. */
export interface StdinSink {
  write(data: string | Uint8Array): Promise<void>;
  closeStdin(): Promise<void>;
}

/** Stdin as a WritableStream: each write resolves once in the pipe, so a child that does not read holds the writer back. */
export function inputWritable(sink: StdinSink): WritableStream<Uint8Array> {
  return new WritableStream<Uint8Array>(
    {
      write: (chunk) => sink.write(chunk),
      close: () => sink.closeStdin(),
      abort: () => sink.closeStdin(),
    },
    { highWaterMark: 1 },
  );
}
