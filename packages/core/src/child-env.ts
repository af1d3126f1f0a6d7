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
  // A Map: a variable named `__proto__` is a variable like any other.
  const merged = new Map<string, string | undefined>(extendEnv ? Object.entries(base) : []);
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined) merged.delete(key);
    else merged.set(key, value);
  }
  const out: string[] = [];
  for (const [key, value] of merged) {
    if (value !== undefined && !key.includes('=') && !key.includes('\0') && !value.includes('\0')) {
      out.push(`${key}=${value}`);
    }
  }
  return out;
}

/**
 * The host's environment as "K=V" entries, rebuilt only when it changed. The
 * list returned is frozen and shared, so the request encoder reuses its
 * bytes too. With the adapter's envStamp() a change is seen at the cost of
 * one native call (Node's main thread); without it, by comparing every
 * variable with a snapshot of the last build, which allocates nothing and
 * costs a fraction of a rebuild (measured on Bun: ~70 us less per spawn in
 * a loop of spawns).
 */
export class HostEnv {
  #adapter: RuntimeAdapter;
  #stamp: unknown = undefined;
  #entries: readonly string[] | null = null;
  /** The variables the entries were built from, in enumeration order. */
  #keys: string[] = [];
  #values: (string | undefined)[] = [];

  constructor(adapter: RuntimeAdapter) {
    this.#adapter = adapter;
  }

  /** The child environment for `overlay` and `extendEnv`. */
  childEnv(overlay: Record<string, string | undefined>, extendEnv: boolean): readonly string[] {
    if (!extendEnv) return childEnv({}, overlay, false);
    const env = this.#adapter.env();
    if (Object.keys(overlay).length > 0) return childEnv(env, overlay, true);
    const stamp = this.#adapter.envStamp?.();
    const same = stamp === undefined ? this.#sameAsSnapshot(env) : stamp === this.#stamp;
    if (!same || this.#entries === null) {
      this.#entries = Object.freeze(childEnv(env, {}, true));
      this.#stamp = stamp;
      if (stamp === undefined) this.#snapshot(env);
    }
    return this.#entries;
  }

  #snapshot(env: Record<string, string | undefined>): void {
    this.#keys = [];
    this.#values = [];
    for (const key in env) {
      this.#keys.push(key);
      this.#values.push(env[key]);
    }
  }

  #sameAsSnapshot(env: Record<string, string | undefined>): boolean {
    const keys = this.#keys;
    const values = this.#values;
    let i = 0;
    for (const key in env) {
      if (i >= keys.length || keys[i] !== key || values[i] !== env[key]) return false;
      i++;
    }
    return i === keys.length;
  }
}
