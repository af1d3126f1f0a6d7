/** The matchers the suite uses: a subset common to vitest and bun:test. */
export interface Matchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatch(expected: RegExp | string): void;
  toBeInstanceOf(expected: unknown): void;
  toBeGreaterThan(expected: number): void;
  toBeGreaterThanOrEqual(expected: number): void;
  toBeLessThanOrEqual(expected: number): void;
  toContain(expected: unknown): void;
  toBeNull(): void;
  not: Matchers;
  rejects: { toThrow(expected?: unknown): Promise<void> };
}

/** describe/it/expect/beforeAll/afterAll, as vitest and bun:test both provide them. */
export interface TestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => unknown, timeout?: number): void;
  /** A real skip, counted as skipped by the summary (vitest's and bun's `it.skip`). */
  skip(name: string, fn: () => unknown): void;
  expect(actual: unknown): Matchers;
  beforeAll(fn: () => unknown, timeout?: number): void;
  afterAll(fn: () => unknown, timeout?: number): void;
}

/** What the runtime under test tells the suite. */
export interface ConformanceEnv {
  runtime: 'node' | 'bun';
  /** Command prefix that runs fixtures/host.mjs with this binding, e.g. ['node', hostFixture, '/abs/binding/index.js']; the suite appends the mode. */
  hostCommand: string[];
  /** Force a full garbage collection (node --expose-gc: gc(); bun: Bun.gc(true)). */
  gc(): void | Promise<void>;
}
