import { AbortError, SpawnError, errnoName, type NormalizedSpawnOptions, type SpawnStage } from '@netrunner/types';
import { ChildState } from './child-state.js';
import type { Context } from './context.js';
import { encodeSpawnRequest, NR_ENV_REPLACE } from './encode-spawn-request.js';
import { sandboxRequest } from './sandbox-request.js';

const STAGES: SpawnStage[] = ['host', 'request', 'resolve', 'resource', 'cwd', 'exec', 'cgroup', 'setup', 'sandbox'];
const STDERR_MODE = { consume: 0, redirect: 1, disabled: 2 } as const;

const ENOENT = 2;
const EOPNOTSUPP = 95;

/** Encode the request, ask the shepherd, and wrap the child; throws SpawnError, or AbortError if `signal` is already aborted. */
export function spawnChild(ctx: Context, opts: NormalizedSpawnOptions): ChildState {
  if (opts.signal?.aborted) throw new AbortError({ cause: opts.signal.reason });
  // cgroups are a Linux feature; elsewhere say so before asking the shepherd.
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  if (opts.cgroup !== null && platform !== undefined && platform !== 'linux') {
    throw new SpawnError(opts.argv, ENOENT, 'ENOENT', 'cgroup', {
      cause: new Error(`cgroups are unavailable on this platform (${platform}); remove the \`cgroup\` option`),
    });
  }
  if (opts.sandbox !== null && platform !== undefined && platform !== 'linux') {
    throw new SpawnError(opts.argv, EOPNOTSUPP, 'EOPNOTSUPP', 'sandbox', {
      cause: new Error(`the sandbox needs Linux (Landlock, seccomp), not ${platform}; remove the \`sandbox\` option`),
    });
  }
  let env = ctx.env.childEnv(opts.env, opts.extendEnv);
  const sandbox = opts.sandbox && sandboxRequest(opts.sandbox, env, opts.env, ctx.adapter.pathExists?.bind(ctx.adapter));
  if (sandbox) env = sandbox.env;
  const request = encodeSpawnRequest({
    pty: opts.pty !== null,
    stderrMode: STDERR_MODE[opts.stderr],
    envMode: NR_ENV_REPLACE,
    killTimeoutMs: opts.killTimeout,
    rows: opts.pty?.rows ?? 0,
    cols: opts.pty?.cols ?? 0,
    argv: opts.argv,
    env,
    cwd: opts.cwd,
    cgroup: opts.cgroup?.path ?? null,
    memoryMax: opts.cgroup?.memoryMax ?? -1,
    pidsMax: opts.cgroup?.pidsMax ?? -1,
    cpuQuotaUs: opts.cgroup?.cpuQuotaUs ?? -1,
    cpuPeriodUs: opts.cgroup?.cpuPeriodUs ?? -1,
    extensions: sandbox ? [sandbox.extension] : [],
  });
  const reply = ctx.hosts.spawn(request);
  if ('errno' in reply) {
    throw new SpawnError(opts.argv, reply.errno, errnoName(reply.errno), STAGES[reply.stage] ?? 'host');
  }
  return new ChildState(ctx.adapter, ctx.hosts, ctx.hosts.host, reply, {
    pty: opts.pty !== null,
    cgroup: opts.cgroup?.path ?? null,
    waitDelay: opts.waitDelay,
  });
}
