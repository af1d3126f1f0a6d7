import { describe, expect, it } from 'vitest';
import { DaemonStateMachine } from './daemon-state.js';

describe('DaemonStateMachine', () => {
  it('follows a whole life: start, crash, backoff, restart, stop', () => {
    const m = new DaemonStateMachine();
    for (const next of ['starting', 'running', 'backoff', 'starting', 'running', 'stopping', 'stopped'] as const) m.to(next);
    expect(m.state).toBe('stopped');
  });
  it('refuses a second launch while one is in flight, and anything but stopped after stopping', () => {
    const m = new DaemonStateMachine();
    m.to('starting');
    expect(() => m.to('starting')).toThrow('Daemon state cannot go from starting to starting');
    m.to('stopping');
    for (const next of ['starting', 'running', 'backoff', 'exited', 'stopping'] as const) {
      expect(() => m.to(next)).toThrow(`from stopping to ${next}`);
    }
    expect(m.state).toBe('stopping');
  });
});
