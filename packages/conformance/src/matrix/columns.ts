/** What one output stream of a cell must hold: exactly these bytes, or a prefix of a repeated line. */
export type Expectation = { exact: string } | { flood: string };

/**
 * A child behaviour (a column of the failure matrix). The child runs
 * `sh -c <script> <marker> <pid file>`: $0 is the cell's marker, and each
 * process it starts is written to the pid file as "<role> <pid>" before the
 * child writes what it promises ("ready"). Roles: leader, grandchild,
 * daemon, escapee (a grandchild that left the group with setsid).
 */
export interface Column {
  id: string;
  title: string;
  script: string;
  out: (marker: string) => Expectation;
  err: (marker: string) => Expectation;
  /** The leader stops itself; the host waits for state T before failing. */
  stops?: boolean;
  /** The child runs in a fresh cgroup (needs root and a cgroup hierarchy). */
  cgroup?: boolean;
  /** The leader runs until something ends it (it does not exit by itself). */
  longLived: boolean;
}

export const FLOOD_QUOTA = 64 * 1024;

const ready = (m: string): Expectation => ({ exact: `ready ${m}\n` });
const none = (): Expectation => ({ exact: '' });
// Waits until the background job $! has its own session, so "escaped" is a fact when ready is written.
const sessionOfItsOwn = 'until [ "$(cut -d" " -f6 /proc/$!/stat)" = "$!" ]; do sleep 0.01; done';

export const columns: Column[] = [
  {
    id: 'ignores-sigterm',
    title: 'ignores SIGTERM',
    script: `trap '' TERM; sleep 1000 & echo "grandchild $!" >> "$1"; echo "leader $$" >> "$1"; echo "ready $0"; wait`,
    out: ready,
    err: none,
    longLived: true,
  },
  {
    id: 'grandchildren',
    title: 'forks grandchildren',
    script: 'sleep 1000 & echo "grandchild $!" >> "$1"; sleep 1000 & echo "grandchild $!" >> "$1"; echo "leader $$" >> "$1"; echo "ready $0"; wait',
    out: ready,
    err: none,
    longLived: true,
  },
  {
    id: 'setsid',
    title: 'grandchild calls setsid',
    script: `setsid sleep 1000 & echo "escapee $!" >> "$1"; ${sessionOfItsOwn}; echo "leader $$" >> "$1"; echo "ready $0"; wait`,
    out: ready,
    err: none,
    longLived: true,
  },
  {
    id: 'setsid-cgroup',
    title: 'grandchild calls setsid, in a cgroup',
    script: `setsid sleep 1000 & echo "escapee $!" >> "$1"; ${sessionOfItsOwn}; echo "leader $$" >> "$1"; echo "ready $0"; wait`,
    out: ready,
    err: none,
    cgroup: true,
    longLived: true,
  },
  {
    id: 'double-fork',
    title: 'double-fork daemonizes',
    // The classic launcher: a subshell starts the daemon (stdio on /dev/null)
    // and exits, then the launcher exits; the daemon stays in the group.
    script: '(sleep 1000 </dev/null >/dev/null 2>&1 & echo "daemon $!" >> "$1"); echo "leader $$" >> "$1"; echo "ready $0"; exit 0',
    out: ready,
    err: none,
    longLived: false,
  },
  {
    id: 'flood',
    title: 'floods stdout and stderr',
    script: 'yes "out-$0" & echo "grandchild $!" >> "$1"; yes "err-$0" >&2 & echo "grandchild $!" >> "$1"; echo "leader $$" >> "$1"; wait',
    out: (m) => ({ flood: `out-${m}\n` }),
    err: (m) => ({ flood: `err-${m}\n` }),
    longLived: true,
  },
  {
    id: 'stderr-only',
    title: 'exits at once, only stderr',
    script: `echo "leader $$" >> "$1"; printf 'only stderr %s\\n' "$0" "$0" "$0" >&2; exit 0`,
    out: none,
    err: (m) => ({ exact: `only stderr ${m}\n`.repeat(3) }),
    longLived: false,
  },
  {
    id: 'closes-stdout',
    title: 'closes stdout, keeps running',
    script: 'echo "leader $$" >> "$1"; echo "out $0"; exec >&-; sleep 1000 & echo "grandchild $!" >> "$1"; echo "ready $0" >&2; wait',
    out: (m) => ({ exact: `out ${m}\n` }),
    err: ready,
    longLived: true,
  },
  {
    id: 'holds-stdout',
    title: 'grandchild holds stdout after exit',
    script: 'sleep 1000 & echo "grandchild $!" >> "$1"; echo "leader $$" >> "$1"; echo "ready $0"; exit 0',
    out: ready,
    err: none,
    longLived: false,
  },
  {
    id: 'stops-itself',
    title: 'stops itself (SIGSTOP)',
    script: 'echo "leader $$" >> "$1"; echo "ready $0"; kill -STOP $$; sleep 1000',
    out: ready,
    err: none,
    stops: true,
    longLived: true,
  },
];

/** Bytes a stream must have delivered before the host fails. */
export function quota(e: Expectation): number {
  return 'exact' in e ? new TextEncoder().encode(e.exact).length : FLOOD_QUOTA;
}
