import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import type { NetRunner, Process } from '@netrunner/types';
import { ValidationError } from '@netrunner/types';
import { caught, randomBytes } from '../helpers/bytes.js';
import { allGone, bytesWritten, procState, waitFor } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

const MiB = 1024 * 1024;
// The kernel's pipe buffer plus a reader's read-ahead: far below what the child would write.
const BLOCKED_BOUND = 8 * MiB;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** 64 KiB pieces of `data`, as a producer would hand them over. */
function pieces(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += 65536) out.push(data.subarray(at, at + 65536));
  return out;
}

/** `count` lines of random UTF-8 (1- to 4-byte characters) ended by '\n' or '\r\n', the last one by nothing. */
function randomLines(count: number): { lines: string[]; text: string } {
  const alphabet = ['a', 'Z', '7', ' ', '\t', 'é', 'ß', '€', '中', '😀', '𝄞'];
  const lines: string[] = [];
  let text = '';
  for (let i = 0; i < count; i++) {
    let line = '';
    for (let n = Math.floor(Math.random() * 120); n > 0; n--) line += alphabet[Math.floor(Math.random() * alphabet.length)];
    lines.push(line);
    text += line + (i === count - 1 ? '' : Math.random() < 0.5 ? '\n' : '\r\n');
  }
  return { lines, text };
}

async function collectLines(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of source) out.push(line);
  return out;
}

/** Resolves true once `pid` sleeps with its write count unchanged over two looks: it is blocked on a full pipe. */
function blockedOnWrite(pid: number): Promise<boolean> {
  let last = -1;
  return waitFor(() => {
    const now = bytesWritten(pid);
    const still = now === last && procState(pid) === 'S';
    last = now;
    return still;
  }, 20_000, 200);
}

/**
 * A Process offers its stdio as web streams, Node streams and lines, byte
 * for byte and with backpressure: a consumer that stops pulling blocks the
 * child instead of filling the host's memory.
 */
