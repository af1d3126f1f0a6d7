import type { ChildState } from './child-state.js';

const SIGKILL = 9;

/** How netrunner stops a child: `killSignal` first, SIGKILL `killTimeout` ms later. */
export interface StopPolicy {
  killTimeout: number;
  killSignal: number;
}

/**
 * Stop a child's process group: killSignal (SIGTERM by default), then
 * SIGKILL if the child is still running after `killTimeout` ms (at once when
 * 0). Once the child is reaped, what is left of its group (grandchildren) is
 * SIGKILLed: it has had its signal, or the child had already exited.
 * Resolves once the child is reaped.
 */
export async function terminate(state: ChildState, { killTimeout, killSignal }: StopPolicy): Promise<void> {
  if (state.outcome === null && killTimeout > 0 && state.signal(killSignal)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<boolean>((resolve) => {
      timer = setTimeout(resolve, killTimeout, true);
    });
    await Promise.race([state.exited.then(() => false), expired]);
    clearTimeout(timer);
  }
  if (state.outcome === null) {
    state.signal(SIGKILL);
    await state.exited;
  }
  state.killLeftovers();
}
