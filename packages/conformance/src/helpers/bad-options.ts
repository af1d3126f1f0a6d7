import { KNOWN_OPTION_KEYS } from '@netrunner/types';
import fc from 'fast-check';

/** Which call a generated case goes through. */
export type Method = 'run' | 'stream' | 'spawn';

/** One generated call and the field a ValidationError must name (null: none may be thrown). */
export interface BadInputCase {
  method: Method;
  argv: unknown;
  options: unknown;
  /** `argv`, `options` or an option key; the error's field is it or starts with it plus '.' or '['. */
  expectedField: string | null;
}

/** The option keys each method knows; any other key is itself a ValidationError naming it. */
const KNOWN: Record<Method, readonly string[]> = {
  run: KNOWN_OPTION_KEYS['run()'],
  stream: KNOWN_OPTION_KEYS['stream()'],
  spawn: KNOWN_OPTION_KEYS['spawn()'],
};

/** Only the options `method` knows. */
function knownTo(method: Method, options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => KNOWN[method].includes(key)));
}

const boom = (): never => {
  throw new Error('getter boom');
};

/** `object` with a getter at `key` that throws. */
export function throwingAt<T extends object>(object: T, key: PropertyKey): T {
  return Object.defineProperty(object, key, { get: boom, enumerable: true, configurable: true });
}

/**
 * A value made only when the call is made: fast-check inspects the values it
 * generates, and a revoked Proxy throws at any touch.
 */
class MadeLater {
  constructor(readonly label: string, readonly make: () => unknown) {}
  toString(): string {
    return this.label;
  }
}

const revokedProxy = fc.constant(null).map(
  () =>
    new MadeLater('a revoked Proxy', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }),
);

function made(value: unknown): unknown {
  return value instanceof MadeLater ? value.make() : value;
}

/** The argv and options of a case, with every value made for this call. */
export function callArguments(c: BadInputCase): [unknown, unknown] {
  if (c.options instanceof MadeLater || c.options === null || typeof c.options !== 'object' || Array.isArray(c.options)) {
    return [made(c.argv), made(c.options)];
  }
  const options = c.options;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const descriptor = Object.getOwnPropertyDescriptor(options, key)!;
    if ('value' in descriptor) out[key] = made(descriptor.value);
    else Object.defineProperty(out, key, descriptor); // a getter stays a getter
  }
  return [made(c.argv), out];
}

