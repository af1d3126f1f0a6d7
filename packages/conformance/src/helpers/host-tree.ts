import { readdirSync, readFileSync } from 'node:fs';

/** Direct children of `pid`, from /proc/<pid>/task/<tid>/children (no scan of /proc). */
export function directChildren(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out; // gone
  }
  for (const tid of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ')) if (c !== '') out.push(Number(c));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** Every descendant of `pid` (children, grandchildren, ...), sorted. */
export function descendantsOf(pid = process.pid): number[] {
  const out: number[] = [];
  const queue = directChildren(pid);
  while (queue.length > 0) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...directChildren(p));
  }
  return out.sort((a, b) => a - b);
}

/** The shepherds this host started: its children named netrunner-shepherd. */
export function shepherdsOf(pid = process.pid): number[] {
  return directChildren(pid).filter((c) => {
    try {
      return readFileSync(`/proc/${c}/comm`, 'utf8').startsWith('netrunner-shep');
    } catch {
      return false;
    }
  });
}

/**
 * What the given processes have done so far, as one string to compare:
 * bytes read (/proc/<pid>/io rchar) and times they went to sleep
 * (voluntary_ctxt_switches). A shepherd takes requests with recvmsg, which
 * rchar does not count, then sleeps in poll() again: an unchanged value
 * proves no request reached it.
 */
export function activityOf(pids: number[]): string {
  return pids
    .map((p) => {
      try {
        const read = readFileSync(`/proc/${p}/io`, 'utf8').split('\n').find((l) => l.startsWith('rchar:')) ?? 'none';
        const slept = readFileSync(`/proc/${p}/status`, 'utf8').split('\n').find((l) => l.startsWith('voluntary_ctxt_switches:'));
        return `${read} ${slept ?? 'none'}`;
      } catch {
        return 'gone';
      }
    })
    .join(',');
}
