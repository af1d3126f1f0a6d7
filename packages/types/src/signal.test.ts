import { describe, expect, it } from 'vitest';
import { SIGNALS, signalName, signalNumber } from './signal.js';
import { ValidationError } from './errors/validation-error.js';

describe('signals', () => {
  it('resolves every Linux signal name to its number', () => {
    expect(Object.keys(SIGNALS).length).toBe(33);
    for (let n = 1; n <= 31; n++) expect(signalNumber(signalName(n))).toBe(n);
    expect(signalNumber('SIGWINCH')).toBe(28);
    expect(signalNumber('SIGSYS')).toBe(31);
    expect(signalNumber('SIGIOT')).toBe(6);
    expect(signalNumber('SIGPOLL')).toBe(29);
  });
  it('resolves real-time signals by name and by number, as kill -l names them', () => {
    expect(signalNumber('SIGRTMIN')).toBe(34);
    expect(signalNumber('SIGRTMIN+3')).toBe(37);
    expect(signalNumber('SIGRTMAX-1')).toBe(63);
    expect(signalNumber('SIGRTMAX')).toBe(64);
    expect(signalNumber(40)).toBe(40);
    expect([34, 37, 49, 50, 63, 64].map(signalName)).toEqual(
      ['SIGRTMIN', 'SIGRTMIN+3', 'SIGRTMIN+15', 'SIGRTMAX-14', 'SIGRTMAX-1', 'SIGRTMAX'],
    );
    for (let n = 34; n <= 64; n++) expect(signalNumber(signalName(n))).toBe(n);
  });
  it('refuses everything else', () => {
    for (const bad of [0, 32, 33, 65, -1, 1.5, 'SIGFOO', 'sigterm', 'toString', 'SIGRTMIN-1', 'SIGRTMAX+1',
      'SIGRTMIN+31', 'SIGRTMIN+03', null, undefined]) {
      expect(() => signalNumber(bad)).toThrow(ValidationError);
    }
  });
  it('names the field, and the nearest name for a misspelling', () => {
    expect(() => signalNumber(0, 'killSignal')).toThrow(
      'Expected `killSignal` to be a signal name (SIGTERM, SIGWINCH, SIGRTMIN+3, ...) or an integer 1..31 or 34..64, got 0',
    );
    expect(() => signalNumber('SIGWINC')).toThrow(
      'Expected `signal` to be a signal name (SIGTERM, SIGWINCH, SIGRTMIN+3, ...) or an integer 1..31 or 34..64 (did you mean SIGWINCH?), got "SIGWINC"',
    );
  });
  it('suggests only a close name', () => {
    const message = (s: string): string => {
      try {
        signalNumber(s);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(message('sigterm')).toMatch(/did you mean SIGTERM\?/);
    expect(message('SIGTREM')).toMatch(/did you mean SIGTERM\?/);
    expect(message('WINCH')).toMatch(/did you mean SIGWINCH\?/);
    expect(message('SIGFOO')).not.toMatch(/did you mean/);
  });
  it('has no name for numbers outside the ranges', () => {
    expect(signalName(0)).toBeNull();
    expect(signalName(32)).toBeNull();
  });
});
