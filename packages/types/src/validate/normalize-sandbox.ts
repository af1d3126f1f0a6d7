import { ValidationError } from '../errors/validation-error.js';
import { boolean, cleanString, oneOf, plainObject, readField } from './checks.js';

/** One Landlock path rule: access bits 1 read, 2 write, 4 exec (NR_SANDBOX_*). */
export interface SandboxPath {
  path: string;
  access: number;
  /** The option to blame when it does not exist (`sandbox.read[0]`). */
  field: string;
  /** A preset's path: skipped where this system has none (/lib32, say). */
  optional: boolean;
}

/** A sandbox request as the wire protocol carries it. */
export interface NormalizedSandbox {
  /** null: the filesystem is not confined. */
  paths: SandboxPath[] | null;
  privateTmp: boolean;
  noNetwork: boolean;
  /** RLIMIT_NOFILE, FSIZE, CPU, AS; -1 = unset. */
  limits: [number, number, number, number];
  /** null: the environment passes unchanged. */
  envAllow: string[] | null;
  ids: { uid: number; gid: number; groups: number[] } | null;
  bestEffort: boolean;
}

export const SANDBOX_READ = 1;
export const SANDBOX_WRITE = 2;
export const SANDBOX_EXEC = 4;

const KEYS = ['preset', 'workspace', 'read', 'write', 'exec', 'network', 'limits', 'envAllow', 'user', 'group', 'groups', 'bestEffort'];
const LIMIT_KEYS = ['openFiles', 'fileSize', 'cpuSeconds', 'addressSpace'] as const;
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
/**
 * What of /etc a tool needs (users, name resolution, time zone, the loader's
 * cache, CA certificates), readable; not /etc itself, where a root child
 * would read /etc/shadow, SSH host keys and /etc/ssl/private.
 */
const ETC_FILES = [
  '/etc/passwd',
  '/etc/group',
  '/etc/nsswitch.conf',
  '/etc/hosts',
  '/etc/host.conf',
  '/etc/resolv.conf',
  '/etc/gai.conf',
  '/etc/services',
  '/etc/protocols',
  '/etc/localtime',
  '/etc/timezone',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/alternatives',
  '/etc/ca-certificates',
  '/etc/ssl/certs',
  '/etc/ssl/openssl.cnf',
  '/etc/os-release',
  '/etc/mime.types',
  '/etc/inputrc',
  '/etc/terminfo',
];
const DEVICES: Array<[string, number]> = [
  ['/dev/null', SANDBOX_WRITE],
  ['/dev/zero', SANDBOX_READ],
  ['/dev/random', SANDBOX_READ],
  ['/dev/urandom', SANDBOX_READ],
];
/** The largest id: (uid_t)-1 means "unchanged" to the kernel. */
const MAX_ID = 2 ** 32 - 2;

function absolutePath(value: unknown, field: string): string {
  const path = cleanString(value, field, true);
  if (!path.startsWith('/')) throw new ValidationError(field, 'an absolute path', value);
  return path;
}

function pathList(value: unknown, field: string, access: number): SandboxPath[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidationError(field, 'an array of absolute paths', value);
  return value.map((p, i) => ({ path: absolutePath(p, `${field}[${i}]`), access, field: `${field}[${i}]`, optional: false }));
}

function id(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_ID) {
    throw new ValidationError(field, `an integer id from 0 to ${MAX_ID}`, value);
  }
  return value;
}

function limit(value: unknown, field: string): number {
  if (value === undefined) return -1;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(field, 'a positive integer', value);
  }
  return value;
}

function limits(value: unknown): [number, number, number, number] {
  if (value === undefined) return [-1, -1, -1, -1];
  const o = plainObject(value, 'sandbox.limits');
  for (const key of Object.keys(o)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key)) {
      throw new ValidationError(`sandbox.limits.${key}`, `absent (known limits: ${LIMIT_KEYS.join(', ')})`, readField(o, key, `sandbox.limits.${key}`));
    }
  }
  const [a, b, c, d] = LIMIT_KEYS.map((k) => limit(readField(o, k, `sandbox.limits.${k}`), `sandbox.limits.${k}`));
  return [a, b, c, d];
}

