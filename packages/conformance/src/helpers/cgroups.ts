import { existsSync, readFileSync } from 'node:fs';

/** A mounted cgroup hierarchy from /proc/self/mountinfo. */
export interface CgroupMount {
  mountPoint: string;
  version: 1 | 2;
}

/** Every cgroup (v1) and cgroup2 mount of this process's mount namespace; [] where there is none (macOS). */
export function cgroupMounts(): CgroupMount[] {
  let text = '';
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const out: CgroupMount[] = [];
  for (const line of text.split('\n')) {
    const [pre, post] = line.split(' - ');
    if (pre === undefined || post === undefined) continue;
    const fstype = post.split(' ')[0];
    const mountPoint = (pre.split(' ')[4] ?? '').replace(/\\040/g, ' ');
    if (fstype === 'cgroup2') out.push({ mountPoint, version: 2 });
    else if (fstype === 'cgroup') out.push({ mountPoint, version: 1 });
  }
  return out;
}

/** This process's own cgroup paths ('/', '/process_api/<id>', ...), from /proc/self/cgroup. */
function ownCgroups(): string[] {
  try {
    const paths = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .map((l) => l.slice(l.indexOf(':', l.indexOf(':') + 1) + 1))
      .filter((p) => p.startsWith('/'));
    return [...new Set(['/', ...paths])];
  } catch {
    return ['/'];
  }
}

/**
 * Every directory named `root` that netrunner could have made: under each
 * hierarchy's mount point and under this process's own cgroup in it (the
 * shepherd's base, docs/cgroup.md). The ones that exist.
 */
export function cgroupDirsLeft(root: string): string[] {
  const left: string[] = [];
  for (const { mountPoint } of cgroupMounts()) {
    for (const own of ownCgroups()) {
      const dir = `${mountPoint}${own === '/' ? '' : own}/${root}`;
      if (existsSync(dir) && !left.includes(dir)) left.push(dir);
    }
  }
  return left;
}

/** Why the cgroup cases cannot run here ('' when they can): they need a mounted hierarchy and root. */
export function cgroupSkipReason(): string {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return cgroupMounts().length === 0 ? 'no cgroup hierarchy is mounted' : !isRoot ? 'not running as root' : '';
}
