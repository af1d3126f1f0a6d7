/**
 * Runs jobs a few at a time, in the order they are asked for. Asking for job
 * i also starts the next ones (up to the concurrency), so tests that run one
 * after another in order keep `concurrency` jobs going.
 */
export class CellQueue<T> {
  readonly #jobs: (() => Promise<T>)[];
  readonly #concurrency: number;
  readonly #started = new Map<number, Promise<T>>();
  readonly #waiting: number[] = [];
  #running = 0;
  readonly #gates = new Map<number, () => void>();

  constructor(jobs: (() => Promise<T>)[], concurrency: number) {
    this.#jobs = jobs;
    this.#concurrency = concurrency;
  }

  /** The result of job `i`, starting it (and the next few) if not yet started. */
  get(i: number): Promise<T> {
    for (let j = i; j < Math.min(this.#jobs.length, i + this.#concurrency); j++) this.#enqueue(j);
    return this.#started.get(i)!;
  }

  /** Every job started so far, settled. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#started.values()]);
  }

  #enqueue(i: number): void {
    if (this.#started.has(i)) return;
    const gate = new Promise<void>((resolve) => this.#gates.set(i, resolve));
    const job = gate.then(() => this.#jobs[i]!()).finally(() => {
      this.#running--;
      this.#next();
    });
    this.#started.set(i, job);
    this.#waiting.push(i);
    this.#next();
  }

  #next(): void {
    while (this.#running < this.#concurrency && this.#waiting.length > 0) {
      const i = this.#waiting.shift()!;
      this.#running++;
      this.#gates.get(i)!();
    }
  }
}
