import type { FdReader, RuntimeAdapter } from './adapter.js';
import { decodeExitRecord, EXIT_RECORD_SIZE, type ExitRecord } from './decode-exit-record.js';

/** Read one exit record from a status pipe, then close it; null if the pipe ended without one (the shepherd died). */
export async function readExitRecord(reader: FdReader): Promise<ExitRecord | null> {
  const buf = new Uint8Array(EXIT_RECORD_SIZE);
  let have = 0;
  try {
    while (have < EXIT_RECORD_SIZE) {
      const chunk = await reader.read();
      if (chunk === null) return null;
      const take = Math.min(chunk.length, EXIT_RECORD_SIZE - have);
      buf.set(chunk.subarray(0, take), have);
      have += take;
    }
    return decodeExitRecord(buf);
  } catch {
    return null;
  } finally {
    reader.destroy();
  }
}

/** Read the exit record from a status pipe fd (taking ownership of it), through the adapter's fast path when it has one. */
export function readExitStatus(adapter: RuntimeAdapter, fd: number): Promise<ExitRecord | null> {
  if (adapter.readStatus === undefined) return readExitRecord(adapter.reader(fd));
  return adapter.readStatus(fd).then(
    (bytes) => (bytes === null ? null : decodeExitRecord(bytes)),
    () => null,
  );
}
