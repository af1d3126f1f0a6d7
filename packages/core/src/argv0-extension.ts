import { NR_EXT_ARGV0, type SpawnExtension } from './encode-spawn-request.js';

const utf8 = new TextEncoder();

/** The ARGV0 extension for the name the child should see, none without one. */
export function argv0Extensions(argv0: string | null): SpawnExtension[] {
  return argv0 === null ? [] : [{ tag: NR_EXT_ARGV0, bytes: utf8.encode(argv0) }];
}
