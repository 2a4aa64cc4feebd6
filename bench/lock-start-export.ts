// Issue #22 (perf27): does anything in startup (opening the vault file before sign-in), vault.lock
// or a session's sealed export cost more in a bigger vault? Measured on copies of the given vault
// folders (scale-build.ts vaults, or bench/unlock-shape.ts's padded ones: their first sessions
// are real), in CPU time and wall time, medians of BENCH_ROUNDS (default 5).
// Usage: [BENCH_ROUNDS=5] [BENCH_IN_PLACE=1] npx tsx bench/lock-start-export.ts <vault dir>...
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/api/core';
import { initCrypto } from '../src/crypto/sodium';
import { vaultFile } from '../src/vault/db';
import { median } from './harness';
import { BENCH_USER, type Built } from './scale-build';
import { cpuNow } from './unlock-cpu';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const IN_PLACE = process.env.BENCH_IN_PLACE === '1';

async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wall = process.hrtime.bigint();
  const cpu = cpuNow();
  await fn();
  return { wall: Number(process.hrtime.bigint() - wall) / 1e6, cpu: cpuNow() - cpu };
}

type Core = ReturnType<typeof createCore>;
async function must(core: Core, channel: string, payload: unknown): Promise<unknown> {
  const r = await core.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const signIn = (core: Core) =>
  must(core, 'vault.unlock', { username: BENCH_USER.username, passphrase: BENCH_USER.passphrase });

const fmt = (xs: Array<{ wall: number; cpu: number }>) =>
  `${median(xs.map((x) => x.wall)).toFixed(1)} / ${median(xs.map((x) => x.cpu)).toFixed(1)}`;

async function main(): Promise<void> {
  await initCrypto();
  console.log(
    '| vault | file MB | startup (open, vault.status), ms wall / CPU | vault.lock, ms wall / CPU | export.sealed of one 151-event session, ms wall / CPU | load at start |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const from of process.argv.slice(2)) {
    // BENCH_IN_PLACE=1: on the folder itself (each round adds a sign-in, an export and a lock).
    const vaultDir = IN_PLACE ? from : mkdtempSync(join(tmpdir(), 'hearth-lse-'));
    const outDir = mkdtempSync(join(tmpdir(), 'hearth-lse-out-'));
    try {
      if (!IN_PLACE) cpSync(from, vaultDir, { recursive: true });
      const built = JSON.parse(readFileSync(join(from, 'build-state.json'), 'utf8')) as Built;
      const sessionId = built.sessionIds[0] as string;
      const mb = statSync(vaultFile(vaultDir)).size / 1e6;
      const load = loadavg()[0] as number;
      const warm = createCore({ vaultDir });
      await signIn(warm); // the first sign-in of a copy may finish upgrades: not measured
      warm.close();
      const start: Array<{ wall: number; cpu: number }> = [];
      const lock: Array<{ wall: number; cpu: number }> = [];
      const exp: Array<{ wall: number; cpu: number }> = [];
      for (let r = 0; r < ROUNDS; r++) {
        const core = createCore({ vaultDir });
        try {
          start.push(await timed(() => must(core, 'vault.status', {})));
          await signIn(core);
          exp.push(
            await timed(() =>
              must(core, 'export.sealed', { sessionId, outDir, reason: 'benchmark' }),
            ),
          );
          lock.push(await timed(() => must(core, 'vault.lock', {})));
        } finally {
          core.close();
        }
      }
      console.log(
        `| ${from} | ${mb.toFixed(0)} | ${fmt(start)} | ${fmt(lock)} | ${fmt(exp)} | ${load.toFixed(1)} |`,
      );
    } finally {
      if (!IN_PLACE) rmSync(vaultDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  }
}

void main();
