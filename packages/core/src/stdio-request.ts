import { ValidationError, type NormalizedSpawnOptions, type NormalizedStdio, type StdioStream } from '@netrunner/types';
import type { RuntimeAdapter } from './adapter.js';
import { NR_EXT_STDIO, type SpawnExtension } from './encode-spawn-request.js';

/** NR_STDIO_* (netrunner.h): where one stream goes. */
const PIPE = 0;
const NULL = 1;
const FD = 2;
const STDOUT = 3;
/** NR_STDERR_*: the base field's modes, enough when stdin and stdout are piped. */
const STDERR_MODE: Partial<Record<NormalizedStdio['kind'], number>> = { pipe: 0, stdout: 1, ignore: 2 };
const STREAMS: readonly StdioStream[] = ['stdin', 'stdout', 'stderr'];

/** How a spawn request carries the stdio options. */
export interface StdioRequest {
  /** The base field stderr_mode (NR_STDERR_*). */
  stderrMode: number;
  /** The stdio extension, or null when the base field says it all. */
  extension: SpawnExtension | null;
  /** Fds sent with the request, in stream order. */
  fds: number[];
  /** Fds opened here (files): the caller closes them once the spawn returned. */
  opened: number[];
}

const PLAIN: StdioRequest = { stderrMode: 0, extension: null, fds: [], opened: [] };

/**
 * Turn the stdio options into request fields: files are opened here (so a
 * bad path is a ValidationError naming it, before anything is spawned), an
 * inherited stream sends the host's own fd 0, 1 or 2, and a given fd is
 * checked to be open. Throws ValidationError, with every file it opened
 * closed again.
 */
export function stdioRequest(adapter: RuntimeAdapter, opts: NormalizedSpawnOptions): StdioRequest {
  const { stdin, stdout, stderr } = opts;
  if (stdin.kind === 'pipe' && stdout.kind === 'pipe') {
    const stderrMode = STDERR_MODE[stderr.kind];
    if (stderrMode === 0) return PLAIN;
    if (stderrMode !== undefined) return { ...PLAIN, stderrMode };
  }
  const modes = new Uint8Array(4);
  const fds: number[] = [];
  const opened: number[] = [];
  try {
    STREAMS.forEach((stream, i) => {
      const stdio = opts[stream];
      switch (stdio.kind) {
        case 'pipe':
          modes[i] = PIPE;
          return;
        case 'ignore':
          modes[i] = NULL;
          return;
        case 'stdout':
          modes[i] = STDOUT;
          return;
        case 'inherit':
          if (!adapter.isFdOpen(i)) {
            throw new ValidationError(stream, `'inherit' only while the host's fd ${i} is open`, 'inherit', {
              got: `'inherit' with the host's ${stream} (fd ${i}) closed`,
            });
          }
          fds.push(i);
          break;
        case 'fd':
          if (!adapter.isFdOpen(stdio.fd)) throw new ValidationError(`${stream}.fd`, 'an open file descriptor', stdio.fd);
          fds.push(stdio.fd);
          break;
        case 'file': {
          const fd = openStdioFile(adapter, stream, stdio.path, stdio.append);
          opened.push(fd);
          fds.push(fd);
          break;
        }
      }
      modes[i] = FD;
    });
  } catch (e) {
    for (const fd of opened) adapter.closeFd(fd);
    throw e;
  }
  return { stderrMode: 0, extension: { tag: NR_EXT_STDIO, bytes: modes }, fds, opened };
}

function openStdioFile(adapter: RuntimeAdapter, stream: StdioStream, path: string, append: boolean): number {
  const mode = stream === 'stdin' ? 'read' : append ? 'append' : 'truncate';
  try {
    return adapter.openFile(path, mode);
  } catch (cause) {
    // The runtime's message names the code and the path: "ENOENT: no such file or directory, open 'x'".
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ValidationError(`${stream}.file`, `a file that can be opened for ${mode === 'read' ? 'reading' : 'writing'}`, path, {
      got: `${JSON.stringify(path)} (${why})`,
      cause,
    });
  }
}
