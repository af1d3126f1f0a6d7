import { NR_EXT_PIPELINE, type SpawnExtension } from './encode-spawn-request.js';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf8 = new TextEncoder();

/**
 * The NR_EXT_PIPELINE extension for the members after the first (whose argv
 * is the request's own): u32 count, then per member u32 argc and argc
 * length-prefixed UTF-8 strings. The request's size limit covers it.
 *
 * @example
 * encodeSpawnRequest({ ...req, argv: ['ls'], extensions: [pipelineExtension([['wc', '-l']])] });
 */
export function pipelineExtension(rest: readonly (readonly string[])[]): SpawnExtension {
  const encoded = rest.map((argv) => argv.map((s) => utf8.encode(s)));
  let size = 4;
  for (const argv of encoded) for (const s of argv) size += 4 + s.length;
  size += 4 * encoded.length;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const u32 = (v: number): void => {
    view.setUint32(at, v, LITTLE_ENDIAN);
    at += 4;
  };
  u32(encoded.length);
  for (const argv of encoded) {
    u32(argv.length);
    for (const s of argv) {
      u32(s.length);
      bytes.set(s, at);
      at += s.length;
    }
  }
  return { tag: NR_EXT_PIPELINE, bytes };
}
