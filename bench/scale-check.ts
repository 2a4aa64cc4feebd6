// Child process of `npm run bench -- scale` (and of bench/check-compare.ts): runs vault.check
// alone in a fresh process, so that its peak memory (maxRSS) is its own, and prints one JSON
// line. BENCH_CODE=<checkout> runs that checkout's core instead of this one's (before/after on
// the same vault). Under `node --expose-gc`, a full collection at every progress event gives
// what the check keeps (heap, external and RSS after a GC), not the garbage between collections.
import { join } from 'node:path';
import type { createCore as CreateCore } from '../src/api/core';
import { BENCH_USER } from './scale-build';

const MiB = 2 ** 20;

async function main(): Promise<void> {
  const vaultDir = process.argv[2] as string;
  const root = process.env.BENCH_CODE ?? join(__dirname, '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createCore } = require(join(root, 'src', 'api', 'core')) as {
    createCore: typeof CreateCore;
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  let progressEvents = 0;
  const peak = { heapMiB: 0, externalMiB: 0, rssMiB: 0 };
  const core = createCore({
    vaultDir,
    onEvent: (event) => {
      if (event.type !== 'progress' || event.channel !== 'vault.check') return;
      progressEvents++;
      if (!gc) return;
      gc();
      const m = process.memoryUsage();
      peak.heapMiB = Math.max(peak.heapMiB, m.heapUsed / MiB);
      peak.externalMiB = Math.max(peak.externalMiB, m.external / MiB);
      peak.rssMiB = Math.max(peak.rssMiB, m.rss / MiB);
    },
  });
  const unlock = await core.invoke('vault.unlock', {
    username: BENCH_USER.username,
    passphrase: BENCH_USER.passphrase,
  });
  if (!unlock.ok) throw new Error(unlock.error.message);
  gc?.();
  const before = process.memoryUsage();
  const rssBefore = before.rss;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await core.invoke('vault.check', {});
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value as { ok: boolean; problems: unknown[]; records?: number };
  core.close();
  process.stdout.write(
    JSON.stringify({
      ms,
      checkCpuMs: (used.user + used.system) / 1000,
      ok: value.ok,
      problems: value.problems.length,
      rssBeforeMiB: rssBefore / MiB,
      heapBeforeMiB: before.heapUsed / MiB,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      ...(gc ? { afterGcPeak: peak } : {}),
      progressEvents,
    }) + '\n',
  );
}

void main();
