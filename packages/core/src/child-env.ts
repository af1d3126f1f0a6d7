import type { RuntimeAdapter } from './adapter.js';

/**
 * The child's full environment as "K=V" entries: the host's environment at
 * call time (when `extendEnv`) with `overlay` applied; `undefined` removes a key.
 */
export function childEnv(
  base: Record<string, string | undefined>,
  overlay: Record<string, string | undefined>,
  extendEnv: boolean,
): string[] {
  const merged: Record<string, string | undefined> = extendEnv ? { ...base } : {};
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  const out: string[] = [];
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && !key.includes('=') && !key.includes('\0') && !value.includes('\0')) {
      out.push(`${key}=${value}`);
    }
  }
  return out;
}

/**
 * The host's environment as "K=V" entries, rebuilt only when the adapter's
 * envStamp() says it changed (reading every variable of process.env costs
 * tens of microseconds on Node). The list returned is frozen and shared.
 */
export class HostEnv {
  #adapter: RuntimeAdapter;
  #stamp: unknown = undefined;
  #entries: readonly string[] | null = null;

  constructor(adapter: RuntimeAdapter) {
    this.#adapter = adapter;
  }

  /** The child environment for `overlay` and `extendEnv`. */
  childEnv(overlay: Record<string, string | undefined>, extendEnv: boolean): readonly string[] {
    if (!extendEnv) return childEnv({}, overlay, false);
    if (Object.keys(overlay).length > 0) return childEnv(this.#adapter.env(), overlay, true);
    const stamp = this.#adapter.envStamp?.();
    if (stamp === undefined || stamp !== this.#stamp || this.#entries === null) {
      this.#entries = Object.freeze(childEnv(this.#adapter.env(), {}, true));
      this.#stamp = stamp;
    }
    return this.#entries;
  }
}
