import { readdirSync, readFileSync } from 'node:fs';

function statFields(pid: number): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** A process's start time (clock ticks since boot), or null once it is gone (reaped). */
export function startTime(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

/** State letter ('S', 'T', 'Z', ...) or 'gone'. */
export function stateOf(pid: number): string {
  return statFields(pid)?.[0] ?? 'gone';
}

/** The command name from /proc/<pid>/comm, or ''. */
export function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Pids whose argv or environment contains `marker` (a zombie has neither: track pids too). */
export function markedPids(marker: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    for (const file of ['cmdline', 'environ']) {
      try {
        if (readFileSync(`/proc/${name}/${file}`).includes(marker)) {
          found.push(Number(name));
          break;
        }
      } catch {}
    }
  }
  return found;
}

/**
 * Processes a cell must see end, each identified by pid and start time so a
 * reused pid is never taken for the original.
 */
export class Tracked {
  readonly #procs = new Map<number, { role: string; start: string | null }>();

  add(pid: number, role: string): void {
    if (!Number.isInteger(pid) || pid <= 0 || this.#procs.has(pid)) return;
    this.#procs.set(pid, { role, start: startTime(pid) });
  }

  /** Role and pid of every tracked process still there (zombies included), except the roles in `except`. */
  left(except: string[] = []): { pid: number; role: string; state: string; comm: string }[] {
    const out = [];
    for (const [pid, { role, start }] of this.#procs) {
      if (except.includes(role)) continue;
      const now = startTime(pid);
      if (now !== null && (start === null || now === start)) out.push({ pid, role, state: stateOf(pid), comm: commOf(pid) });
    }
    return out;
  }

  pidsWith(role: string): number[] {
    return [...this.#procs].filter(([, p]) => p.role === role).map(([pid]) => pid);
  }

  has(pid: number): boolean {
    return this.#procs.has(pid);
  }
}
