/**
 * How the host side fails (a row of the failure matrix); the host fixture
 * (fixtures/matrix-host.mjs) implements each id.
 * - dies: the host process ends by itself, right after the failure.
 * - returns: the host's main module ends while its child runs.
 * - survives: the host lives on and reports what its waits did.
 */
export interface Row {
  id: string;
  title: string;
  kind: 'dies' | 'returns' | 'survives';
  /** The host reads the child through stream(), which yields stdout only. */
  streamsStdoutOnly?: boolean;
}

export const rows: Row[] = [
  { id: 'sigkill', title: 'host SIGKILLed', kind: 'dies' },
  { id: 'sigterm', title: 'host SIGTERMed', kind: 'dies' },
  { id: 'sigint', title: 'host SIGINTed', kind: 'dies' },
  { id: 'uncaught', title: 'uncaught exception', kind: 'dies' },
  { id: 'unhandled', title: 'unhandled rejection', kind: 'dies' },
  { id: 'exit', title: 'process.exit()', kind: 'dies' },
  { id: 'return', title: 'returns with live children', kind: 'returns' },
  { id: 'gc', title: 'handle collected', kind: 'survives' },
  { id: 'break', title: 'for await broken early', kind: 'survives', streamsStdoutOnly: true },
  { id: 'throw', title: 'consumer throws', kind: 'survives', streamsStdoutOnly: true },
  { id: 'shepherd', title: 'shepherd SIGKILLed', kind: 'survives' },
  { id: 'worker', title: 'worker terminated', kind: 'survives' },
  { id: 'fd', title: 'fd limit reached mid-spawn', kind: 'survives' },
];
