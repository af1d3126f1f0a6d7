import { readdirSync, readFileSync } from 'node:fs';

/** A process's state letter from /proc/<pid>/stat ('R', 'S', 'Z', ...), or 'gone'. A zombie is 'Z', not gone. */
export function procState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? 'gone';
  } catch {
    return 'gone';
  }
}

/** The parent pid from /proc/<pid>/stat, or -1. */
export function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

/** Pids whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    const child = Number(name);
    if (Number.isInteger(child) && child > 0 && parentOf(child) === pid) out.push(child);
  }
  return out;
}

/** Zombie children of `pid` (this process by default). */
export function zombiesOf(pid = process.pid): number[] {
  return childrenOf(pid).filter((c) => procState(c) === 'Z');
}

/** Open fds of this process. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Bytes a process has passed to write(2) so far (/proc/<pid>/io wchar). */
export function bytesWritten(pid: number): number {
  const line = readFileSync(`/proc/${pid}/io`, 'utf8').split('\n').find((l) => l.startsWith('wchar:'));
  return Number(line?.split(/\s+/)[1]);
}

/** Resolve after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `check` every `interval` ms until true or `timeout` ms pass; returns the last result. */
export async function waitFor(check: () => boolean, timeout = 10_000, interval = 20): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(interval);
  }
}

/** Wait until every pid is gone (not even a zombie). */
export function allGone(pids: number[], timeout = 10_000): Promise<boolean> {
  return waitFor(() => pids.every((p) => procState(p) === 'gone'), timeout);
}

/** SIGKILL a leftover by pid, if it is still there (a test's own cleanup). */
export function killLeftover(pid: number): void {
  try {
    if (pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
