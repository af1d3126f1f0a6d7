import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShepherdStartError } from '@netrunner/types';

const LIBRARY = 'libnetrunner.so';
const SHEPHERD = 'netrunner-shepherd';
const ENOENT = 2;
// The package root (this file is dist/native-path.js or src/native-path.ts).
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const platformDir = join(root, 'native', `${process.platform}-${process.arch}`);

/** musl when the process maps musl's loader (as every dynamically linked musl program does), else glibc; $LIBC overrides. */
function libc(): string {
  if (process.env.LIBC) return process.env.LIBC;
  try {
    return /\/ld-musl-/.test(readFileSync('/proc/self/maps', 'utf8')) ? 'musl' : 'glibc';
  } catch {
    return 'glibc';
  }
}

function firstExisting(what: string, candidates: Array<string | undefined>, hint: string): string {
  const tried: string[] = [];
  for (const path of candidates) {
    if (!path) continue;
    if (existsSync(path)) return path;
    tried.push(path);
  }
  throw Object.assign(new Error(`@netrunner/bun: cannot find ${what}. Tried:\n  ${tried.join('\n  ')}\n${hint}`), {
    code: 'ENOENT',
  });
}

/** libnetrunner: $NETRUNNER_LIB_PATH when set (and then only it), else the build shipped as native/<platform>-<arch>/libnetrunner.<libc>.so. */
export function libraryPath(): string {
  const override = process.env.NETRUNNER_LIB_PATH;
  return firstExisting(
    LIBRARY,
    [override || join(platformDir, `libnetrunner.${libc()}.so`)],
    override ? 'NETRUNNER_LIB_PATH names no file.' : missingLibraryHint(),
  );
}

/** Why the library is missing, named by platform; the build command only in a source checkout (scripts/ is not shipped). */
function missingLibraryHint(): string {
  const dir = join(root, 'native');
  const shipped = (existsSync(dir) ? readdirSync(dir) : []).flatMap((target) =>
    readdirSync(join(dir, target))
      .filter((file) => file.endsWith('.so'))
      .map((file) => `${target}-${file.split('.')[1]}`),
  );
  const platform = `${process.platform}-${process.arch}-${libc()}`;
  const fix = existsSync(join(root, 'scripts'))
    ? 'In a source checkout, `npm run build` builds it (needs make and a C compiler); or set NETRUNNER_LIB_PATH.'
    : 'Set NETRUNNER_LIB_PATH to a libnetrunner.so built for this platform, or see the support table in the README.';
  return `No prebuilt library for ${platform}; this package ships ${shipped.join(', ') || 'none'}. ${fix}`;
}

/** The shepherd: $NETRUNNER_SHEPHERD_PATH when set (and then only it), else next to the loaded library, else the shipped copy. */
export function shepherdPath(library: string): string {
  const override = process.env.NETRUNNER_SHEPHERD_PATH;
  const candidates = override ? [override] : [join(dirname(library), SHEPHERD), join(platformDir, SHEPHERD)];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new ShepherdStartError(candidates[0]!, ENOENT, candidates);
  return found;
}
