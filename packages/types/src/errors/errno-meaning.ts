// What a Linux errno means, in the words of strerror(3), by number.
const MEANINGS: Readonly<Record<number, string>> = {
  1: 'operation not permitted',
  2: 'no such file or directory',
  3: 'no such process',
  4: 'interrupted system call',
  5: 'input/output error',
  6: 'no such device or address',
  7: 'argument list too long',
  8: 'exec format error',
  9: 'bad file descriptor',
  10: 'no child processes',
  11: 'resource temporarily unavailable',
  12: 'cannot allocate memory',
  13: 'permission denied',
  14: 'bad address',
  16: 'device or resource busy',
  17: 'file exists',
  19: 'no such device',
  20: 'not a directory',
  21: 'is a directory',
  22: 'invalid argument',
  23: 'too many open files in system',
  24: 'too many open files',
  25: 'inappropriate ioctl for device',
  26: 'text file busy',
  27: 'file too large',
  28: 'no space left on device',
  30: 'read-only file system',
  32: 'broken pipe',
  36: 'file name too long',
  38: 'function not implemented',
  40: 'too many levels of symbolic links',
  71: 'protocol error',
  95: 'operation not supported',
  104: 'connection reset by peer',
  107: 'transport endpoint is not connected',
  110: 'connection timed out',
};

/**
 * What a Linux errno (positive or negative) means, as strerror(3) says it.
 *
 * @example
 * errnoMeaning(-2); // 'no such file or directory'
 * errnoMeaning(9999); // 'unknown error 9999'
 */
export function errnoMeaning(errno: number): string {
  return MEANINGS[Math.abs(errno)] ?? `unknown error ${Math.abs(errno)}`;
}
