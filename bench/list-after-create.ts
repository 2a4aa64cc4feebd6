// Issue #22 (perf24): paging through every case in the first session after `vault.create`, the
// session in which a new centre enters its first cases. Before perf24 the case list's reuse
// stamp stayed undefined until the next sign-in, so every page read and verified the order
// index's chunks again. For this checkout's code and (BENCH_COMPARE=<other checkout>) another's,
// each on its own new vault, in one process, rounds interleaved: order-index chunk readings
// (counted through RecordStore.get), records decrypted, and CPU time of the whole paging; the
// first paging apart from the later ones (nothing is written between them, so those may reuse).
// Usage: [BENCH_COMPARE=/work/main] [BENCH_CASES=1500] [BENCH_LIMIT=25] [BENCH_ROUNDS=5] npx tsx bench/list-after-create.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as VaultModule from '../src/vault';
import type { RecordStore } from '../src/vault/records';
import { median } from './harness';

const MiB = 1024 * 1024;
const CASES = Number(process.env.BENCH_CASES ?? 1500);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 25);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  passphrase: 'correct horse battery staple',
};

interface Variant {
  label: string;
  vault: VaultModule.Vault;
  mod: Pick<typeof VaultModule, 'listCases'>;
  store: { prototype: RecordStore };
  dir: string;
  cpu: number[];
  chunkReads: number[];
  decrypted: number[];
}

/** A new vault made by `root`'s code, with CASES cases created in its first session. */
async function variant(root: string, label: string): Promise<Variant> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const crypto = require(join(root, 'src', 'crypto')) as { initCrypto: () => Promise<void> };
  const mod = require(join(root, 'src', 'vault')) as typeof VaultModule;
  const { RecordStore: store } = require(join(root, 'src', 'vault', 'records')) as {
    RecordStore: { prototype: RecordStore };
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  await crypto.initCrypto();
  const dir = mkdtempSync(join(tmpdir(), 'hearth-list-after-create-'));
  let clock = Date.parse('2024-03-01T09:00:00Z');
  const { vault } = mod.Vault.create(dir, ADMIN, {
    argon2: { opsLimit: 3, memLimitBytes: 64 * MiB },
    now: () => clock,
  });
  for (let i = 0; i < CASES; i++) {
    clock += 60_000;
    mod.createCase(vault, {
      reference: `CAC-${i}`,
      childAlias: `Child ${i}`,
      childAgeYears: 7,
      language: 'en',
    });
  }
  return { label, vault, mod, store, dir, cpu: [], chunkReads: [], decrypted: [] };
}

/** Every page of LIMIT; counts chunk readings and decryptions by wrapping the store's methods. */
function pageThrough(v: Variant): void {
  const proto = v.store.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const get = proto.get as (...args: unknown[]) => unknown;
  const openRow = proto.openRow as (...args: unknown[]) => unknown;
  let chunkReads = 0;
  let decrypted = 0;
  proto.get = function (this: unknown, ...args: unknown[]) {
    if (String(args[0]).startsWith('case-order:')) chunkReads++;
    return get.apply(this, args);
  };
  proto.openRow = function (this: unknown, ...args: unknown[]) {
    decrypted++;
    return openRow.apply(this, args);
  };
  const started = process.cpuUsage();
  try {
    let offset: number | undefined = 0;
    let listed = 0;
    while (offset !== undefined) {
      const page = v.mod.listCases(v.vault, { offset, limit: LIMIT });
      listed += page.cases.length;
      offset = page.nextOffset;
    }
    if (listed !== CASES) throw new Error(`${v.label}: listed ${listed} of ${CASES}`);
  } finally {
    proto.get = get;
    proto.openRow = openRow;
  }
  const used = process.cpuUsage(started);
  v.cpu.push((used.user + used.system) / 1000);
  v.chunkReads.push(chunkReads);
  v.decrypted.push(decrypted);
}

async function main(): Promise<void> {
  const variants = [await variant(join(__dirname, '..'), 'this checkout')];
  if (process.env.BENCH_COMPARE)
    variants.unshift(
      await variant(process.env.BENCH_COMPARE, `before (${process.env.BENCH_COMPARE})`),
    );
  for (let round = 0; round < ROUNDS; round++) for (const v of variants) pageThrough(v);
  const pages = Math.ceil(CASES / LIMIT);
  console.log(
    `${CASES} cases, ${pages} pages of ${LIMIT}, first session after vault.create, ${ROUNDS} rounds`,
  );
  console.log(
    '| code | first paging: chunk readings | records decrypted | CPU ms | later pagings (median of ' +
      String(ROUNDS - 1) +
      '): chunk readings | records decrypted | CPU ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const v of variants) {
    const later = (xs: number[]) => median(xs.slice(1));
    console.log(
      `| ${v.label} | ${v.chunkReads[0]} | ${v.decrypted[0]} | ${(v.cpu[0] ?? 0).toFixed(1)} | ${later(v.chunkReads)} | ${later(v.decrypted)} | ${later(v.cpu).toFixed(1)} |`,
    );
  }
  for (const v of variants) {
    v.vault.close();
    rmSync(v.dir, { recursive: true, force: true });
  }
}

void main();
