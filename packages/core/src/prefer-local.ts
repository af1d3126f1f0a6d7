/** What the shepherd searches for argv[0] when the child has no PATH (core-c/src/resolve.c). */
const DEFAULT_LOOKUP_PATH = '/usr/local/bin:/usr/bin:/bin';

/** '/a/b/../c/.' -> '/a/c'. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** `cwd` made absolute against the host's working directory. */
function absolute(cwd: string | null): string {
  const host = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.() ?? '/';
  if (cwd === null) return normalize(host);
  return normalize(cwd.startsWith('/') ? cwd : `${host}/${cwd}`);
}

/**
 * PATH with `node_modules/.bin` of `cwd` and of every parent directory in
 * front, nearest first (preferLocal). Without a PATH the directories the
 * shepherd would have searched follow them, so system programs still resolve.
 *
 * @example
 * localPath('/app/web', '/usr/bin'); // '/app/web/node_modules/.bin:/app/node_modules/.bin:/node_modules/.bin:/usr/bin'
 */
export function localPath(cwd: string | null, path: string | undefined): string {
  const bins: string[] = [];
  for (let dir = absolute(cwd); ; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
    bins.push(`${dir === '/' ? '' : dir}/node_modules/.bin`);
    if (dir === '/') break;
  }
  if (path === '') return bins.join(':');
  return `${bins.join(':')}:${path ?? DEFAULT_LOOKUP_PATH}`;
}
