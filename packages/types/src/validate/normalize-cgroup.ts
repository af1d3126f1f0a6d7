import { ValidationError } from '../errors/validation-error.js';
import { cleanString, plainObject, readField } from './checks.js';

/** A cgroup request as the wire protocol carries it; -1 = unset. */
export interface NormalizedCgroup {
  path: string;
  memoryMax: number;
  pidsMax: number;
  cpuQuotaUs: number;
  cpuPeriodUs: number;
}

const DEFAULT_PERIOD_US = 100_000;
/** The most CPUs whose quota is still an exact integer on the wire. */
const MAX_CPUS = Math.floor(Number.MAX_SAFE_INTEGER / DEFAULT_PERIOD_US);
/** The longest cgroup path (and root) in bytes, as the C core checks it. */
export const MAX_CGROUP_PATH = 255;
const SEGMENT = /^[A-Za-z0-9._-]+$/;
const PATH_RULE = `a relative path of at most ${MAX_CGROUP_PATH} bytes, '/'-separated segments of [A-Za-z0-9._-], none empty, '.' or '..'`;

/**
 * Check a cgroup path relative to the cgroup root (the same rule as the C
 * core's): it can never leave the root.
 *
 * @example
 * normalizeCgroupPath('jobs/42', 'cgroup.path'); // 'jobs/42'
 * normalizeCgroupPath('../x', 'cgroup.path');    // throws ValidationError
 */
export function normalizeCgroupPath(value: unknown, field: string): string {
  const path = cleanString(value, field, true);
  const bad =
    path.length > MAX_CGROUP_PATH ||
    path.split('/').some((p) => p === '.' || p === '..' || !SEGMENT.test(p));
  if (bad) throw new ValidationError(field, PATH_RULE, value);
  return path;
}

function positiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError(field, 'a positive integer', value);
  }
  return value;
}

function nonNegative(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(field, 'a non-negative integer', value);
  }
  return value;
}

function cpuMax(value: unknown): [number, number] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0 || value > MAX_CPUS) {
      throw new ValidationError('cgroup.cpuMax', `a positive number of CPUs, at most ${MAX_CPUS}`, value);
    }
    return [Math.max(1000, Math.round(value * DEFAULT_PERIOD_US)), DEFAULT_PERIOD_US];
  }
  const o = plainObject(value, 'cgroup.cpuMax');
  const quota = positiveInteger(readField(o, 'quotaUs', 'cgroup.cpuMax.quotaUs'), 'cgroup.cpuMax.quotaUs');
  const periodUs = readField(o, 'periodUs', 'cgroup.cpuMax.periodUs');
  const period = periodUs === undefined ? DEFAULT_PERIOD_US : positiveInteger(periodUs, 'cgroup.cpuMax.periodUs');
  return [quota, period];
}

/** Check the `cgroup` option (a path, or a path with limits). */
export function normalizeCgroup(value: unknown): NormalizedCgroup {
  if (typeof value === 'string') {
    return { path: normalizeCgroupPath(value, 'cgroup.path'), memoryMax: -1, pidsMax: -1, cpuQuotaUs: -1, cpuPeriodUs: -1 };
  }
  const o = plainObject(value, 'cgroup');
  const path = normalizeCgroupPath(readField(o, 'path', 'cgroup.path'), 'cgroup.path');
  const memoryMax = readField(o, 'memoryMax', 'cgroup.memoryMax');
  const pidsMax = readField(o, 'pidsMax', 'cgroup.pidsMax');
  const cpu = readField(o, 'cpuMax', 'cgroup.cpuMax');
  const [cpuQuotaUs, cpuPeriodUs] = cpu === undefined ? [-1, -1] : cpuMax(cpu);
  return {
    path,
    memoryMax: memoryMax === undefined ? -1 : positiveInteger(memoryMax, 'cgroup.memoryMax'),
    pidsMax: pidsMax === undefined ? -1 : nonNegative(pidsMax, 'cgroup.pidsMax'),
    cpuQuotaUs,
    cpuPeriodUs,
  };
}
