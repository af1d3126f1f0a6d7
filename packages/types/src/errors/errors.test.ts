import { describe, expect, it } from 'vitest';
import { MaxOutputExceededError, NetRunnerError, SpawnError, TimeoutError, ValidationError } from '../index.js';

describe('errors', () => {
  it('carry output and stats, and a name', () => {
    const e = new MaxOutputExceededError(3, { stdout: 'abc', stderr: 'x' });
    expect([e.name, e.partial, e.stdout, e.stderr, e.code]).toEqual(['MaxOutputExceededError', 'abc', 'abc', 'x', 'EMAXOUTPUT']);
    expect(e).toBeInstanceOf(NetRunnerError);
  });
  it('recognise instances across realms through a Symbol.for marker', () => {
    const e = new TimeoutError(10);
    const foreign = Object.assign(Object.create(null), { [Symbol.for('netrunner.error.kinds')]: ['TimeoutError', 'NetRunnerError'] });
    expect(TimeoutError.isInstance(e)).toBe(true);
    expect(NetRunnerError.isInstance(e)).toBe(true);
    expect(ValidationError.isInstance(e)).toBe(false);
    expect(TimeoutError.isInstance(foreign)).toBe(true);
    expect(NetRunnerError.isInstance(new Error('x'))).toBe(false);
    expect(NetRunnerError.isInstance(null)).toBe(false);
  });
  it('SpawnError names the field to blame', () => {
    expect(new SpawnError(['x'], 2, 'ENOENT', 'resolve').field).toBe('argv');
    expect(new SpawnError(['x'], 2, 'ENOENT', 'cwd').field).toBe('cwd');
    expect(new SpawnError(['x'], 11, 'EAGAIN', 'resource').field).toBeUndefined();
  });
});
