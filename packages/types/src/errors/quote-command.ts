// Arguments a POSIX shell reads back unchanged without quotes.
const PLAIN = /^[\w@%+=:,./-]+$/;
// Characters that single quotes would carry but a one-line message should not show raw.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

function quoteOne(arg: string): string {
  if (PLAIN.test(arg)) return arg;
  if (!CONTROL.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  // ANSI-C quoting ($'...', bash, zsh, ksh, POSIX 2024 sh): control characters as escapes.
  const body = arg.replace(/[\\'\x00-\x1f\x7f]/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `$'${body}'`;
}

/**
 * argv as one line a shell would read back as the same argv.
 *
 * @example
 * quoteCommand(['sh', '-c', "echo 'hi'; exit 3"]); // "sh -c 'echo '\\''hi'\\''; exit 3'"
 * quoteCommand(['printf', 'a\nb']);                // "printf $'a\\nb'"
 */
export function quoteCommand(argv: readonly string[]): string {
  return argv.map((a) => (a === '' ? "''" : quoteOne(a))).join(' ');
}
