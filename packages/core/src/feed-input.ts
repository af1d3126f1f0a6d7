import type { InputSource } from '@netrunner/types';
import type { ChildState } from './child-state.js';
import { toChunks } from './to-chunks.js';

const PIPE_GONE = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/**
 * Write `input` to the child's stdin, then close it. A child that stops
 * reading (closes stdin or exits) is not an error: the rest is dropped.
 */
export async function feedInput(state: ChildState, input: InputSource | undefined): Promise<void> {
  try {
    if (input !== undefined) {
      for await (const chunk of toChunks(input)) {
        if (state.stdinClosed) break;
        if (chunk.length > 0) await state.write(chunk);
      }
    }
  } catch (e) {
    if (!PIPE_GONE.has((e as { code?: string } | null)?.code ?? '')) throw e;
  } finally {
    await state.closeStdin();
  }
}
