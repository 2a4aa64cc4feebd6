// sec59 (issue #15, red team 24 R24-1 and sec57's residual): what the new checks cost, for this
// checkout's code and (BENCH_COMPARE=<other checkout>) another's, each on its own new vault in one
// process, rounds interleaved, CPU time: opening a case (getCase, now with the audit-pointer check
// that refuses an older copy put back, RECORD_NOT_LATEST), creating a case (now with the
// reference-history lookup and pointer write), and the Cases screen's first page (listCases, whose
// index count now leaves out rows planted outside the case_ range).
// Usage: [BENCH_COMPARE=/work/main] [BENCH_CASES=300] [BENCH_ROUNDS=5] npx tsx bench/sec59-reads.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as VaultModule from '../src/vault';
import { median } from './harness';

const MiB = 1024 * 1024;
const CASES = Number(process.env.BENCH_CASES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  passphrase: 'correct horse battery staple',
};

interface Variant {
  label: string;
  mod: typeof VaultModule;
  vault: VaultModule.Vault;
  dir: string;
  ids: string[];
  next: number;
  get: number[];
  create: number[];
  list: number[];
}

async function variant(root: string, label: string): Promise<Variant> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const crypto = require(join(root, 'src', 'crypto')) as { initCrypto: () => Promise<void> };
  const mod = require(join(root, 'src', 'vault')) as typeof VaultModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  await crypto.initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-sec59-'));
  const { vault } = mod.Vault.create(dir, ADMIN, {
    argon2: { opsLimit: 3, memLimitBytes: 64 * MiB },
  });
  const ids: string[] = [];
  for (let i = 0; i < CASES; i++)
    ids.push(
      mod.createCase(vault, {
        reference: `CAC-${i}`,
        childAlias: `C${i}`,
        childAgeYears: 7,
        language: 'en',
      }),
    );
  return { label, mod, vault, dir, ids, next: 0, get: [], create: [], list: [] };
}

/** CPU microseconds of fn, run `times` times, per run. */
function cpuPer(times: number, fn: (i: number) => void): number {
  const started = process.cpuUsage();
  for (let i = 0; i < times; i++) fn(i);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / times;
}

function round(v: Variant): void {
  v.get.push(cpuPer(v.ids.length, (i) => v.mod.getCase(v.vault, v.ids[i]!)));
  v.create.push(
    cpuPer(50, () => {
      v.mod.createCase(v.vault, {
        reference: `NEW-${v.next++}`,
        childAlias: 'N',
        childAgeYears: 7,
        language: 'en',
      });
    }),
  );
  v.list.push(cpuPer(20, () => v.mod.listCases(v.vault, { limit: 50 })));
}

async function main(): Promise<void> {
  const variants = [await variant(join(__dirname, '..'), 'this checkout')];
  if (process.env.BENCH_COMPARE)
    variants.push(await variant(process.env.BENCH_COMPARE, process.env.BENCH_COMPARE));
  for (let r = 0; r < ROUNDS; r++) for (const v of variants) round(v);
  console.log(
    `\n${CASES} cases (+50 per round created), ${ROUNDS} rounds interleaved, CPU time, medians\n`,
  );
  console.log(
    '| code | cases.get (µs per case) | cases.create (ms) | cases.list first page of 50 (ms) |',
  );
  console.log('|---|---|---|---|');
  for (const v of variants)
    console.log(
      `| ${v.label} | ${median(v.get).toFixed(0)} | ${(median(v.create) / 1000).toFixed(2)} | ${(median(v.list) / 1000).toFixed(2)} |`,
    );
  for (const v of variants) {
    v.vault.lock();
    rmSync(v.dir, { recursive: true, force: true });
  }
}

void main();
