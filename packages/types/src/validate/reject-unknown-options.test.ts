import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { KNOWN_OPTION_KEYS } from './known-options.js';
import { nearestKey } from './nearest-key.js';
import { normalizeRunOptions } from './normalize-run-options.js';
import { normalizeSpawnOptions } from './normalize-spawn-options.js';
import { rejectUnknownOptions } from './reject-unknown-options.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return ValidationError.isInstance(e) ? `${e.field}: ${e.message}` : `not a ValidationError: ${String(e)}`;
  }
  return 'no error';
}

describe('strict options', () => {
  it('names an unknown key and the nearest known one', () => {
    expect(messageOf(() => normalizeRunOptions(['ls'], { shel: true }))).toBe('shel: Unknown option `shel` of run(): did you mean `shell`?');
    expect(messageOf(() => normalizeRunOptions(['ls'], { timout: 5 }, 'stream()'))).toBe(
      'timout: Unknown option `timout` of stream(): did you mean `timeout`?',
    );
    expect(messageOf(() => normalizeSpawnOptions(['ls'], { CWD: '/' }))).toBe('CWD: Unknown option `CWD` of spawn(): did you mean `cwd`?');
    expect(messageOf(() => normalizeRunOptions(['ls'], { maxOutput: 5 }))).toBe(
      'maxOutput: Unknown option `maxOutput` of run(): did you mean `maxOutputSize`?',
    );
    expect(messageOf(() => rejectUnknownOptions({ cgroupRot: 'x' }, 'configure()', 'config'))).toBe(
      'cgroupRot: Unknown option `cgroupRot` of configure(): did you mean `cgroupRoot`?',
    );
  });
  it('says which call a key belongs to when it is not a typo', () => {
    expect(messageOf(() => normalizeSpawnOptions(['ls'], { timeout: 5 }))).toBe(
      'timeout: Unknown option `timeout` of spawn(): it is an option of run(), runSync(), stream(), pipeline() and streamPipeline()',
    );
    expect(messageOf(() => normalizeRunOptions(['ls'], { maxOutputSize: 5 }, 'stream()'))).toBe(
      'maxOutputSize: Unknown option `maxOutputSize` of stream(): it is an option of run(), runSync() and pipeline()',
    );
    expect(messageOf(() => normalizeRunOptions(['ls'], { restart: 'always' }))).toBe(
      'restart: Unknown option `restart` of run(): it is an option of new Daemon()',
    );
  });
  it('lists the options when nothing is near', () => {
    expect(messageOf(() => rejectUnknownOptions({ colour: 1 }, 'configure()'))).toBe(
      'colour: Unknown option `colour` of configure(); the options are cgroupRoot, defaultTimeout',
    );
  });
  it('rejects an unknown key whose value is undefined, and ignores symbol keys', () => {
    expect(messageOf(() => normalizeRunOptions(['ls'], { stdio: undefined }))).toMatch(/^stdio: Unknown option `stdio` of run\(\)/);
    expect(normalizeRunOptions(['ls'], { [Symbol('x')]: 1 }).argv).toEqual(['ls']);
  });
  it('accepts every key it lists', () => {
    for (const key of KNOWN_OPTION_KEYS['run()']) expect(() => rejectUnknownOptions({ [key]: undefined }, 'run()')).not.toThrow();
  });
  it('names options for a Proxy whose keys cannot be listed', () => {
    const keysThrow = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(messageOf(() => normalizeRunOptions(['ls'], keysThrow))).toMatch(/^options: Expected `options` to be an object whose keys can be listed/);
  });
  it('suggests within a third of the length, or a prefix of three or more', () => {
    expect(nearestKey('env', ['cwd', 'env'])).toBe('env');
    expect(nearestKey('ab', ['cwd'])).toBeUndefined();
    expect(nearestKey('waitdelay', ['waitDelay'])).toBe('waitDelay');
    expect(nearestKey('kilTimeot', ['killTimeout'])).toBe('killTimeout');
    expect(nearestKey('x', ['pty'])).toBeUndefined();
  });
});
