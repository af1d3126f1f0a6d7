/**
 * Cells that cannot hold by nature, with the reason. The cell still runs and
 * checks everything else; what is named here is asserted to happen (so a
 * change that contains it fails the cell until this table is updated).
 */
export interface Limitation {
  /** Footnote key in docs/reliability.md. */
  key: string;
  column: string;
  rows: string[];
  /** The process role from the pid file that is expected to survive. */
  escapes: string;
  /** 'host-exit': it survives while the host lives and dies with the host's shepherd; 'never': it outlives everything. */
  until: 'host-exit' | 'never';
  reason: string;
}

const SETSID =
  'A grandchild that calls setsid() leaves the process group, the only handle netrunner has on the ' +
  "descendants of a child without a cgroup. Once its parent has exited it is re-parented to the host's " +
  'shepherd (a subreaper), which cannot tell whose it was: ';

export const limitations: Limitation[] = [
  {
    key: 'setsid-host-lives',
    column: 'setsid',
    rows: ['gc', 'break', 'throw', 'fd'],
    escapes: 'escapee',
    until: 'host-exit',
    reason: `${SETSID}stopping the child leaves it running until the host exits, when the shepherd kills every process it holds. Run such children with \`cgroup\` (the next column).`,
  },
  {
    key: 'setsid-shepherd-killed',
    column: 'setsid',
    rows: ['shepherd'],
    escapes: 'escapee',
    until: 'never',
    reason: `${SETSID}with the shepherd SIGKILLed it goes to PID 1 instead, and nothing can name it any more. Run such children with \`cgroup\` (the next column).`,
  },
];

/** The limitation that applies to a cell, if any. */
export function limitationOf(row: string, column: string): Limitation | undefined {
  return limitations.find((l) => l.column === column && l.rows.includes(row));
}
