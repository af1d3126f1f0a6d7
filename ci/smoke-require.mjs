// CommonJS users of the installed packages: require() on Node >= 20.19
// and on Bun (both load the ES modules as they are), and the types a
// TypeScript project compiled to CommonJS sees.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, sh } from './smoke-lib.mjs';

const program = (pkg) => `const binding = require('${pkg}');
const { Daemon } = require('@netrunner/daemon');
const types = require('@netrunner/types');

(async () => {
  const hi = await binding.run(['echo', 'hi']);
  if (hi.stdout !== 'hi\\n' || hi.exitCode !== 0) throw new Error('run: ' + JSON.stringify(hi));
  // One module instance whichever way it is loaded: the same classes and one shepherd.
  const esm = await import('${pkg}');
  if (esm.run !== binding.run || binding.ValidationError !== types.ValidationError) throw new Error('two instances');
  const daemon = new Daemon({ runner: binding, argv: ['sleep', '100'], restart: 'never' });
  await daemon.start();
  const pid = daemon.pid;
  const last = await daemon.stop();
  if (last.pid !== pid || last.exitCode !== 143 || last.signal !== 'SIGTERM') throw new Error('stop: ' + JSON.stringify(last));
  console.log(JSON.stringify({ require: 'ok', daemonPid: pid }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * Run a CommonJS program that requires `pkg` (the binding), daemon and types
 * under `runtime` (a path or name); throws unless it reports ok and prints
 * nothing on stderr (no ExperimentalWarning either).
 */
export function expectRequireWorks(app, runtime = 'node', pkg = '@netrunner/node') {
  writeFileSync(join(app, 'smoke.cjs'), program(pkg));
  const r = spawnSync(runtime, ['smoke.cjs'], { cwd: app, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0 || !r.stdout.includes('"require":"ok"') || r.stderr !== '') {
    throw new Error(`require() under ${runtime} exited ${r.status}, printed ${JSON.stringify(r.stdout)}, stderr:\n${r.stderr}`);
  }
}

// The same calls typed, once from a CommonJS file (.cts) and once from an ES module (.mts).
const typed = (pkg) => `import { run, ValidationError, type RunResult } from '${pkg}';
import { Daemon } from '@netrunner/daemon';
import * as runner from '${pkg}';

const result: Promise<RunResult> = run(['echo', 'hi']);
const daemon = new Daemon({ runner, argv: ['sleep', '1'] });
// @ts-expect-error argv is an array of strings
run('echo hi');
export const used = [result, daemon, ValidationError];
`;

/**
 * Type-check a .cts and an .mts consumer of `pkg` and the daemon with the
 * repository's TypeScript (module nodenext) and the runtime's `types`
 * (node or bun); throws on any error.
 */
export function expectTypesCheck(app, pkg = '@netrunner/node', types = ['node']) {
  writeFileSync(join(app, 'typed.cts'), typed(pkg));
  writeFileSync(join(app, 'typed.mts'), typed(pkg));
  const compilerOptions = {
    module: 'nodenext',
    target: 'es2022',
    lib: ['esnext'],
    strict: true,
    noEmit: true,
    types,
    typeRoots: [join(root, 'node_modules', '@types')],
    // bun-types and @types/node disagree on a few globals; the tsconfig `bun init` writes skips lib checks too.
    skipLibCheck: types.includes('bun'),
  };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['typed.cts', 'typed.mts'] }));
  sh(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], app);
  console.log(JSON.stringify({ types: 'ok' }));
}
