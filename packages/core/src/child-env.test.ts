import { describe, expect, it } from 'vitest';
import { childEnv } from './child-env.js';

describe('childEnv', () => {
  it('extends the host environment with the overlay; undefined removes', () => {
    expect(childEnv({ A: '1', B: '2', C: undefined }, { B: 'x', A: undefined, D: '4' }, true)).toEqual(['B=x', 'D=4']);
  });
  it('uses only the overlay when extendEnv is false', () => {
    expect(childEnv({ A: '1' }, { D: '4' }, false)).toEqual(['D=4']);
  });
});
