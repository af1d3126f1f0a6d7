import type { RunDefaults } from '@netrunner/types';
import type { RuntimeAdapter } from './adapter.js';
import type { HostEnv } from './child-env.js';
import type { HostManager } from './host-manager.js';

/** What every call needs: the runtime adapter and this realm's shepherd. */
export interface Context {
  adapter: RuntimeAdapter;
  hosts: HostManager;
  /** The host's environment, cached while unchanged. */
  env: HostEnv;
  /** What calls without their own value get (configure({ defaultTimeout })). */
  defaults: RunDefaults;
  /** NETRUNNER_DEBUG=1 when the API was created: every call logs as with `verbose: true`. */
  debug: boolean;
}
