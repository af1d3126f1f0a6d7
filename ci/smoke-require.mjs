// CommonJS users of the installed packages: require() on Node >= 20.19
// (which loads the ES modules as they are), and the types a TypeScript
// project compiled to CommonJS sees.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, sh } from './smoke-lib.mjs';

const program = `const node = require('@netrunner/node');
const { Daemon } = require('@netrunner/daemon');
const types = require('@netrunner/types');

(async () => {
  const hi = await node.run(['echo', 'hi']);
  if (hi.stdout !== 'hi\\n' || hi.exitCode !== 0) throw new Error('run: ' + JSON.stringify(hi));
  // One module instance whichever way it is loaded: the same classes and one shepherd.
  const esm = await import('@netrunner/node');
  if (esm.run !== node.run || node.ValidationError !== types.ValidationError) throw new Error('two instances');
  const daemon = new Daemon({ runner: node, argv: ['sleep', '100'], restart: 'never' });
  await daemon.start();
  const pid = daemon.pid;
  await daemon.stop();
  console.log(JSON.stringify({ require: 'ok', daemonPid: pid }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * Run a CommonJS program that requires node, daemon and types under `node`
 * (a path or name); throws unless it reports ok and prints nothing on stderr
 * (no ExperimentalWarning either).
 */
export function expectRequireWorks(app, node = 'node') {
  writeFileSync(join(app, 'smoke.cjs'), program);
  const r = spawnSync(node, ['smoke.cjs'], { cwd: app, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0 || !r.stdout.includes('"require":"ok"') || r.stderr !== '') {
    throw new Error(`require() under ${node} exited ${r.status}, printed ${JSON.stringify(r.stdout)}, stderr:\n${r.stderr}`);
  }
}

// The same calls typed, once from a CommonJS file (.cts) and once from an ES module (.mts).
const typed = `import { run, ValidationError, type RunResult } from '@netrunner/node';
import { Daemon } from '@netrunner/daemon';
import * as runner from '@netrunner/node';

const result: Promise<RunResult> = run(['echo', 'hi']);
const daemon = new Daemon({ runner, argv: ['sleep', '1'] });
// @ts-expect-error argv is an array of strings
run('echo hi');
export const used = [result, daemon, ValidationError];
`;

/** Type-check a .cts and an .mts consumer with the repository's TypeScript (module nodenext); throws on any error. */
export function expectTypesCheck(app) {
  writeFileSync(join(app, 'typed.cts'), typed);
  writeFileSync(join(app, 'typed.mts'), typed);
  const compilerOptions = {
    module: 'nodenext',
    target: 'es2022',
    lib: ['esnext'],
    strict: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
  };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['typed.cts', 'typed.mts'] }));
  sh(join(root, 'node_modules', '.bin', 'tsc'), ['-p', '.'], app);
  console.log(JSON.stringify({ types: 'ok' }));
}
