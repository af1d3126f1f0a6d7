// Pipeline throughput: `head -c N /dev/zero | cat | wc -c` run three ways in
// one process, interleaved round by round, best of 3:
//   netrunner  pipeline(): the shepherd joins the members by kernel pipes
//   sh         run(['sh', '-c', '... | ... | ...']): the shell joins them
//   js         three spawn()ed children, every byte read into JavaScript
//              and written on to the next one's stdin
// `--binding @netrunner/bun` (run by bun) measures the Bun binding.
const bindingAt = process.argv.indexOf('--binding');
const binding = bindingAt > 0 ? process.argv[bindingAt + 1] : '@netrunner/node';
const { pipeline, run, spawn } = await import(binding);

const mib = Number(process.argv[2] ?? 1024);
const bytes = mib * 1024 * 1024;
const produce = ['head', '-c', String(bytes), '/dev/zero'];

async function viaPipeline() {
  return (await pipeline([produce, ['cat'], ['wc', '-c']])).stdout;
}
async function viaShell() {
  return (await run(['sh', '-c', `${produce.join(' ')} | cat | wc -c`])).stdout;
}
async function pump(from, to) {
  for await (const chunk of from.stdout) await to.write(chunk);
  await to.closeStdin();
}
async function viaJs() {
  const [a, b, c] = await Promise.all([spawn(produce), spawn(['cat']), spawn(['wc', '-c'])]);
  await a.closeStdin();
  const pumps = Promise.all([pump(a, b), pump(b, c)]);
  let out = '';
  for await (const chunk of c.stdout) out += new TextDecoder().decode(chunk);
  await pumps;
  await Promise.all([a.wait(), b.wait(), c.wait()]);
  return out;
}

const best = { netrunner: 0, sh: 0, js: 0 };
for (let round = 0; round < 3; round++) {
  for (const [name, f] of [['netrunner', viaPipeline], ['sh', viaShell], ['js', viaJs]]) {
    const t = performance.now();
    const out = await f();
    const s = (performance.now() - t) / 1000;
    if (out !== `${bytes}\n`) throw new Error(`${name} counted ${JSON.stringify(out)}, not ${bytes}`);
    best[name] = Math.max(best[name], +(bytes / s / 2 ** 30).toFixed(3));
  }
}
console.log(JSON.stringify({ binding, mib, gib_per_s: best }));
