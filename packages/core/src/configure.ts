import { NetRunnerError, ValidationError, milliseconds, normalizeCgroupPath, rejectUnknownOptions, type NetRunnerConfig } from '@netrunner/types';
import type { HostOptions } from './adapter.js';
import type { Context } from './context.js';

/** Validate `config` and make it the options of the next shepherd; see NetRunner.configure. */
export function configure(ctx: Context, config: NetRunnerConfig): void {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ValidationError('config', 'an object', config);
  }
  rejectUnknownOptions(config, 'configure()', 'config');
  const o = config as Record<string, unknown>;
  const next: HostOptions = {};
  if (o.cgroupRoot !== undefined) next.cgroupRoot = normalizeCgroupPath(o.cgroupRoot, 'cgroupRoot');
  const defaultTimeout = o.defaultTimeout === undefined ? 0 : milliseconds(o.defaultTimeout, 'defaultTimeout');
  if (ctx.hosts.open && ctx.hosts.options.cgroupRoot !== next.cgroupRoot) {
    throw new NetRunnerError('configure(): a shepherd is already running with other settings; call shutdown() first', {
      code: 'ESHEPHERDOPEN',
    });
  }
  ctx.hosts.options = next;
  ctx.defaults = { timeout: defaultTimeout };
}
