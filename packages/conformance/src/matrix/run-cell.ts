import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cgroupDirsLeft } from '../helpers/cgroups.js';
import { quota, type Column, type Expectation } from './columns.js';
import { HostProcess, type HostEvent } from './host-process.js';
import { limitationOf } from './limitations.js';
import { markedPids, stateOf, Tracked } from './proc-scan.js';
import type { Row } from './rows.js';

/** How long anything in a cell may take: ending, dying, being delivered. */
export const BOUND_MS = 10_000;
/** SIGTERM to SIGKILL in the cells: short, so a child that ignores SIGTERM costs a second. */
const KILL_TIMEOUT_MS = 1000;

const hostFixture = new URL('../../fixtures/matrix-host.mjs', import.meta.url).pathname;

/** What the harness needs to run cells on one runtime. */
export interface MatrixEnv {
  runtime: 'node' | 'bun';
  /** The runtime and its flags, e.g. [process.execPath, '--expose-gc']. */
  runtimeCommand: string[];
  /** The binding's built entry, as a user's program imports it. */
  entry: string;
}

export interface CellResult {
  row: string;
  column: string;
  status: 'pass' | 'fail' | 'limitation' | 'skip';
  /** Everything that did not hold, in words. */
  problems: string[];
  /** Footnote key of the limitation that applied. */
  limitation?: string;
  ms: number;
  /** When each phase ended, ms from the cell's start. */
  phases: Record<string, number>;
}

export interface CellContext {
  env: MatrixEnv;
  /** A directory for the cells' files. */
  tmp: string;
  /** The cgroup root of this run (configure({ cgroupRoot })). */
  cgroupRoot: string;
}

function until(check: () => boolean, ms: number, every = 50): Promise<boolean> {
  const deadline = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = (): void => {
      if (check()) resolve(true);
      else if (Date.now() >= deadline) resolve(false);
      else setTimeout(tick, every);
    };
    tick();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPidFile(file: string, tracked: Tracked): void {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [role, pid] = line.split(' ');
    if (role && pid) tracked.add(Number(pid), role);
  }
}

/** Problems with what a stream delivered, against what the child wrote before the failure. */
function checkBytes(name: string, got: string, e: Expectation): string[] {
  if ('exact' in e) {
    return got === e.exact ? [] : [`${name}: expected exactly ${JSON.stringify(e.exact)}, got ${JSON.stringify(got.slice(0, 200))}`];
  }
  if (got.length < 64 * 1024) return [`${name}: only ${got.length} bytes of the flood arrived before the failure`];
  const whole = e.flood.repeat(Math.ceil(got.length / e.flood.length) + 1);
  if (whole.startsWith(got)) return [];
  let at = 0;
  while (got[at] === whole[at]) at++;
  return [`${name}: the flood is corrupt at byte ${at} (a byte lost, added or reordered)`];
}

/** Problems in what a host that lived on reported about its own waits. */
function checkAfter(row: Row, after: HostEvent, column: Column): string[] {
  const p: string[] = [];
  const bounded = (what: string, outcome: unknown, ms: number) => {
    if (outcome === 'timeout' || ms > BOUND_MS) p.push(`${what} did not end within ${BOUND_MS / 1000} s (${outcome}, ${ms} ms)`);
  };
  if (row.id === 'break' || row.id === 'throw') {
    bounded('leaving the loop', after.loop, after.loopExitMs);
    const want = after.ended === 'throw' ? 'rejected:Error' : 'ok';
    if (after.loop !== want && after.loop !== 'timeout') p.push(`the loop ended with ${after.loop}, expected ${want}`);
  } else if (row.id === 'shepherd') {
    bounded('wait() after the shepherd died', after.wait, after.waitMs);
    bounded('reading the output after the shepherd died', after.pumps, after.pumpsMs);
    if (!after.shepherdReaped) p.push('the dead shepherd was not reaped by the host (a zombie) within 5 s');
    if (column.cgroup && after.again !== 'ok') p.push(`a new spawn in the same cgroup path after the shepherd died: ${after.again}`);
  } else if (row.id === 'worker') {
    bounded('worker.terminate()', after.terminate, after.terminateMs);
  } else if (row.id === 'fd') {
    const attempts = after.attempts as { free: number; outcome: string; ms: number }[];
    for (const a of attempts) {
      if (a.outcome !== 'ok' && a.outcome !== 'EMFILE') p.push(`spawn with ${a.free} fd(s) free rejected with ${a.outcome}, not EMFILE`);
      bounded(`spawn with ${a.free} fd(s) free`, a.outcome, a.ms);
    }
    if (!attempts.some((a) => a.outcome === 'ok')) p.push('no spawn succeeded with up to 12 fds free');
    else bounded('disposing the child', after.dispose, after.disposeMs);
  }
  return p;
}

