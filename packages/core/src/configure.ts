import { NetRunnerError, ValidationError, normalizeCgroupPath, type NetRunnerConfig } from '@netrunner/types';
import type { HostOptions } from './adapter.js';
import type { Context } from './context.js';

/** Validate `config` and make it the options of the next shepherd; see NetRunnerApi.configure. */
export function configure(ctx: Context, config: NetRunnerConfig): void {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ValidationError('config', 'an object', config);
  }
  const o = config as Record<string, unknown>;
  const next: HostOptions = {};
  if (o.cgroupRoot !== undefined) next.cgroupRoot = normalizeCgroupPath(o.cgroupRoot, 'cgroupRoot');
  if (ctx.hosts.open && ctx.hosts.options.cgroupRoot !== next.cgroupRoot) {
    throw new NetRunnerError('configure(): a shepherd is already running with other settings; call shutdown() first', {
      code: 'ESHEPHERDOPEN',
    });
  }
  ctx.hosts.options = next;
}
