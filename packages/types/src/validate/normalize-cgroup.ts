import { ValidationError } from '../errors/validation-error.js';
import { cleanString, nonNegativeInteger, plainObject } from './checks.js';

/** A cgroup request as the wire protocol carries it; -1 = unset. */
export interface NormalizedCgroup {
  path: string;
  memoryMax: number;
  pidsMax: number;
  cpuQuotaUs: number;
  cpuPeriodUs: number;
}

const DEFAULT_PERIOD_US = 100_000;

function normalizePath(value: unknown): string {
  const path = cleanString(value, 'cgroup.path', true);
  const parts = path.split('/');
  if (path.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new ValidationError('cgroup.path', "a relative path without '.', '..' or empty segments", value);
  }
  return path;
}

function cpuMax(value: unknown): [number, number] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) throw new ValidationError('cgroup.cpuMax', 'a positive number of CPUs', value);
    return [Math.max(1000, Math.round(value * DEFAULT_PERIOD_US)), DEFAULT_PERIOD_US];
  }
  const o = plainObject(value, 'cgroup.cpuMax');
  const quota = nonNegativeInteger(o.quotaUs, 'cgroup.cpuMax.quotaUs');
  const period = o.periodUs === undefined ? DEFAULT_PERIOD_US : nonNegativeInteger(o.periodUs, 'cgroup.cpuMax.periodUs');
  return [quota, period];
}

/** Check the `cgroup` option (a path, or a path with limits). */
export function normalizeCgroup(value: unknown): NormalizedCgroup {
  if (typeof value === 'string') {
    return { path: normalizePath(value), memoryMax: -1, pidsMax: -1, cpuQuotaUs: -1, cpuPeriodUs: -1 };
  }
  const o = plainObject(value, 'cgroup');
  const [cpuQuotaUs, cpuPeriodUs] = o.cpuMax === undefined ? [-1, -1] : cpuMax(o.cpuMax);
  return {
    path: normalizePath(o.path),
    memoryMax: o.memoryMax === undefined ? -1 : nonNegativeInteger(o.memoryMax, 'cgroup.memoryMax'),
    pidsMax: o.pidsMax === undefined ? -1 : nonNegativeInteger(o.pidsMax, 'cgroup.pidsMax'),
    cpuQuotaUs,
    cpuPeriodUs,
  };
}
