import { describe, expect, it } from 'vitest';
import { SIGNALS, signalName, signalNumber } from './signal.js';
import { ValidationError } from './errors/validation-error.js';

describe('signals', () => {
  it('resolves every accepted name to its Linux number', () => {
    expect(Object.keys(SIGNALS).sort()).toEqual(
      ['SIGCONT', 'SIGHUP', 'SIGINT', 'SIGKILL', 'SIGPIPE', 'SIGQUIT', 'SIGSTOP', 'SIGTERM', 'SIGUSR1', 'SIGUSR2'],
    );
    expect(signalNumber('SIGTERM')).toBe(15);
    expect(signalNumber('SIGKILL')).toBe(9);
  });
  it('accepts integers 1..31 and nothing else', () => {
    expect(signalNumber(1)).toBe(1);
    expect(signalNumber(31)).toBe(31);
    for (const bad of [0, 32, -1, 1.5, 'SIGFOO', 'sigterm', 'toString', null, undefined]) {
      expect(() => signalNumber(bad)).toThrow(ValidationError);
    }
  });
  it('names the field in the one message template', () => {
    expect(() => signalNumber(0)).toThrow(
      'Expected `signal` to be one of SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGPIPE, SIGTERM, SIGCONT, SIGSTOP or an integer 1..31, got 0',
    );
  });
  it('names any Linux signal for reporting', () => {
    expect(signalName(15)).toBe('SIGTERM');
    expect(signalName(11)).toBe('SIGSEGV');
    expect(signalName(0)).toBeNull();
  });
});
