import type { Stats } from '../result.js';
import { quoteCommand } from './quote-command.js';

const KINDS = Symbol.for('netrunner.error.kinds');

/** What an error knows about the child it is about; every field optional. */
export interface ErrorDetails {
  /** The command the error is about, as spawned. */
  argv?: readonly string[];
  /** Output captured so far (string or bytes, as the call's encoding). */
  stdout?: string | Uint8Array;
  stderr?: string | Uint8Array;
  stats?: Stats;
  pid?: number;
  exitCode?: number | null;
  signal?: string | null;
  /** A short machine-readable code such as 'ENOENT'. */
  code?: string;
  cause?: unknown;
}

/**
 * Base class of every error netrunner raises. Carries the command (`argv`,
 * and `command`: argv shell-quoted, as one line), what was captured up to
 * the failure and the stats of the child.
 *
 * `NetRunnerError.isInstance(e)` (and the same static on every subclass)
 * works across realms and duplicated package copies, unlike `instanceof`.
 *
 * @example
 * try { await run(['sleep', '9'], { timeout: 10 }); }
 * catch (e) { if (TimeoutError.isInstance(e)) console.log(e.stats.durationMs); }
 */
export class NetRunnerError extends Error {
  /** The command as spawned (empty when the error is about no command). */
  readonly argv: readonly string[];
  /** `argv` quoted for a POSIX shell, on one line: what to paste to run it again. */
  readonly command: string;
  readonly stdout: string | Uint8Array;
  readonly stderr: string | Uint8Array;
  readonly stats: Stats | undefined;
  readonly pid: number | undefined;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly code: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    const kinds: string[] = [];
    for (let c: unknown = new.target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) {
      kinds.push((c as { name: string }).name);
    }
    Object.defineProperty(this, KINDS, { value: kinds });
    this.name = new.target.name;
    this.argv = details.argv ?? [];
    this.command = quoteCommand(this.argv);
    this.stdout = details.stdout ?? '';
    this.stderr = details.stderr ?? '';
    this.stats = details.stats;
    this.pid = details.pid;
    this.exitCode = details.exitCode ?? null;
    this.signal = details.signal ?? null;
    this.code = details.code;
  }

  /** True when `value` is an error of this class (or a subclass), from any realm. */
  static isInstance<T extends abstract new (...args: never[]) => NetRunnerError>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    const kinds = (value as Record<symbol, unknown> | null | undefined)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.name);
  }
}
