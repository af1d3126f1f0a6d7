import { AbortError, SpawnError, errnoName, type NormalizedSpawnOptions, type SpawnStage } from '@netrunner/types';
import { ChildState } from './child-state.js';
import type { Context } from './context.js';
import { encodeSpawnRequest, NR_ENV_REPLACE } from './encode-spawn-request.js';
import { localPath } from './prefer-local.js';
import { sandboxRequest, type SandboxRequest } from './sandbox-request.js';
import { stdioRequest, type StdioRequest } from './stdio-request.js';
import { exitLine, failureLine, verboseSink } from './verbose-log.js';

const STAGES: SpawnStage[] = ['host', 'request', 'resolve', 'resource', 'cwd', 'exec', 'cgroup', 'setup', 'sandbox'];

const ENOENT = 2;
const EOPNOTSUPP = 95;

/** The `env` overlay of a call, with PATH extended under preferLocal. */
function envOverlay(ctx: Context, opts: NormalizedSpawnOptions): Record<string, string | undefined> {
  if (!opts.preferLocal) return opts.env;
  const path = 'PATH' in opts.env ? opts.env.PATH : opts.extendEnv ? ctx.adapter.env().PATH : undefined;
  return { ...opts.env, PATH: localPath(opts.cwd, path) };
}

/**
 * Encode the request, ask the shepherd, and wrap the child; throws
 * SpawnError, or AbortError if `signal` is already aborted. Logs the child's
 * end (or its failure to start) when verbose.
 */
export function spawnChild(ctx: Context, opts: NormalizedSpawnOptions): ChildState {
  const log = verboseSink(opts.verbose, ctx.debug);
  if (log === null) return start(ctx, opts);
  let state: ChildState;
  try {
    state = start(ctx, opts);
  } catch (e) {
    log(failureLine(opts.argv, e));
    throw e;
  }
  void state.exited.then((outcome) => log(exitLine(opts.argv, state.pid, outcome, state.stats().durationMs)));
  return state;
}

function start(ctx: Context, opts: NormalizedSpawnOptions): ChildState {
  if (opts.signal?.aborted) throw new AbortError({ argv: opts.argv, cause: opts.signal.reason });
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
  const env = ctx.env.childEnv(envOverlay(ctx, opts), opts.extendEnv);
  // Before any stdio file is opened: a missing sandbox path throws here.
  const sandbox = opts.sandbox && sandboxRequest(opts.sandbox, env, opts.env, ctx.adapter.pathExists?.bind(ctx.adapter));
  const stdio = stdioRequest(ctx.adapter, opts);
  let reply;
  try {
    reply = ctx.hosts.spawn(encode(opts, stdio, sandbox ? sandbox.env : env, sandbox), stdio.fds);
  } finally {
    // The child has its own copies now (or never will).
    for (const fd of stdio.opened) ctx.adapter.closeFd(fd);
  }
  if ('errno' in reply) {
    throw new SpawnError(opts.argv, reply.errno, errnoName(reply.errno), STAGES[reply.stage] ?? 'host');
  }
  return new ChildState(ctx.adapter, ctx.hosts, ctx.hosts.host, reply, {
    pty: opts.pty !== null,
    cgroup: opts.cgroup?.path ?? null,
    waitDelay: opts.waitDelay,
    argv: opts.argv,
    stdin: opts.stdin,
  });
}

function encode(opts: NormalizedSpawnOptions, stdio: StdioRequest, env: readonly string[], sandbox: SandboxRequest | null): Uint8Array {
  const extensions = [];
  if (stdio.extension !== null) extensions.push(stdio.extension);
  if (sandbox !== null) extensions.push(sandbox.extension);
  return encodeSpawnRequest({
    pty: opts.pty !== null,
    stderrMode: stdio.stderrMode,
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
    extensions,
  });
}
