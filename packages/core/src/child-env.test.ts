import { describe, expect, it } from 'vitest';
import type { RuntimeAdapter } from './adapter.js';
import { childEnv, HostEnv } from './child-env.js';

describe('childEnv', () => {
  it('extends the host environment with the overlay; undefined removes', () => {
    expect(childEnv({ A: '1', B: '2', C: undefined }, { B: 'x', A: undefined, D: '4' }, true)).toEqual(['B=x', 'D=4']);
  });
  it('passes a variable named __proto__ like any other', () => {
    const overlay = JSON.parse('{"__proto__": "x", "B": "2"}') as Record<string, string>;
    expect(childEnv({ A: '1' }, overlay, true)).toEqual(['A=1', '__proto__=x', 'B=2']);
  });
  it('uses only the overlay when extendEnv is false', () => {
    expect(childEnv({ A: '1' }, { D: '4' }, false)).toEqual(['D=4']);
  });
});

describe('HostEnv without envStamp', () => {
  const hostEnv = (env: Record<string, string | undefined>) => new HostEnv({ env: () => env } as unknown as RuntimeAdapter);

  it('reuses the same frozen list while the environment is unchanged', () => {
    const env: Record<string, string | undefined> = { A: '1', B: '2' };
    const h = hostEnv(env);
    const first = h.childEnv({}, true);
    expect(first).toEqual(['A=1', 'B=2']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(h.childEnv({}, true)).toBe(first);
  });
  it('sees a changed value, an added, a removed and a re-added variable', () => {
    const env: Record<string, string | undefined> = { A: '1', B: '2' };
    const h = hostEnv(env);
    h.childEnv({}, true);
    env.B = '3';
    expect(h.childEnv({}, true)).toEqual(['A=1', 'B=3']);
    env.C = '4';
    expect(h.childEnv({}, true)).toEqual(['A=1', 'B=3', 'C=4']);
    delete env.A;
    expect(h.childEnv({}, true)).toEqual(['B=3', 'C=4']);
    env.A = '1';
    expect(h.childEnv({}, true)).toEqual(['B=3', 'C=4', 'A=1']);
  });
});