const noNul = fc.string().filter((s) => !s.includes('\0'));
const withNul = fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\0${b}`);
const nonObjects = fc.constantFrom<unknown>(null, 0, 1, true, false, Symbol('junk'), 10n, () => 0);
const nonStrings = fc.oneof(nonObjects, fc.constantFrom<unknown>([], {}, new String('x'), 5.5));
const nonBooleans = fc.oneof(fc.constantFrom<unknown>(null, 0, 1, 'true', '', [], {}, Symbol('b'), 10n), fc.string());
const nonNumbers = fc.constantFrom<unknown>(null, true, '5', '', [], {}, Symbol('n'), 10n, () => 0, new Number(5));
const notIntegers = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, 1.5, 2 ** 53, 1e300),
  fc.double({ noInteger: true }),
);
/** Not a delay a timer and the wire hold: negative, fractional, 2^31 and more. */
const badMs = fc.oneof(
  nonNumbers,
  notIntegers,
  fc.integer({ min: -(2 ** 31), max: -1 }),
  fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 32 + 5),
  fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
);
const badCount = fc.oneof(nonNumbers, notIntegers, fc.integer({ max: -1 }));
const badOneOf = (allowed: string[]) => fc.oneof(nonStrings, fc.string().filter((s) => !allowed.includes(s)));
/** An object that is neither { file } nor { fd }, or holds a bad one. */
const badStdio = fc.constantFrom<unknown>({}, { file: '' }, { file: 'a\0b' }, { fd: -1 }, { fd: 1.5 }, { fd: '1' }, { file: 'x', fd: 1 }, { path: 'x' });
const badSize = fc.constantFrom<unknown>(0, -1, 65536, 1.5, NaN, '24', null);

const BAD: Record<string, fc.Arbitrary<unknown>> = {
  stdin: fc.oneof(badOneOf(['pipe', 'inherit', 'ignore']), badStdio),
  stdout: fc.oneof(badOneOf(['pipe', 'inherit', 'ignore']), badStdio),
  stderr: fc.oneof(badOneOf(['pipe', 'inherit', 'ignore', 'stdout', 'consume', 'redirect', 'disabled']), badStdio),
  pty: fc.oneof(
    fc.constantFrom<unknown>(null, 0, 1, 'x', [], Symbol('p'), 10n, () => 0),
    badSize.map((rows) => ({ rows })),
    badSize.map((cols) => ({ rows: 10, cols })),
  ),
  killTimeout: badMs,
  waitDelay: badMs,
  cgroup: fc.oneof(
    fc.constantFrom<unknown>(null, 0, true, [], Symbol('c'), 10n, () => 0, {}, ''),
    fc.constantFrom('/abs', '..', 'a/../b', 'a b', 'a//b', 'a/', '.', 'x'.repeat(256)),
    withNul,
    fc.constantFrom<unknown>(
      { path: 'nr-prop', memoryMax: 0 },
      { path: 'nr-prop', memoryMax: -1 },
      { path: 'nr-prop', memoryMax: '1' },
      { path: 'nr-prop', pidsMax: -1 },
      { path: 'nr-prop', pidsMax: 1.5 },
      { path: 'nr-prop', cpuMax: 0 },
      { path: 'nr-prop', cpuMax: NaN },
      { path: 'nr-prop', cpuMax: 1e300 },
      { path: 'nr-prop', cpuMax: 'x' },
      { path: 'nr-prop', cpuMax: { quotaUs: 0 } },
      { path: 'nr-prop', cpuMax: { quotaUs: 1000, periodUs: -1 } },
      { path: '../x' },
    ),
  ),
  cwd: fc.oneof(nonStrings, fc.constant(''), withNul),
  env: fc.oneof(
    fc.constantFrom<unknown>(null, 'A=1', 5, [], Symbol('e'), () => 0),
    revokedProxy,
    fc.constantFrom<unknown>({ 'A=B': '1' }, { '': '1' }, { 'K\0': '1' }, { K: 1 }, { K: null }, { K: [] }, { K: Symbol('v') }),
    withNul.map((v) => ({ K: v })),
    fc.constant(null).map(() => new MadeLater('{ A, K: a getter that throws }', () => throwingAt({ A: '1' }, 'K'))),
  ),
  extendEnv: nonBooleans,
  input: fc.oneof(
    fc.constantFrom<unknown>(null, 0, true, {}, Symbol('i'), () => 0, 10n, [1, 2], ['a', 2], ['a', null], ['a', , 'b']), // eslint-disable-line no-sparse-arrays
    fc.constantFrom<unknown>({ [Symbol.iterator]: 5 }, { [Symbol.asyncIterator]: 'x' }, new Uint16Array([1]), new Float64Array(1)),
    fc.constant(null).map(() => new DataView(new ArrayBuffer(1))),
    fc.array(fc.oneof(fc.string(), nonStrings), { minLength: 1 }).filter((a) => a.some((c) => typeof c !== 'string')),
  ),
  timeout: badMs,
  signal: fc.constantFrom<unknown>(null, 0, 'x', {}, [], () => 0, { aborted: false }, {
    aborted: 'no',
    addEventListener() {},
    removeEventListener() {},
  }),
  maxOutputSize: badCount,
  encoding: badOneOf(['utf8', 'buffer']),
  allowNonZeroExit: nonBooleans,
};

const GOOD: Record<string, fc.Arbitrary<unknown>> = {
  // Piped: `input` and `pty` are among the good options, and need it.
  stdin: fc.constant('pipe'),
  stdout: fc.constant('pipe'),
  stderr: fc.constantFrom('consume', 'redirect', 'disabled', 'pipe', 'stdout'),
  pty: fc.constantFrom<unknown>(false, true, { rows: 10, cols: 20 }),
  killTimeout: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  waitDelay: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  cwd: fc.constantFrom('/', '/tmp'),
  env: noNul.map((v) => ({ NR_PROP: v })),
  extendEnv: fc.constant(true),
  input: fc.oneof(fc.string(), fc.uint8Array(), fc.array(fc.string())),
  // Long enough never to fire: the property is about bad input, not timeouts.
  timeout: fc.constantFrom(0, 600_000, 2 ** 31 - 1),
  signal: fc.constant(null).map(() => new AbortController().signal),
  maxOutputSize: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  encoding: fc.constantFrom('utf8', 'buffer'),
  allowNonZeroExit: fc.boolean(),
};

/** Programs that exist and do nothing, or that fail to spawn with a known SpawnError. */
const goodArgv = fc.oneof(
  fc.array(noNul, { maxLength: 3 }).map((args) => ['true', ...args]),
  fc.constantFrom(['w'], ['netrunner-no-such-program'], ['/']),
);

const badArgv = fc.oneof(
  fc.constantFrom<unknown>([], 'true', null, 5, {}, { length: 1, 0: 'true' }, new Array(2), [''], [null], ['true', 1]),
  fc.constantFrom<unknown>(['true', undefined], ['true', Symbol('a')], [new String('true')]),
  revokedProxy,
  withNul.map((s) => ['true', s]),
  withNul.map((s) => [s]),
  fc.nat({ max: 2 }).map((i) => new MadeLater(`['true', 'a', 'b'] with a getter that throws at ${i}`, () => throwingAt(['true', 'a', 'b'], i))),
);

const badOptions = fc.oneof(fc.constantFrom<unknown>(null, 'x', 5, true, [], Symbol('o'), 10n, () => 0), revokedProxy);

const KEYS = Object.keys(BAD);

/**
 * A call with at most one bad part (argv, the options object, or one option,
 * as a bad value or a getter that throws), the rest valid or absent.
 */
export const badInputCase: fc.Arbitrary<BadInputCase> = fc
  .record({
    method: fc.constantFrom<Method>('run', 'stream', 'spawn'),
    target: fc.constantFrom<string | null>(null, 'argv', 'options', ...KEYS),
    getter: fc.boolean(),
    argv: goodArgv,
    options: fc.record(GOOD, { requiredKeys: [] }),
  })
  .chain(({ method, target, getter, argv, options: generated }) => {
    // A key the method does not know is rejected by name, whatever its value.
    const expectedField = target;
    const options = knownTo(method, generated);
    const make = (bad: fc.Arbitrary<unknown>, build: (value: unknown) => Omit<BadInputCase, 'method' | 'expectedField'>) =>
      bad.map((value) => ({ method, expectedField, ...build(value) }));
    if (target === null) return fc.constant({ method, argv, options, expectedField });
    if (target === 'argv') return make(badArgv, (value) => ({ argv: value, options }));
    if (target === 'options') return make(badOptions, (value) => ({ argv, options: value }));
    if (getter) {
      const made = new MadeLater(`options with a getter that throws at ${target}`, () => throwingAt({ ...options }, target));
      return fc.constant({ method, argv, options: made, expectedField });
    }
    return make(BAD[target]!, (value) => ({ argv, options: { ...options, [target]: value } }));
  });
