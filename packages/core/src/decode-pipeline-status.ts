import { decodeExitRecord, EXIT_RECORD_SIZE, type ExitRecord } from './decode-exit-record.js';

/** NR__PIPELINE_MAGIC ("NRPL"): the first word on a pipeline's status pipe. */
export const NR_PIPELINE_MAGIC = 0x4c50524e;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Every member's exit record, in member order. */
export interface PipelineRecords {
  pids: number[];
  records: ExitRecord[];
}

/**
 * Decode all a pipeline's status pipe carried: the preamble (magic, count,
 * the pids in member order), then one record per member in the order they
 * were reaped. Null when anything is missing or broken (the pipe ended
 * early: the shepherd died), or the count is not `members`.
 *
 * @example
 * decodePipelineStatus(bytes, 3)?.records[2].exitStatus; // the last member's exit
 */
export function decodePipelineStatus(bytes: Uint8Array, members: number): PipelineRecords | null {
  const head = 8 + 4 * members;
  if (bytes.length !== head + members * EXIT_RECORD_SIZE) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, LITTLE_ENDIAN) !== NR_PIPELINE_MAGIC || view.getUint32(4, LITTLE_ENDIAN) !== members) return null;
  const pids: number[] = [];
  for (let k = 0; k < members; k++) pids.push(view.getInt32(8 + 4 * k, LITTLE_ENDIAN));
  const records = new Array<ExitRecord | undefined>(members);
  for (let i = 0; i < members; i++) {
    const at = head + i * EXIT_RECORD_SIZE;
    const record = decodeExitRecord(bytes.subarray(at, at + EXIT_RECORD_SIZE));
    const k = record === null ? -1 : pids.indexOf(record.pid);
    if (k < 0 || records[k] !== undefined) return null;
    records[k] = record!;
  }
  return { pids, records: records as ExitRecord[] };
}
