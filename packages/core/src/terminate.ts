import type { ChildState } from './child-state.js';

const SIGTERM = 15;
const SIGKILL = 9;

/**
 * Stop a child's process group: SIGTERM, then SIGKILL if it is still running
 * after `killTimeout` ms (at once when 0). Resolves once it has been reaped.
 */
export async function terminate(state: ChildState, killTimeout: number): Promise<void> {
  if (state.outcome !== null) return;
  if (killTimeout > 0 && state.signal(SIGTERM)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<boolean>((resolve) => {
      timer = setTimeout(resolve, killTimeout, true);
    });
    const late = await Promise.race([state.exited.then(() => false), expired]);
    clearTimeout(timer);
    if (!late) return;
  }
  state.signal(SIGKILL);
  await state.exited;
}