/**
 * Run one cell: a host fails the row's way with the column's child, then
 * everything is checked from outside through /proc.
 */
export async function runCell(ctx: CellContext, row: Row, column: Column, index: number): Promise<CellResult> {
  const t0 = Date.now();
  const marker = `nrmx-${ctx.env.runtime}-${process.pid}-${index}-${row.id}-${column.id}`;
  const dir = join(ctx.tmp, marker);
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'pids');
  const files = { out: join(dir, 'out'), err: join(dir, 'err') };
  writeFileSync(files.out, '');
  writeFileSync(files.err, '');
  const cgroupPath = column.cgroup ? `cell-${index}` : null;
  const expected = { out: column.out(marker), err: column.err(marker) };
  const limitation = limitationOf(row.id, column.id);
  const problems: string[] = [];
  const tracked = new Tracked();
  const phases: Record<string, number> = {};
  const phase = (name: string): void => {
    phases[name] = Date.now() - t0;
  };
  const config = {
    entry: ctx.env.entry,
    row: row.id,
    marker,
    dir,
    argv: ['sh', '-c', column.script, marker, pidFile],
    killTimeout: KILL_TIMEOUT_MS,
    quota: { out: quota(expected.out), err: row.streamsStdoutOnly ? 0 : quota(expected.err) },
    stops: column.stops ?? false,
    cgroup: cgroupPath,
    cgroupRoot: column.cgroup ? ctx.cgroupRoot : null,
  };
  const command = [...ctx.env.runtimeCommand, hostFixture, JSON.stringify(config)];
  // 1024 fds, soft and hard: the host can fill its table in a moment.
  const argv = row.id === 'fd' ? ['sh', '-c', 'ulimit -n 1024 && exec "$@"', 'sh', ...command] : command;
  const host = new HostProcess(argv);
  const track = (): void => {
    readPidFile(pidFile, tracked);
    for (const pid of markedPids(marker)) tracked.add(pid, 'marked');
  };

  try {
    const ready = await host.event('ready', 30_000);
    if (!ready) {
      problems.push(`the host ended or hung before its child was ready (exit ${JSON.stringify(host.exit)}): ${host.stderr.trim().slice(0, 400)}`);
      return finish();
    }
    phase('ready');
    if (!ready.isReady) problems.push('the child did not deliver what it wrote within 5 s');
    tracked.add(host.pid, 'host');
    for (const s of ready.shepherds as number[]) tracked.add(s, 'shepherd');
    if (ready.leader) tracked.add(ready.leader, 'leader');
    track();

    let keepShepherd = false;
    if (row.kind === 'dies') {
      if (!(await host.exited(BOUND_MS))) problems.push(`the host still ran ${BOUND_MS / 1000} s after failing`);
    } else if (row.kind === 'returns') {
      await sleep(1000);
      track();
      if (column.longLived) {
        if (stateOf(ready.leader).match(/^(gone|Z)$/)) problems.push('the child was killed early: the host returned while it still ran');
        if (host.exit) problems.push(`the host exited while its child ran (${JSON.stringify(host.exit)})`);
      }
      // An outside event ends the child; the host must then end by itself.
      try {
        process.kill(ready.leader, 'SIGKILL');
      } catch {}
      if (!(await host.exited(BOUND_MS))) problems.push(`the host still ran ${BOUND_MS / 1000} s after its child was killed`);
    } else {
      const after = await host.event('after', 30_000);
      if (!after) problems.push(`the host did not report after failing (exit ${JSON.stringify(host.exit)}): ${host.stderr.trim().slice(0, 400)}`);
      else problems.push(...checkAfter(row, after, column));
      keepShepherd = row.id !== 'shepherd';
    }

    phase('failed');
    // Nothing of the cell is left (the host itself and its shepherd aside
    // while the host lives on), every wait bounded.
    track();
    const alive = (): string[] => ['host', ...(keepShepherd ? ['shepherd'] : []), ...(limitation ? [limitation.escapes] : [])];
    const clean = await until(() => {
      track();
      return tracked.left(alive()).length === 0;
    }, BOUND_MS, 100);
    if (!clean) problems.push(`left ${BOUND_MS / 1000} s after the failure: ${describe(tracked.left(alive()))}`);

    if (limitation) {
      const escaped = tracked.pidsWith(limitation.escapes).filter((pid) => !stateOf(pid).match(/^(gone|Z)$/));
      if (escaped.length === 0) problems.push(`the ${limitation.escapes} was expected to escape (limitation "${limitation.key}") but did not: update the limitations table`);
    }
    phase('clean');
    if (row.kind === 'survives') {
      host.done();
      const final = await host.event('final', BOUND_MS);
      if (!final) problems.push(`the host did not finish after the harness was done (exit ${JSON.stringify(host.exit)}): ${host.stderr.trim().slice(0, 400)}`);
      else {
        if (!final.fdsBack) problems.push(`the host's fds did not come back: ${final.fdAfter} open, ${final.fdBaseline} before`);
        if (final.zombies.length > 0) problems.push(`zombies in the host: ${final.zombies.join(' ')}`);
      }
      if (!(await host.exited(BOUND_MS))) problems.push('the host did not exit after process.exit(0)');
    }
    // The host is gone now: so must be its shepherd and, unless it escapes for good, everything else.
    const forGood = limitation?.until === 'never' ? [limitation.escapes] : [];
    const allGone = await until(() => {
      track();
      return tracked.left(forGood).length === 0;
    }, BOUND_MS, 100);
    if (!allGone) problems.push(`left ${BOUND_MS / 1000} s after the host ended: ${describe(tracked.left(forGood))}`);
    phase('all gone');

    problems.push(...checkBytes('stdout', readFileSync(files.out, 'latin1'), expected.out));
    if (!row.streamsStdoutOnly) problems.push(...checkBytes('stderr', readFileSync(files.err, 'latin1'), expected.err));

    if (cgroupPath) {
      const path = `${ctx.cgroupRoot}/${cgroupPath}`;
      if (!(await until(() => cgroupDirsLeft(path).length === 0, BOUND_MS, 100))) problems.push(`the cgroup was not removed: ${cgroupDirsLeft(path).join(' ')}`);
    }
    return finish();
  } catch (e) {
    problems.push(`harness error: ${String((e as Error)?.stack ?? e)}`);
    return finish();
  } finally {
    await cleanUp();
  }

  function finish(): CellResult {
    const status = problems.length > 0 ? 'fail' : limitation ? 'limitation' : 'pass';
    return { row: row.id, column: column.id, status, problems, ...(limitation ? { limitation: limitation.key } : {}), ms: Date.now() - t0, phases };
  }

  async function cleanUp(): Promise<void> {
    host.kill();
    track();
    for (const { pid } of tracked.left()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    if (cgroupPath) await removeCgroup(`${ctx.cgroupRoot}/${cgroupPath}`);
    await until(() => tracked.left().every((p) => p.state === 'Z'), 5000);
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(left: { pid: number; role: string; state: string; comm: string }[]): string {
  return left.map((p) => `${p.role} ${p.comm}[${p.pid}] state ${p.state}`).join(', ');
}

/** Kill what is in a leftover cgroup and remove it, subdirectories first (so one failed cell does not spoil the next). */
export async function removeCgroup(path: string): Promise<void> {
  for (const dir of cgroupDirsLeft(path)) await removeCgroupDir(dir);
}

async function removeCgroupDir(dir: string): Promise<void> {
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (sub.isDirectory()) await removeCgroupDir(join(dir, sub.name));
  }
  try {
    for (const pid of readFileSync(`${dir}/cgroup.procs`, 'utf8').split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
  } catch {}
  await until(() => {
    try {
      rmdirSync(dir);
      return true;
    } catch {
      return !existsSync(dir);
    }
  }, 2000, 20);
}
