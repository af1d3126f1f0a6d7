import { SpawnError, errnoName, type SpawnStage } from '@netrunner/types';

const STAGES: SpawnStage[] = ['host', 'request', 'resolve', 'resource', 'cwd', 'exec', 'cgroup', 'setup', 'sandbox'];

/**
 * The SpawnError for a failed spawn reply. In a pipeline the shepherd puts
 * the failing member's index in bits 8..15 of the stage: the error then
 * carries that member's argv, and its message and field name it
 * (`pipeline[2]`).
 */
export function spawnFailure(members: readonly (readonly string[])[], errno: number, rawStage: number): SpawnError {
  const member = members.length > 1 ? (rawStage >> 8) & 0xff : 0;
  const argv = members[member] ?? members[0]!;
  const error = new SpawnError(argv, errno, errnoName(errno), STAGES[rawStage & 0xff] ?? 'host');
  if (members.length > 1) {
    const name = `pipeline[${member}]`;
    error.message = `${name} ${JSON.stringify(argv)}: ${error.message}`;
    if (error.field === 'argv') Object.defineProperty(error, 'field', { value: name });
  }
  return error;
}
