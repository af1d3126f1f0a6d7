// Streaming memory: N GiB through stream() to a slow consumer (it pauses
// every 256 chunks). Reports the host's RSS growth over a warmed-up
// baseline; backpressure must keep it flat whatever the volume.
import { stream } from '@netrunner/node';

const gib = Number(process.argv[2] ?? 1);
const bytes = gib * 2 ** 30;
// Warm up first (the addon, the shepherd, JIT'd code) so the baseline is a
// host that has streamed before: what is measured is growth with volume.
for await (const _ of stream(['head', '-c', String(64 * 2 ** 20), '/dev/zero'])) void _;
const rss0 = process.memoryUsage.rss();
let peak = rss0;
let total = 0;
let chunks = 0;
for await (const chunk of stream(['head', '-c', String(bytes), '/dev/zero'])) {
  total += chunk.length;
  if (++chunks % 256 === 0) {
    peak = Math.max(peak, process.memoryUsage.rss());
    await new Promise((r) => setTimeout(r, 1));
  }
}
if (total !== bytes) throw new Error(`read ${total} of ${bytes}`);
console.log(JSON.stringify({ gib, rss_growth_mib: +((peak - rss0) / 2 ** 20).toFixed(1) }));
