// Type-only: the Node stream classes a Process hands out where node:stream
// exists (Node, Bun). Nothing is loaded at run time.
import type { Readable, Writable } from 'node:stream';

/** A node:stream Readable. */
export type NodeReadable = Readable;
/** A node:stream Writable. */
export type NodeWritable = Writable;
