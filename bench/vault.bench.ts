// `npm run bench -- vault`: unlock (Argon2id and the rest, separately) and listing 15,000 cases
// after unlock, on a vault calibrated as a real one would be.
// BENCH_COMPARE=<other checkout> (e.g. /work/main) measures that checkout's code on the same
// vault in the same run, interleaved round by round with this one's (before/after in one table).
// BENCH_VAULT_CASES lowers the number of cases (for profiling only; the table's target is 15,000).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src/api/core';
import { deriveKeyFromPassphrase, initCrypto, randomBytes } from '../src/crypto';
import { createCase, Vault, vaultFile } from '../src/vault';
import type * as VaultModule from '../src/vault';
import { PAGE_LIMIT } from '../src/vault/paging';
import { median, timeMs, type BenchReport, type BenchRow } from './harness';

type CreateCore = typeof createCore;

/** The code measured: this checkout's, and with BENCH_COMPARE another checkout's. */
interface Variant {
  label: string;
  createCore: CreateCore;
  /** Its own copy of the seeded vault (a newer schema may not open in older code). */
  dir?: string;
  /** The vault code the shared vault is made with (the older checkout's, when comparing). */
  seedWith?: Pick<typeof VaultModule, 'Vault' | 'createCase'>;
  unlock: number[];
  list: number[];
  /** CPU time (user + system) of the process while listing, ms. */
  listCpu: number[];
}

/** Another checkout's core (its own modules, its own libsodium instance). */
async function compareVariant(root: string): Promise<Variant> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const crypto = require(join(root, 'src', 'crypto')) as { initCrypto: () => Promise<void> };
  const vault = require(join(root, 'src', 'vault')) as Pick<
    typeof VaultModule,
    'Vault' | 'createCase'
  >;
  const api = require(join(root, 'src', 'api', 'core')) as { createCore: CreateCore };
  /* eslint-enable @typescript-eslint/no-require-imports */
  await crypto.initCrypto();
  return {
    label: `before (${root})`,
    createCore: api.createCore,
    seedWith: vault,
    unlock: [],
    list: [],
    listCpu: [],
  };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const CASES = Number(process.env.BENCH_VAULT_CASES ?? 15_000);
const RUNS = 5;
const PASSPHRASE = 'benchmark passphrase 1';

export async function run(): Promise<BenchReport> {
  await initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-vault-'));
  try {
    const variants: Variant[] = [
      ...(process.env.BENCH_COMPARE ? [await compareVariant(process.env.BENCH_COMPARE)] : []),
      {
        label: process.env.BENCH_COMPARE ? 'after (this checkout)' : '',
        createCore,
        unlock: [],
        list: [],
        listCpu: [],
      },
    ];
    // The vault is made by the oldest code compared (a newer schema does not open in older code).
    const { Vault: MakeVault, createCase: makeCase } = variants[0]?.seedWith ?? {
      Vault,
      createCase,
    };
    // Create with calibration, exactly as `vault.create` does for a user.
    const createMs = await timeMs(() =>
      MakeVault.create(dir, {
        username: 'admin',
        displayName: 'Bench',
        passphrase: PASSPHRASE,
      }).vault.close(),
    );
    const slot = (() => {
      const db = new Database(vaultFile(dir), { readonly: true });
      const row = db
        .prepare("SELECT kdf_ops, kdf_mem FROM key_slots WHERE username = 'admin'")
        .get() as { kdf_ops: number; kdf_mem: number };
      db.close();
      return { opsLimit: row.kdf_ops, memLimitBytes: row.kdf_mem };
    })();

    // Seed 15,000 cases in one transaction (seeding speed is not what is measured).
    const seeder = MakeVault.open(dir);
    seeder.unlock('admin', PASSPHRASE);
    seeder.transact(() => {
      for (let i = 0; i < CASES; i++) {
        makeCase(seeder, {
          reference: `CAC-2026-${String(i).padStart(5, '0')}`,
          childAlias: `Child ${i}`,
          childAgeYears: 3 + (i % 15),
          language: i % 3 === 0 ? 'es' : 'en',
          allegationSummary: 'Summary text of a typical length for a case record in the vault.',
        });
      }
    });
    seeder.close();
    // Each variant works on its own copy of the same vault.
    if (variants.length > 1)
      for (const [i, variant] of variants.entries()) {
        variant.dir = `${dir}-${i}`;
        cpSync(dir, variant.dir, { recursive: true });
      }

    const kdf: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      kdf.push(await timeMs(() => deriveKeyFromPassphrase(PASSPHRASE, randomBytes(16), slot)));
      for (const variant of variants) {
        const core = variant.createCore({ vaultDir: variant.dir ?? dir });
        await core.invoke('vault.status', {}); // opens the file; not part of unlock
        variant.unlock.push(
          await timeMs(() =>
            core.invoke('vault.unlock', { username: 'admin', passphrase: PASSPHRASE }),
          ),
        );
        let listed = 0;
        const cpu = process.cpuUsage();
        variant.list.push(
          // Lists are paged (issue #22, PAGE_LIMIT.max per call): every page, as a screen that
          // shows them all would ask.
          await timeMs(async () => {
            for (;;) {
              const result = await core.invoke('cases.list', {
                offset: listed,
                limit: PAGE_LIMIT.max,
              });
              if (!result.ok) throw new Error(result.error.code);
              const page = (result.value as { cases: unknown[] }).cases.length;
              listed += page;
              if (page < PAGE_LIMIT.max) break;
            }
          }),
        );
        variant.listCpu.push(cpuMs(cpu));
        core.close();
        if (listed !== CASES) throw new Error(`listed ${listed} cases, expected ${CASES}`);
      }
    }
    const kdfMs = median(kdf);
    const perVariant = variants.flatMap((v): BenchRow[] => {
      const at = v.label ? ` [${v.label}]` : '';
      const unlockMs = median(v.unlock);
      const listMs = median(v.list);
      return [
        {
          metric: `unlock: everything else (after the KDF)${at}`,
          value: Math.max(0, unlockMs - kdfMs),
          unit: 'ms',
          target: '< 100 ms',
          met: unlockMs - kdfMs < 100,
        },
        { metric: `unlock: total${at}`, value: unlockMs, unit: 'ms' },
        {
          metric: `list ${CASES.toLocaleString('en')} cases after unlock, all pages of ${PAGE_LIMIT.max} (median of ${RUNS})${at}`,
          value: listMs,
          unit: 'ms',
          target: '< 300 ms',
          met: listMs < 300,
        },
        { metric: `list: slowest run${at}`, value: Math.max(...v.list), unit: 'ms' },
        { metric: `list: CPU time (median of ${RUNS})${at}`, value: median(v.listCpu), unit: 'ms' },
      ];
    });
    return {
      name: 'vault',
      rows: [
        {
          metric: `Argon2id memory chosen at creation`,
          value: slot.memLimitBytes / 1024 / 1024,
          unit: 'MiB',
          target: '256/128/64, ~1 s',
        },
        { metric: 'vault create (calibration + KDF)', value: createMs, unit: 'ms' },
        {
          metric: `unlock: Argon2id KDF (median of ${RUNS})`,
          value: kdfMs,
          unit: 'ms',
          target: '≈ 1000 ms',
          met: kdfMs < 1500,
        },
        ...perVariant,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const i of [0, 1]) rmSync(`${dir}-${i}`, { recursive: true, force: true });
  }
}
