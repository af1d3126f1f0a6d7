import { AbortError, SpawnError, type NormalizedSpawnOptions } from '@netrunner/types';
import { ChildState, type ChildSetup } from './child-state.js';
import type { Context } from './context.js';
import { argv0Extensions } from './argv0-extension.js';
import { encodeSpawnRequest, NR_ENV_REPLACE, type SpawnExtension } from './encode-spawn-request.js';
import { localPath } from './prefer-local.js';
import { sandboxRequest, type SandboxRequest } from './sandbox-request.js';
import { spawnFailure } from './spawn-failure.js';
import { stdioRequest, type StdioRequest } from './stdio-request.js';
import { exitLine, failureLine, verboseSink } from './verbose-log.js';

/** What a spawn adds to its options: a pipeline's further members and how its status is read. */
export interface SpawnExtras {
  /** Every member's argv, the first being opts.argv (absent: just that one). */
  members?: readonly (readonly string[])[];
  extensions?: readonly SpawnExtension[];
  readExit?: ChildSetup['readExit'];
}

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
export function spawnChild(ctx: Context, opts: NormalizedSpawnOptions, extras: SpawnExtras = {}): ChildState {
  const log = verboseSink(opts.verbose, ctx.debug);
  if (log === null) return start(ctx, opts, extras);
  let state: ChildState;
  try {
    state = start(ctx, opts, extras);
  } catch (e) {
    log(failureLine(opts.argv, e));
    throw e;
  }
  void state.exited.then((outcome) => log(exitLine(opts.argv, state.pid, outcome, state.stats().durationMs)));
  return state;
}

function start(ctx: Context, opts: NormalizedSpawnOptions, extras: SpawnExtras): ChildState {
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
    reply = ctx.hosts.spawn(encode(opts, stdio, extras, sandbox ? sandbox.env : env, sandbox), stdio.fds);
  } finally {
    // The child has its own copies now (or never will).
    for (const fd of stdio.opened) ctx.adapter.closeFd(fd);
  }
  if ('errno' in reply) {
    throw spawnFailure(extras.members ?? [opts.argv], reply.errno, reply.stage);
  }
  return new ChildState(ctx.adapter, ctx.hosts, ctx.hosts.host, reply, {
    pty: opts.pty !== null,
    cgroup: opts.cgroup?.path ?? null,
    waitDelay: opts.waitDelay,
    argv: opts.argv,
    stdin: opts.stdin,
    readExit: extras.readExit,
    privateTmp: sandbox ? sandbox.privateTmp : null,
  });
}

function encode(
  opts: NormalizedSpawnOptions,
  stdio: StdioRequest,
  extras: SpawnExtras,
  env: readonly string[],
  sandbox: SandboxRequest | null,
): Uint8Array {
  const extensions = [...(stdio.extension === null ? [] : [stdio.extension]), ...argv0Extensions(opts.argv0), ...(extras.extensions ?? [])];
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
