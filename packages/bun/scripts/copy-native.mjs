// Put libnetrunner.so and the shepherd executable (stripped, mode 0755) into
// native/<platform>-<arch>/, where src/native-path.ts looks for them and
// where `npm pack` picks them up. core-c builds first (turbo: devDependency).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const coreC = fileURLToPath(new URL('../../../core-c/', import.meta.url));
const files = ['libnetrunner.so', 'netrunner-shepherd'];

if (!files.every((f) => existsSync(`${coreC}out/${f}`))) {
  execFileSync('make', ['-C', coreC], { stdio: 'inherit' });
}

const dir = fileURLToPath(new URL(`../native/${process.platform}-${process.arch}/`, import.meta.url));
mkdirSync(dir, { recursive: true });
for (const file of files) {
  // Stripped: a third of the size in the tarball; core-c/out keeps the symbols.
  execFileSync('strip', ['--strip-unneeded', '-o', `${dir}${file}`, `${coreC}out/${file}`]);
  chmodSync(`${dir}${file}`, 0o755);
}
console.log(`@netrunner/bun: ${files.join(' and ')} in ${dir}`);
