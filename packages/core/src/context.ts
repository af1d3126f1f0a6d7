import type { RuntimeAdapter } from './adapter.js';
import type { HostEnv } from './child-env.js';
import type { HostManager } from './host-manager.js';

/** What every call needs: the runtime adapter and this realm's shepherd. */
export interface Context {
  adapter: RuntimeAdapter;
  hosts: HostManager;
  /** The host's environment, cached while unchanged. */
  env: HostEnv;
}
