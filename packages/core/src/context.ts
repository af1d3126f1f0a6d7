import type { RuntimeAdapter } from './adapter.js';
import type { HostManager } from './host-manager.js';

/** What every call needs: the runtime adapter and this realm's shepherd. */
export interface Context {
  adapter: RuntimeAdapter;
  hosts: HostManager;
}
