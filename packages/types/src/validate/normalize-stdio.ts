import { ValidationError } from '../errors/validation-error.js';
import { boolean, cleanString, plainObject, readField } from './checks.js';

/** One of the child's three standard streams. */
export type StdioStream = 'stdin' | 'stdout' | 'stderr';

/** Where one stream goes, after validation; the earlier stderr names are mapped ('consume' = pipe, 'redirect' = stdout, 'disabled' = ignore). */
export type NormalizedStdio =
  | { kind: 'pipe' }
  | { kind: 'inherit' }
  | { kind: 'ignore' }
  /** stderr only: wherever stdout goes. */
  | { kind: 'stdout' }
  | { kind: 'file'; path: string; append: boolean }
  | { kind: 'fd'; fd: number };

/** The largest fd number (an int on the wire and in the kernel). */
const MAX_FD = 2 ** 31 - 1;

const NAMED: Record<string, NormalizedStdio> = {
  pipe: { kind: 'pipe' },
  inherit: { kind: 'inherit' },
  ignore: { kind: 'ignore' },
};
const STDERR_NAMED: Record<string, NormalizedStdio> = {
  ...NAMED,
  stdout: { kind: 'stdout' },
  consume: { kind: 'pipe' },
  redirect: { kind: 'stdout' },
  disabled: { kind: 'ignore' },
};

function expected(stream: StdioStream): string {
  const file = stream === 'stdin' ? '{ file }' : '{ file, append? }';
  const extra = stream === 'stderr' ? ", 'stdout'" : '';
  return `one of 'pipe', 'inherit', 'ignore'${extra}, ${file} or { fd }`;
}

/**
 * Check the `stdin`, `stdout` or `stderr` option; absent is 'pipe'.
 *
 * @example
 * normalizeStdio({ file: 'build.log', append: true }, 'stdout'); // { kind: 'file', path: 'build.log', append: true }
 * normalizeStdio('redirect', 'stderr');                          // { kind: 'stdout' }
 * normalizeStdio({ fd: -1 }, 'stdout');                          // throws ValidationError (field 'stdout.fd')
 */
export function normalizeStdio(value: unknown, stream: StdioStream): NormalizedStdio {
  if (value === undefined) return NAMED.pipe!;
  if (typeof value === 'string') {
    const table = stream === 'stderr' ? STDERR_NAMED : NAMED;
    if (!Object.hasOwn(table, value)) throw new ValidationError(stream, expected(stream), value);
    return table[value]!;
  }
  if (value === null || typeof value !== 'object') throw new ValidationError(stream, expected(stream), value);
  const o = plainObject(value, stream);
  const file = readField(o, 'file', `${stream}.file`);
  const fd = readField(o, 'fd', `${stream}.fd`);
  const append = readField(o, 'append', `${stream}.append`);
  if ((file === undefined) === (fd === undefined)) {
    throw new ValidationError(stream, `${expected(stream)}: an object with either \`file\` or \`fd\``, value);
  }
  if (append !== undefined && (stream === 'stdin' || fd !== undefined)) {
    const why = stream === 'stdin' ? 'stdin reads its file from the start' : 'an fd is used as it was opened';
    throw new ValidationError(`${stream}.append`, `absent (${why})`, append);
  }
  if (fd !== undefined) {
    if (typeof fd !== 'number' || !Number.isInteger(fd) || fd < 0 || fd > MAX_FD) {
      throw new ValidationError(`${stream}.fd`, `a file descriptor: an integer from 0 to ${MAX_FD}`, fd);
    }
    return { kind: 'fd', fd };
  }
  return {
    kind: 'file',
    path: cleanString(file, `${stream}.file`, true),
    append: append === undefined ? false : boolean(append, `${stream}.append`),
  };
}

/** The option as the user would write it, for messages: 'inherit', { file }, { fd: 5 }. */
export function describeStdio(stdio: NormalizedStdio): string {
  if (stdio.kind === 'file') return `a file (${JSON.stringify(stdio.path)})`;
  if (stdio.kind === 'fd') return `{ fd: ${stdio.fd} }`;
  return `'${stdio.kind}'`;
}
