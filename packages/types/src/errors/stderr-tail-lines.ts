const TAIL_LINES = 5;
const LINE_CHARS = 200;
// Enough for TAIL_LINES full lines; the rest of a long stderr is never split.
const TAIL_CHARS = (TAIL_LINES + 1) * LINE_CHARS * 4;
const utf8 = new TextDecoder();

/**
 * The end of a child's stderr for an error message: nothing when it is
 * blank, else a header line and its last lines (at most 5, each cut at 200
 * characters), indented by two spaces.
 *
 * @example
 * stderrTailLines('oops\n'); // '\nstderr:\n  oops'
 */
export function stderrTailLines(stderr: string | Uint8Array | undefined): string {
  if (stderr === undefined || stderr.length === 0) return '';
  const end = typeof stderr === 'string' ? stderr.slice(-TAIL_CHARS) : utf8.decode(stderr.subarray(-TAIL_CHARS));
  const text = end.trimEnd();
  if (text.trim() === '') return '';
  const lines = text.split('\n');
  const cut = lines.length > TAIL_LINES || end.length < stderr.length;
  const kept = lines.slice(-TAIL_LINES).map((l) => {
    const line = l.replace(/\r$/, '');
    return `  ${line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS - 3)}...` : line}`;
  });
  return `\n${cut ? `stderr (last ${kept.length} lines):` : 'stderr:'}\n${kept.join('\n')}`;
}
