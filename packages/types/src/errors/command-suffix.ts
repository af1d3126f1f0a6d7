import { quoteCommand } from './quote-command.js';

/** ': <command>' for a message's first line, or nothing when there is no command. */
export function commandSuffix(argv: readonly string[] | undefined): string {
  return argv === undefined || argv.length === 0 ? '' : `: ${quoteCommand(argv)}`;
}