export function streamInteropBehaviour(t: TestApi, nr: NetRunner, _env: ConformanceEnv): void {
  const { describe, it, expect } = t;

  async function finished(p: Process): Promise<void> {
    await p.stop();
    expect(await allGone([p.pid])).toBe(true);
  }

  describe('stream interop', () => {
  describe('web streams', () => {
    it('carry 4 MiB of random bytes through cat both ways (writable in, readable out), SHA-256 equal', async () => {
      const data = randomBytes(4 * MiB);
      const p = await nr.spawn(['cat']);
      const [, out] = await Promise.all([new Blob([data]).stream().pipeTo(p.writable), new Response(p.readable).arrayBuffer()]);
      expect(sha256(new Uint8Array(out))).toBe(sha256(data));
      expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 0, signal: null, outputCut: false });
      expect(p.stats().bytesIn).toBe(data.length);
    });
    it('carry stderr byte-exact through stderrReadable', async () => {
      const data = randomBytes(2 * MiB);
      const p = await nr.spawn(['sh', '-c', 'cat >&2']);
      const [, err] = await Promise.all([new Blob([data]).stream().pipeTo(p.writable), new Response(p.stderrReadable).arrayBuffer()]);
      expect(sha256(new Uint8Array(err))).toBe(sha256(data));
      expect((await p.wait()).exitCode).toBe(0);
    });
    it('are one object per stream, however often they are asked for', async () => {
      await using p = await nr.spawn(['true']);
      expect(p.readable).toBe(p.readable);
      expect(p.stderrReadable).toBe(p.stderrReadable);
      expect(p.writable).toBe(p.writable);
    });
    it('keep backpressure: a reader that stops pulling blocks the child', async () => {
      const p = await nr.spawn(['head', '-c', '200000000', '/dev/zero']);
      try {
        const reader = p.readable.getReader();
        expect(((await reader.read()).value ?? new Uint8Array()).length).toBeGreaterThan(0);
        expect(await blockedOnWrite(p.pid)).toBe(true);
        expect(bytesWritten(p.pid)).toBeLessThanOrEqual(BLOCKED_BOUND);
        // Cancelling closes stdout with bytes unread: head's next write fails (ECONNRESET) and it exits 1.
        await reader.cancel();
        expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 1, signal: null, outputCut: false });
      } finally {
        await finished(p);
      }
    });
    it('keep backpressure on stdin: a writer waiting on `ready` stops while the child does not read', async () => {
      const p = await nr.spawn(['sleep', '100']);
      try {
        const writer = p.writable.getWriter();
        let offered = 0;
        const chunk = new Uint8Array(65536);
        void (async () => {
          for (;;) {
            await writer.ready;
            offered += chunk.length;
            writer.write(chunk).catch(() => undefined);
          }
        })().catch(() => undefined);
        let last = -1;
        const stalled = (): boolean => {
          const same = offered > 0 && offered === last;
          last = offered;
          return same;
        };
        expect(await waitFor(stalled, 20_000, 200)).toBe(true);
        expect(offered).toBeLessThanOrEqual(BLOCKED_BOUND);
      } finally {
        await finished(p);
      }
    });
    it('end when the spawn signal aborts: the group is stopped and the stream closes', async () => {
      const ac = new AbortController();
      const p = await nr.spawn(['sh', '-c', 'echo ready; exec sleep 100'], { signal: ac.signal });
      const reader = p.readable.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('ready\n');
      ac.abort();
      expect((await reader.read()).done).toBe(true);
      expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 143, signal: 'SIGTERM', outputCut: false });
      expect(await allGone([p.pid])).toBe(true);
    });
  });

  describe('Node streams', () => {
    it('pipeline(nodeStdout(), gzip, file) with nodeStdin() fed by pipeline: 4 MiB byte-exact', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'netrunner-streams-'));
      try {
        const data = randomBytes(4 * MiB);
        const file = join(dir, 'out.gz');
        const p = await nr.spawn(['cat']);
        await Promise.all([
          pipeline(Readable.from(pieces(data)), p.nodeStdin()),
          pipeline(p.nodeStdout(), createGzip(), createWriteStream(file)),
        ]);
        expect(sha256(gunzipSync(readFileSync(file)))).toBe(sha256(data));
        expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 0, signal: null, outputCut: false });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    it('carry stderr byte-exact through nodeStderr()', async () => {
      const data = randomBytes(2 * MiB);
      const p = await nr.spawn(['sh', '-c', 'cat >&2']);
      const chunks: Uint8Array[] = [];
      await Promise.all([
        pipeline(Readable.from(pieces(data)), p.nodeStdin()),
        pipeline(p.nodeStderr(), new Writable({ write: (c: Uint8Array, _e, cb) => (chunks.push(new Uint8Array(c)), cb()) })),
      ]);
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(data));
      expect((await p.wait()).exitCode).toBe(0);
    });
    it('are one object per stream, however often they are asked for', async () => {
      await using p = await nr.spawn(['true']);
      expect(p.nodeStdout()).toBe(p.nodeStdout());
      expect(p.nodeStderr()).toBe(p.nodeStderr());
      expect(p.nodeStdin()).toBe(p.nodeStdin());
    });
    it('keep backpressure: piped into a writer that never finishes a write, the child blocks', async () => {
      const p = await nr.spawn(['head', '-c', '200000000', '/dev/zero']);
      try {
        let received = 0;
        const stuck = new Writable({
          write(chunk: Uint8Array) {
            received += chunk.length; // never calls back: the write never finishes
          },
        });
        p.nodeStdout().pipe(stuck);
        expect(await waitFor(() => received > 0)).toBe(true);
        expect(await blockedOnWrite(p.pid)).toBe(true);
        expect(bytesWritten(p.pid)).toBeLessThanOrEqual(BLOCKED_BOUND);
        // Destroying the stream closes stdout with bytes unread: head's next write fails (ECONNRESET) and it exits 1.
        p.nodeStdout().destroy();
        expect(await p.wait()).toEqual({ pid: p.pid, exitCode: 1, signal: null, outputCut: false });
      } finally {
        await finished(p);
      }
    });
  });

  describe('lines()', () => {
    it('gives 1 MiB of random UTF-8 lines exactly, characters split across chunks kept whole, \\r\\n and \\n alike', async () => {
      const { lines, text } = randomLines(20_000);
      const p = await nr.spawn(['cat']);
      const [got] = await Promise.all([collectLines(p.lines()), p.write(text).then(() => p.closeStdin())]);
      expect(got.length).toBe(lines.length);
      expect(got).toEqual(lines);
      expect((await p.wait()).exitCode).toBe(0);
    });
    it("reads stderr with lines('stderr')", async () => {
      await using p = await nr.spawn(['sh', '-c', "printf 'one\\ntwo\\r\\nthree' >&2"]);
      expect(await collectLines(p.lines('stderr'))).toEqual(['one', 'two', 'three']);
    });
    for (const [output, lines] of [
      ['', []],
      ['\\n', ['']],
      ['last', ['last']],
      ['a\\n\\nb\\n', ['a', '', 'b']],
      ['a\\r\\n\\r\\nb\\r\\n', ['a', '', 'b']],
      ['a\\rb\\n', ['a\rb']],
    ] as const) {
      it(`gives printf '${output}' as ${JSON.stringify(lines)}`, async () => {
        await using p = await nr.spawn(['printf', output]);
        expect(await collectLines(p.lines())).toEqual(lines);
      });
    }
    it('rejects a stream other than stdout or stderr with a ValidationError naming it', async () => {
      await using p = await nr.spawn(['true']);
      const e = await caught((async () => p.lines('stdin' as 'stdout'))());
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.message).toBe(`Expected \`lines(from)\` to be 'stdout' or 'stderr', got "stdin"`);
    });
  });

  describe("run() with encoding: 'buffer'", () => {
    it('gives Buffers (the runtime has node:buffer) holding the exact bytes', async () => {
      const data = randomBytes(MiB);
      const r = await nr.run(['cat'], { input: data, encoding: 'buffer', all: true });
      expect(Buffer.isBuffer(r.stdout)).toBe(true);
      expect(Buffer.isBuffer(r.stderr)).toBe(true);
      expect(Buffer.isBuffer(r.all)).toBe(true);
      expect(sha256(r.stdout)).toBe(sha256(data));
    });
  });
  });
}
