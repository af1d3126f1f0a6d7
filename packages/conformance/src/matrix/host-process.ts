import { spawn, type ChildProcess } from 'node:child_process';

/** One JSON line the host fixture printed. */
export type HostEvent = Record<string, any> & { event: string };

/**
 * A matrix host, started with node:child_process (not the library under
 * test), with its JSON-line events and its exit as promises.
 */
export class HostProcess {
  readonly child: ChildProcess;
  readonly events: HostEvent[] = [];
  stderr = '';
  exit: { code: number | null; signal: string | null; at: number } | null = null;
  readonly #waiters: (() => void)[] = [];

  constructor(argv: string[]) {
    this.child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let buffered = '';
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      buffered += s;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          this.events.push(JSON.parse(line));
        } catch {
          this.stderr += `[stdout] ${line}\n`;
        }
        this.#wake();
      }
    });
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      if (this.stderr.length < 8192) this.stderr += s;
    });
    this.child.stdin!.on('error', () => {});
    this.child.on('close', (code, signal) => {
      this.exit = { code, signal, at: Date.now() };
      this.#wake();
    });
    this.child.on('error', (e) => {
      this.stderr += `[spawn] ${String(e)}\n`;
      this.exit ??= { code: null, signal: null, at: Date.now() };
      this.#wake();
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  /** The first event named `name`, or null if the host exits or `ms` pass first. */
  async event(name: string, ms: number): Promise<HostEvent | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.find((e) => e.event === name);
      if (found) return found;
      if (this.exit || Date.now() >= deadline) return null;
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.max(1, deadline - Date.now()));
        this.#waiters.push(() => {
          clearTimeout(timer);
          r();
        });
      });
    }
  }

  /** True once the host has exited, false if it still runs after `ms`. */
  async exited(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!this.exit && Date.now() < deadline) {
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.max(1, deadline - Date.now()));
        this.#waiters.push(() => {
          clearTimeout(timer);
          r();
        });
      });
    }
    return this.exit !== null;
  }

  /** Tell the host the harness has looked (its stdin ends). */
  done(): void {
    this.child.stdin!.end();
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}
