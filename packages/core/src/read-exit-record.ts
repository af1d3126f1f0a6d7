import type { FdReader, RuntimeAdapter } from './adapter.js';
import { decodeExitRecord, EXIT_RECORD_SIZE, type ExitRecord } from './decode-exit-record.js';

/** Read `size` bytes from a status pipe, then close it; null if it ended sooner (the shepherd died). */
export async function readStatusBytes(reader: FdReader, size: number): Promise<Uint8Array | null> {
  const buf = new Uint8Array(size);
  let have = 0;
  try {
    while (have < size) {
      const chunk = await reader.read();
      if (chunk === null) return null;
      const take = Math.min(chunk.length, size - have);
      buf.set(chunk.subarray(0, take), have);
      have += take;
    }
    return buf;
  } catch {
    return null;
  } finally {
    reader.destroy();
  }
}

/** Read one exit record from a status pipe, then close it; null if the pipe ended without one (the shepherd died). */
export async function readExitRecord(reader: FdReader): Promise<ExitRecord | null> {
  const bytes = await readStatusBytes(reader, EXIT_RECORD_SIZE);
  return bytes === null ? null : decodeExitRecord(bytes);
}

/** Read the exit record from a status pipe fd (taking ownership of it), through the adapter's fast path when it has one. */
export function readExitStatus(adapter: RuntimeAdapter, fd: number): Promise<ExitRecord | null> {
  if (adapter.readStatus === undefined) return readExitRecord(adapter.reader(fd));
  return adapter.readStatus(fd).then(
    (bytes) => (bytes === null ? null : decodeExitRecord(bytes)),
    () => null,
  );
}
