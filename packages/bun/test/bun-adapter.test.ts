import { afterAll, describe, expect, it, setDefaultTimeout } from 'bun:test';
import { fstatSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fdCount, waitFor } from '@netrunner/conformance';
import { bunAdapter } from '../src/bun-adapter.ts';
import { symbols } from '../src/ffi-symbols.ts';
import { libraryPath, shepherdPath } from '../src/native-path.ts';
import { run, shutdown, spawn } from '../src/index.ts';

// Bun's default is 5 s; loops of 200 spawns take longer on a loaded machine
// (the Node runs have 30 s, in vitest.config.ts).
setDefaultTimeout(30_000);

const header = readFileSync(new URL('../../../core-c/include/netrunner.h', import.meta.url), 'utf8');

function readlinkOr(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

afterAll(() => shutdown());

describe('@netrunner/bun native loading', () => {
  it('declares every FFI symbol with the arity netrunner.h gives it', () => {
    for (const [name, def] of Object.entries(symbols)) {
      const decl = new RegExp(`\\b${name}\\(([^)]*)\\)`).exec(header);
      expect(decl === null ? `${name} missing` : name).toBe(name);
      expect(decl![1]!.split(',').length).toBe(def.args.length);
    }
  });

  it('finds libnetrunner.so and the shepherd inside the package', () => {
    const saved = { lib: process.env.NETRUNNER_LIB_PATH, shepherd: process.env.NETRUNNER_SHEPHERD_PATH };
    delete process.env.NETRUNNER_LIB_PATH;
    delete process.env.NETRUNNER_SHEPHERD_PATH;
    try {
      const lib = libraryPath();
      expect(lib).toMatch(/native\/linux-x64\/libnetrunner\.glibc\.so$/);
      expect(shepherdPath(lib)).toMatch(/native\/linux-x64\/netrunner-shepherd$/);
    } finally {
      Object.assign(process.env, saved.lib ? { NETRUNNER_LIB_PATH: saved.lib } : {});
      Object.assign(process.env, saved.shepherd ? { NETRUNNER_SHEPHERD_PATH: saved.shepherd } : {});
    }
  });

  it('picks the library by libc and names the platform and the shipped ones when none matches', () => {
    const saved = { lib: process.env.NETRUNNER_LIB_PATH, libc: process.env.LIBC };
    delete process.env.NETRUNNER_LIB_PATH;
    process.env.LIBC = 'uclibc';
    try {
      expect(() => libraryPath()).toThrow(/native\/linux-x64\/libnetrunner\.uclibc\.so\n/);
      expect(() => libraryPath()).toThrow(/No prebuilt library for linux-x64-uclibc; this package ships (linux-\w+-\w+, )*linux-x64-glibc/);
    } finally {
      Object.assign(process.env, saved.lib ? { NETRUNNER_LIB_PATH: saved.lib } : {});
      if (saved.libc === undefined) delete process.env.LIBC;
      else process.env.LIBC = saved.libc;
    }
  });

  it('takes NETRUNNER_LIB_PATH as the only library path and names it when it is missing', () => {
    const saved = process.env.NETRUNNER_LIB_PATH;
    process.env.NETRUNNER_LIB_PATH = '/nonexistent/libnetrunner.so';
    try {
      expect(() => libraryPath()).toThrow(/Tried:\n  \/nonexistent\/libnetrunner\.so\n/);
    } finally {
      if (saved === undefined) delete process.env.NETRUNNER_LIB_PATH;
      else process.env.NETRUNNER_LIB_PATH = saved;
    }
  });
});

describe('@netrunner/bun fd I/O on Bun', () => {
  it('closes stdin after the input so the child reads EOF', async () => {
    const r = await run(['wc', '-c'], { input: 'x'.repeat(100_000) });
    expect(r.stdout.trim()).toBe('100000');
  });

  it('keeps a write pending while the child does not read, instead of buffering it', async () => {
    const p = await spawn(['sleep', '100']);
    let settled = 'pending';
    const big = p.write(new Uint8Array(8 << 20)).then(
      () => (settled = 'written'),
      (e: { code?: string }) => (settled = e.code ?? 'error'),
    );
    await Bun.sleep(300);
    expect(settled).toBe('pending');
    p.kill('SIGKILL');
    await p.wait();
    await big; // the child is gone: the pending write settles
    expect(settled).toBe('EPIPE');
  });

  it('ends a PTY stream at the child exit (EIO is EOF)', async () => {
    const p = await spawn(['sh', '-c', 'printf ready; exit 4'], { pty: true });
    let out = '';
    for await (const chunk of p.stdout) out += new TextDecoder().decode(chunk);
    expect(out).toBe('ready');
    expect((await p.wait()).exitCode).toBe(4);
  });

  it('duplex() closes the fd once, after both the reader and the writer let go', async () => {
    const isOpen = (fd: number): boolean => {
      try {
        fstatSync(fd);
        return true;
      } catch {
        return false;
      }
    };
    const fd = openSync('/dev/null', 'r+');
    const { reader, writer } = bunAdapter.duplex(fd);
    reader.destroy();
    expect(isOpen(fd)).toBe(true);
    await writer.end();
    expect(isOpen(fd)).toBe(false);
    // The number is free again; a new file may get it. Late calls must not close it.
    const reused = openSync('/dev/null', 'r');
    reader.destroy();
    writer.destroy();
    expect(reused === fd ? isOpen(fd) : true).toBe(true);
  });

  it('keeps writing to a PTY after reading it (the master stays O_NONBLOCK)', async () => {
    await using p = await spawn(['cat'], { pty: true });
    for (const word of ['one', 'two', 'three']) {
      await p.write(`${word}\n`);
      let out = '';
      while (!out.includes(`${word}\r\n${word}\r\n`)) out += new TextDecoder().decode((await p.read())!);
      const masters = readdirSync('/proc/self/fd').filter((fd) => readlinkOr(`/proc/self/fd/${fd}`) === '/dev/ptmx');
      expect(masters.length).toBeGreaterThan(0);
      for (const fd of masters) {
        const flags = /flags:\s+(\d+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!;
        expect(Number.parseInt(flags, 8) & 0o4000).toBe(0o4000); // O_NONBLOCK
      }
    }
  });

  it('leaves no fd behind after 200 runs', async () => {
    await run(['true']);
    const before = fdCount();
    for (let i = 0; i < 200; i++) await run(['cat'], { input: 'abc' });
    // Bun lets go of its dup of a stream's fd a tick or more after run() resolves.
    expect(await waitFor(() => fdCount() <= before, 5000)).toBe(true);
    // 4 s on a quiet machine, 30 s under load: the bound only ends a hang.
  }, 120_000);
});
