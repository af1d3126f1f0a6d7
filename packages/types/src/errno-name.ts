// Linux errno numbers a spawn or an I/O call can report, by number.
const NAMES: Readonly<Record<number, string>> = {
  1: 'EPERM', 2: 'ENOENT', 3: 'ESRCH', 4: 'EINTR', 5: 'EIO', 7: 'E2BIG',
  8: 'ENOEXEC', 9: 'EBADF', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES',
  16: 'EBUSY', 17: 'EEXIST', 20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL',
  23: 'ENFILE', 24: 'EMFILE', 26: 'ETXTBSY', 28: 'ENOSPC', 32: 'EPIPE',
  30: 'EROFS', 36: 'ENAMETOOLONG', 40: 'ELOOP', 95: 'EOPNOTSUPP', 104: 'ECONNRESET',
  110: 'ETIMEDOUT',
};

/**
 * The symbolic name of a Linux errno (positive or negative), e.g. 'ENOENT'.
 *
 * @example
 * errnoName(-2); // 'ENOENT'
 */
export function errnoName(errno: number): string {
  return NAMES[Math.abs(errno)] ?? `E${Math.abs(errno)}`;
}
