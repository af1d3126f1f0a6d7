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
 * Bytes the given processes have read so far (/proc/<pid>/io rchar), as one
 * string to compare. A shepherd reads whenever it is sent a request, so an
 * unchanged value proves no request reached it.
 */
export function bytesRead(pids: number[]): string {
  return pids
    .map((p) => {
      try {
        return readFileSync(`/proc/${p}/io`, 'utf8').split('\n').find((l) => l.startsWith('rchar:')) ?? 'none';
      } catch {
        return 'gone';
      }
    })
    .join(',');
}
