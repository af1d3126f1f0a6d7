import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIBRARY = 'libnetrunner.so';
const SHEPHERD = 'netrunner-shepherd';
// The package root (this file is dist/native-path.js or src/native-path.ts).
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const platformDir = join(root, 'native', `${process.platform}-${process.arch}`);

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

/** libnetrunner.so: $NETRUNNER_LIB_PATH when set (and then only it), else the copy shipped in native/<platform>-<arch>/. */
export function libraryPath(): string {
  return firstExisting(
    LIBRARY,
    [process.env.NETRUNNER_LIB_PATH || join(platformDir, LIBRARY)],
    'Run `npm run build -w @netrunner/bun` (needs make and a C compiler), or set NETRUNNER_LIB_PATH.',
  );
}

/** The shepherd: $NETRUNNER_SHEPHERD_PATH when set (and then only it), else next to the loaded library, else the shipped copy. */
export function shepherdPath(library: string): string {
  const override = process.env.NETRUNNER_SHEPHERD_PATH;
  return firstExisting(
    SHEPHERD,
    override ? [override] : [join(dirname(library), SHEPHERD), join(platformDir, SHEPHERD)],
    'Set NETRUNNER_SHEPHERD_PATH to a built netrunner-shepherd.',
  );
}
