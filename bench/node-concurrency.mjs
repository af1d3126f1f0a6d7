// 1,000 concurrent children (`sleep 1`) from one Node process: all finish,
// and the host's thread count does not grow with them (no thread per child).
import { readFileSync } from 'node:fs';
import { run } from '@netrunner/node';

const n = Number(process.argv[2] ?? 1000);
const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
const before = threads();
let peak = before;
const timer = setInterval(() => { peak = Math.max(peak, threads()); }, 50);
const t = performance.now();
const results = await Promise.all(Array.from({ length: n }, () => run(['sleep', '1'])));
clearInterval(timer);
const ok = results.filter((r) => r.exitCode === 0).length;
console.log(JSON.stringify({ children: n, ok, wall_ms: Math.round(performance.now() - t), threads_before: before, threads_peak: peak }));
