// Child process of `npm run bench -- scale`: runs vault.check alone in a fresh process, so that
// its peak memory (maxRSS) is its own, and prints one JSON line.
import { createCore } from '../src/api/core';
import { BENCH_USER } from './scale-build';

async function main(): Promise<void> {
  const vaultDir = process.argv[2] as string;
  let progressEvents = 0;
  const core = createCore({
    vaultDir,
    onEvent: (event) => {
      if (event.type === 'progress' && event.channel === 'vault.check') progressEvents++;
    },
  });
  const unlock = await core.invoke('vault.unlock', {
    username: BENCH_USER.username,
    passphrase: BENCH_USER.passphrase,
  });
  if (!unlock.ok) throw new Error(unlock.error.message);
  const rssBefore = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const result = await core.invoke('vault.check', {});
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!result.ok) throw new Error(result.error.message);
  const value = result.value as { ok: boolean; problems: unknown[]; records?: number };
  core.close();
  process.stdout.write(
    JSON.stringify({
      ms,
      ok: value.ok,
      problems: value.problems.length,
      rssBeforeMiB: rssBefore / 2 ** 20,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      progressEvents,
    }) + '\n',
  );
}

void main();