function envAllow(value: unknown): string[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw new ValidationError('sandbox.envAllow', 'an array of variable names', value);
  return value.map((name, i) => {
    const field = `sandbox.envAllow[${i}]`;
    const s = cleanString(name, field, true);
    if (s.includes('=')) throw new ValidationError(field, "a variable name without '='", name);
    return s;
  });
}

function ids(o: Record<string, unknown>): NormalizedSandbox['ids'] {
  const user = readField(o, 'user', 'sandbox.user');
  const group = readField(o, 'group', 'sandbox.group');
  const groups = readField(o, 'groups', 'sandbox.groups');
  if (user === undefined) {
    if (group !== undefined || groups !== undefined) {
      const field = group !== undefined ? 'sandbox.group' : 'sandbox.groups';
      throw new ValidationError('sandbox.user', `set when \`${field}\` is`, user);
    }
    return null;
  }
  const uid = id(user, 'sandbox.user');
  if (groups !== undefined && !Array.isArray(groups)) throw new ValidationError('sandbox.groups', 'an array of group ids', groups);
  return {
    uid,
    gid: group === undefined ? uid : id(group, 'sandbox.group'),
    groups: ((groups ?? []) as unknown[]).map((g, i) => id(g, `sandbox.groups[${i}]`)),
  };
}

/**
 * Validate the `sandbox` option; throws ValidationError naming the field
 * (`sandbox.workspace`, `sandbox.read[1]`, ...). Whether each path exists is
 * checked at spawn time, by the runtime.
 *
 * @example
 * normalizeSandbox({ preset: 'workspace', workspace: '/srv/job' }).noNetwork; // true
 */
export function normalizeSandbox(value: unknown): NormalizedSandbox {
  const o = plainObject(value, 'sandbox');
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) {
      throw new ValidationError(`sandbox.${key}`, `absent (known sandbox options: ${KEYS.join(', ')})`, readField(o, key, `sandbox.${key}`));
    }
  }
  const read = (key: string): unknown => readField(o, key, `sandbox.${key}`);
  const preset = read('preset');
  const workspace = read('workspace');
  const network = read('network');
  const bestEffort = read('bestEffort');
  if (preset !== undefined) oneOf(preset, 'sandbox.preset', ['workspace'] as const);
  if (preset !== undefined && workspace === undefined) {
    throw new ValidationError('sandbox.workspace', "an absolute path (the 'workspace' preset needs it)", workspace);
  }
  if (preset === undefined && workspace !== undefined) {
    throw new ValidationError('sandbox.preset', "'workspace' when `sandbox.workspace` is set", preset);
  }
  const listed = [
    ...pathList(read('read'), 'sandbox.read', SANDBOX_READ),
    ...pathList(read('write'), 'sandbox.write', SANDBOX_WRITE),
    ...pathList(read('exec'), 'sandbox.exec', SANDBOX_EXEC),
  ];
  let paths: SandboxPath[] | null = listed.length > 0 ? listed : null;
  if (preset !== undefined) {
    const dir = absolutePath(workspace, 'sandbox.workspace');
    paths = [
      ...SYSTEM_DIRS.map((path) => ({ path, access: SANDBOX_EXEC, field: 'sandbox.preset', optional: true })),
      ...ETC_FILES.map((path) => ({ path, access: SANDBOX_READ, field: 'sandbox.preset', optional: true })),
      ...DEVICES.map(([path, access]) => ({ path, access, field: 'sandbox.preset', optional: true })),
      { path: dir, access: SANDBOX_WRITE, field: 'sandbox.workspace', optional: false },
      ...listed,
    ];
  }
  return {
    paths,
    privateTmp: preset !== undefined,
    noNetwork: (network === undefined ? 'none' : oneOf(network, 'sandbox.network', ['none', 'allow'] as const)) === 'none',
    limits: limits(read('limits')),
    envAllow: envAllow(read('envAllow')),
    ids: ids(o),
    bestEffort: bestEffort === undefined ? false : boolean(bestEffort, 'sandbox.bestEffort'),
  };
}
