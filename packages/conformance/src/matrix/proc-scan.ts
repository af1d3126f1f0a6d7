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

let snapshot: { at: number; environs: [number, Buffer][] } = { at: 0, environs: [] };

/** Every process's environment, read at most every 50 ms: cells that poll at once share one scan. */
function environs(): [number, Buffer][] {
  if (Date.now() - snapshot.at < 50) return snapshot.environs;
  const out: [number, Buffer][] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push([Number(name), readFileSync(`/proc/${name}/environ`)]);
    } catch {}
  }
  snapshot = { at: Date.now(), environs: out };
  return out;
}

/**
 * Pids whose environment holds `marker` (every descendant of a cell's child
 * inherits NR_MATRIX=<marker>). A zombie has no environment any more: cells
 * track pids too.
 */
export function markedPids(marker: string): number[] {
  return environs().filter(([, env]) => env.includes(marker)).map(([pid]) => pid);
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
