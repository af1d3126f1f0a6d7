import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { NetRunner } from '@netrunner/types';
import { SpawnError, ValidationError, type SandboxOptions, type SandboxSupport } from '@netrunner/types';
import { caught, text } from '../helpers/bytes.js';
import { allGone } from '../helpers/proc.js';
import type { ConformanceEnv, TestApi } from '../test-api.js';

/** The sandboxes' private directories now in /tmp. */
function privateDirs(): string[] {
  return readdirSync('/tmp').filter((d) => d.startsWith('netrunner-sandbox-'));
}

/** Where a program is on PATH, or null. */
function which(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}

/**
 * `sandbox`: each confinement is shown by an escape that succeeds without
 * the sandbox and fails under it, so every case can fail. Cases that need a
 * kernel feature this machine lacks (from sandboxSupport()) skip and say why.
 */
export function sandboxBehaviour(t: TestApi, nr: NetRunner, env: ConformanceEnv): void {
  const { describe, it, expect, beforeAll, afterAll } = t;
  const probe = (nr as { sandboxSupport?: () => SandboxSupport }).sandboxSupport;
  const support = probe?.() ?? { landlockAbi: 0, seccomp: false, noNewPrivs: false, userNamespaces: false };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const needs = (why: string) => (name: string, fn: () => unknown, timeout?: number): void =>
    why ? t.skip(`${name} [skipped: ${why}]`, () => undefined) : it(name, fn, timeout);
  // Every sandbox needs Landlock ABI 6 (scoping) and seccomp, unless bestEffort.
  const abiMissing = support.landlockAbi >= 6 ? '' : `Landlock ABI ${support.landlockAbi} (6 or more needed)`;
  const fsIt = needs(abiMissing);
  const seccompIt = needs(abiMissing || (support.seccomp ? '' : 'no seccomp in this kernel'));
  const python = which('python3');
  const bash = which('bash');

  let ws = '';
  let outside = '';
  let sb: SandboxOptions = {};
  beforeAll(() => {
    ws = mkdtempSync('/tmp/nr-sandbox-ws-');
    outside = mkdtempSync('/tmp/nr-sandbox-outside-');
    writeFileSync(`${outside}/secret`, 'host secret\n');
    sb = { preset: 'workspace', workspace: ws };
  });
  afterAll(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  async function invalid(sandbox: unknown, field: string): Promise<void> {
    const e = await caught(nr.run(['true'], { sandbox } as never));
    expect(ValidationError.isInstance(e) ? e.field : e).toBe(field);
  }

  describe('sandbox', () => {
    it('sandboxSupport() reports what this kernel can enforce', () => {
      expect(typeof probe).toBe('function');
      expect(Number.isInteger(support.landlockAbi) && support.landlockAbi >= 0).toBe(true);
      expect(typeof support.seccomp).toBe('boolean');
      expect(support.noNewPrivs).toBe(true);
    });

    fsIt('a write outside the workspace fails; inside it and in TMPDIR it works', async () => {
      const script = `echo in > ${ws}/in && echo tmp > "$TMPDIR/t" && cat "$TMPDIR/t"; echo out > ${outside}/escaped`;
      const confined = await nr.run(['sh', '-c', script], { sandbox: sb });
      expect(confined.stdout).toBe('tmp\n');
      expect(confined.exitCode).toBe(2); // sh: cannot create
      expect(existsSync(`${outside}/escaped`)).toBe(false);
      expect(readFileSync(`${ws}/in`, 'utf8')).toBe('in\n');
      const free = await nr.run(['sh', '-c', `echo out > ${outside}/escaped`]);
      expect(free.exitCode).toBe(0);
      expect(readFileSync(`${outside}/escaped`, 'utf8')).toBe('out\n');
      rmSync(`${outside}/escaped`);
    });

    fsIt('a secret outside cannot be read; without the sandbox it can', async () => {
      const confined = await nr.run(['cat', `${outside}/secret`], { sandbox: sb });
      expect([confined.stdout, confined.exitCode]).toEqual(['', 1]);
      const free = await nr.run(['cat', `${outside}/secret`]);
      expect([free.stdout, free.exitCode]).toEqual(['host secret\n', 0]);
    });

    const etcIt = isRoot && existsSync('/etc/shadow') ? fsIt : needs('needs root and /etc/shadow (a root child reads it without the sandbox)');
    etcIt('the preset reads the users and hosts of /etc but not /etc/shadow, even as root', async () => {
      const confined = await nr.run(['sh', '-c', 'id -un; head -c 1 /etc/hosts >/dev/null && echo hosts; cat /etc/shadow'], { sandbox: sb });
      expect([confined.stdout, confined.exitCode]).toEqual(['root\nhosts\n', 1]);
      const free = await nr.run(['sh', '-c', 'cat /etc/shadow >/dev/null && echo shadow']);
      expect([free.stdout, free.exitCode]).toEqual(['shadow\n', 0]);
    });

    fsIt('every member of a pipeline is confined', async () => {
      const members = [['cat', `${outside}/secret`], ['wc', '-c']];
      const confined = await nr.pipeline(members, { sandbox: sb });
      expect([confined.stdout, confined.exitCode]).toEqual(['0\n', 1]); // pipefail: cat's status
      const free = await nr.pipeline(members);
      expect([free.stdout, free.exitCode]).toEqual(['12\n', 0]);
    });

    fsIt('the private TMPDIR is removed once the child is gone', async () => {
      const r = await nr.run(['sh', '-c', 'echo "$TMPDIR"; touch "$TMPDIR/x"'], { sandbox: sb });
      const tmp = r.stdout.trim();
      expect(tmp).toMatch(/^\/tmp\/netrunner-sandbox-[0-9a-f]{24}$/);
      const deadline = Date.now() + 5000;
      while (existsSync(tmp) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      expect(existsSync(tmp)).toBe(false);
    });

    fsIt('a binary outside the exec paths cannot run (SpawnError at exec, EACCES)', async () => {
      copyFileSync('/bin/true', `${ws}/true`);
      chmodSync(`${ws}/true`, 0o755);
      const e = await caught(nr.run([`${ws}/true`], { sandbox: sb }));
      expect(SpawnError.isInstance(e) ? [e.stage, e.code] : e).toEqual(['exec', 'EACCES']);
      expect((await nr.run([`${ws}/true`])).exitCode).toBe(0);
      expect((await nr.run([`${ws}/true`], { sandbox: { ...sb, exec: [ws] } })).exitCode).toBe(0);
    });

    /** A server that counts connections: the confined client must fail, the loose one arrive once. */
    async function connectOnlyWhenAllowed(listen: (server: Server, ready: () => void) => void, argv: () => string[], refused: string): Promise<void> {
      let accepted = 0;
      // The client closes the connection: a server that reset it at once
      // could fail the client before it saw 'connect' (seen on Bun).
      const server: Server = createServer((s) => {
        accepted++;
        s.on('error', () => {});
      });
      await new Promise<void>((res) => listen(server, res));
      const client = argv();
      try {
        const confined = await nr.run(client, { sandbox: { network: 'none' } });
        expect([confined.stdout, confined.exitCode]).toEqual([refused, refused ? 0 : 1]);
        const loose = await nr.run(client, { sandbox: { network: 'allow' } });
        expect([loose.stdout, loose.exitCode]).toEqual(['connected\n', 0]);
        const deadline = Date.now() + 5000;
        while (accepted < 1 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
        expect(accepted).toBe(1);
      } finally {
        server.close();
      }
    }

    const netIt = bash ? seccompIt : needs('bash is not installed (its /dev/tcp makes the connection)');
    netIt('network none: a connect to a 127.0.0.1 server fails; without it, it arrives', async () => {
      let port = 0;
      const listen = (server: Server, ready: () => void) => server.listen(0, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port;
        ready();
      });
      await connectOnlyWhenAllowed(listen, () => [bash!, '-c', `exec 3<>/dev/tcp/127.0.0.1/${port} && echo connected`], '');
    });

    seccompIt('network none: no connect to a Unix socket of the host; with network allowed it arrives', async () => {
      const path = `${outside}/host.sock`;
      const script = `const s = require('net').connect(${JSON.stringify(path)}); s.on('connect', () => { console.log('connected'); s.destroy(); }); s.on('error', () => console.log('refused'));`;
      await connectOnlyWhenAllowed((server, ready) => server.listen(path, ready), () => [env.hostCommand[0]!, '-e', script], 'refused\n');
    });

    seccompIt('no_new_privs is set: a setuid binary gains nothing', async () => {
      const grep = ['grep', 'NoNewPrivs', '/proc/self/status'];
      expect((await nr.run(grep, { sandbox: { network: 'allow' } })).stdout).toBe('NoNewPrivs:\t1\n');
      expect((await nr.run(grep)).stdout).toBe('NoNewPrivs:\t0\n');
    });

    const ptraceIt = python ? seccompIt : needs('python3 is not installed (it makes the ptrace call)');
    ptraceIt('ptrace of a sibling fails with EPERM; without the sandbox it attaches', async () => {
      const script = [
        'import ctypes, os, signal, time',
        'libc = ctypes.CDLL(None, use_errno=True)',
        'kid = os.fork()',
        'if kid == 0:',
        '    time.sleep(30); os._exit(0)',
        'rc = libc.ptrace(16, kid, None, None)',
        'print(rc, ctypes.get_errno())',
        'os.kill(kid, signal.SIGKILL)',
      ].join('\n');
      expect((await nr.run([python!, '-c', script], { sandbox: { network: 'allow' } })).stdout).toBe('-1 1\n');
      expect((await nr.run([python!, '-c', script])).stdout).toBe('0 0\n');
    });

    seccompIt('openFiles and fileSize limits hold; without them the same commands succeed', async () => {
      const fds = 'exec 3</dev/null && echo three; exec 4</dev/null && echo four';
      const limited = await nr.run(['sh', '-c', fds], { sandbox: { network: 'allow', limits: { openFiles: 4 } } });
      expect([limited.stdout, limited.exitCode]).toEqual(['three\n', 2]);
      expect((await nr.run(['sh', '-c', fds])).stdout).toBe('three\nfour\n');
      const big = `${outside}/big`;
      const write = ['sh', '-c', `head -c 8192 /dev/zero > ${big}`];
      const capped = await nr.run(write, { sandbox: { network: 'allow', limits: { fileSize: 4096 } } });
      expect([statSync(big).size, capped.exitCode]).toEqual([4096, 128 + 25]); // head: SIGXFSZ
      expect((await nr.run(write)).exitCode).toBe(0);
      expect(statSync(big).size).toBe(8192);
    });

    seccompIt('envAllow: only PATH, the allowed names and `env` reach the child', async () => {
      process.env.NR_SANDBOX_SECRET = 'leak';
      process.env.NR_SANDBOX_SHOWN = 'shown';
      try {
        const opts = { sandbox: { network: 'allow', envAllow: ['NR_SANDBOX_SHOWN'] }, env: { OWN: '1' } } as const;
        const names = (await nr.run(['env'], opts)).stdout.split('\n').filter(Boolean).map((l) => l.split('=')[0]).sort();
        expect(names).toEqual(['NR_SANDBOX_SHOWN', 'OWN', 'PATH']);
        expect((await nr.run(['env'])).stdout).toContain('NR_SANDBOX_SECRET=leak\n');
      } finally {
        delete process.env.NR_SANDBOX_SECRET;
        delete process.env.NR_SANDBOX_SHOWN;
      }
    });

    (isRoot ? seccompIt : needs('not running as root'))('user and group switch ids (root only)', async () => {
      const r = await nr.run(['sh', '-c', 'id -u; id -g; id -G'], { sandbox: { network: 'allow', user: 65534, group: 65533 } });
      expect(r.stdout).toBe('65534\n65533\n65533\n');
    });

    (isRoot ? needs('running as root') : seccompIt)('user without root fails at stage sandbox with EPERM', async () => {
      const e = await caught(nr.run(['true'], { sandbox: { network: 'allow', user: 65534 } }));
      expect(SpawnError.isInstance(e) ? [e.stage, e.code, e.field] : e).toEqual(['sandbox', 'EPERM', 'sandbox']);
    });

    it('the netrunner command: sandbox-info, and run --sandbox dir', async () => {
      const cli = `${env.hostCommand[env.hostCommand.length - 1]!.replace(/index\.js$/, '')}cli.js`;
      const netrunner = (...args: string[]) => nr.run([env.hostCommand[0]!, cli, ...args], { timeout: 20_000 });
      expect(JSON.parse((await netrunner('sandbox-info')).stdout)).toEqual(support);
      expect((await netrunner('run', '--sandbox', 'relative', '--', 'true')).exitCode).toBe(2);
      expect((await netrunner('run', '--', 'cat', `${outside}/secret`)).stdout).toBe('host secret\n');
      const confined = await netrunner('run', '--sandbox', ws, '--', 'cat', `${outside}/secret`);
      expect([confined.stdout, confined.exitCode]).toEqual(support.landlockAbi >= 6 ? ['', 1] : ['', 125]);
    });

    it('bad sandbox options are ValidationErrors naming the field, before anything runs', async () => {
      await invalid({ read: ['relative/dir'] }, 'sandbox.read[0]');
      await invalid({ write: ['/no/such/dir-for-netrunner'] }, 'sandbox.write[0]');
      await invalid({ preset: 'everything', workspace: '/tmp' }, 'sandbox.preset');
      await invalid({ preset: 'workspace' }, 'sandbox.workspace');
      await invalid({ workspace: '/tmp' }, 'sandbox.preset');
      await invalid({ group: 10 }, 'sandbox.user');
      await invalid({ network: 'some' }, 'sandbox.network');
      await invalid({ limits: { openFiles: 0 } }, 'sandbox.limits.openFiles');
      await invalid({ limits: { files: 1 } }, 'sandbox.limits.files');
      await invalid({ envAllow: ['A=B'] }, 'sandbox.envAllow[0]');
      await invalid({ bestEffort: 'yes' }, 'sandbox.bestEffort');
      await invalid({ mounts: [] }, 'sandbox.mounts');
      await invalid('workspace', 'sandbox');
    });

    const deathIt = needs(abiMissing);
    for (const mode of ['sigkill', 'shepherd']) {
      deathIt(`a sandboxed child, its group and its private TMPDIR are gone when the ${mode === 'sigkill' ? 'host is SIGKILLed' : 'shepherd is SIGKILLed'}`, async () => {
        const before = new Set(privateDirs());
        const host = await nr.spawn([...env.hostCommand, `${mode}+sandbox`]);
        let out = '';
        for (let c = await host.read(); c !== null; c = await host.read()) out += text(c);
        await host.wait();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        expect(line === undefined ? out : 'pids').toBe('pids');
        const pids = JSON.parse(line!) as { host: number; child: number; grandchildren: number[] };
        expect(pids.grandchildren.length).toBe(2);
        expect(await allGone([pids.host, pids.child, ...pids.grandchildren])).toBe(true);
        const left = () => privateDirs().filter((d) => !before.has(d));
        const deadline = Date.now() + 5000;
        while (left().length > 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
        expect(left()).toEqual([]);
      });
    }
  });
}
