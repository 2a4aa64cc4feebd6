/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- watches statements through better-sqlite3's Statement prototype */
// perf20 (issue #22): listing every case, page by page, must cost the same per case at any vault
// size. Before, each page read and verified every chunk of the case order index newer than it
// (15,000 cases in pages of 1,000: about 500 chunk readings instead of 59), and each chunk's
// probe of its cases walked every case record in the kind index (SQLite chose records_by_kind
// over the primary key): `npm run bench -- vault` measured 9 s against a 300 ms target. Counted,
// never timed: chunk readings over a whole paging, and what SQLite is asked to search for a page
// after the first (its query plans: primary-key probes only, nothing that walks every case).
import Database from 'better-sqlite3';
import { initCrypto } from '../../../src/crypto';
import { archiveCase, createCase, listCases, Vault } from '../../../src/vault';
import { CHUNK_SIZE } from '../../../src/vault/case-order';
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, FAST_ARGON2, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(300_000);

const CHUNKS = 4;
const CASES = CHUNK_SIZE * (CHUNKS - 1) + 10;
const START = Date.parse('2024-03-01T09:00:00Z');

let dir: string;
let ids: string[];
const archived = new Set<string>();

beforeAll(async () => {
  await initCrypto();
  dir = tempDir();
  let clock = START;
  const { vault } = Vault.create(dir, ADMIN, { argon2: FAST_ARGON2, now: () => clock });
  ids = [];
  vault.transact(() => {
    for (let i = 0; i < CASES; i++) {
      clock += 60_000;
      ids.push(
        createCase(vault, {
          reference: `CAC-${i}`,
          childAlias: `Child ${i}`,
          childAgeYears: 7,
          language: 'en',
        }),
      );
    }
  });
  // One archived case in each chunk (each must agree with its own record when its chunk is read).
  for (let c = 0; c < CHUNKS; c++) archived.add(ids[c * CHUNK_SIZE + 3] as string);
  for (const id of archived) archiveCase(vault, id, true);
  vault.close();
});
afterAll(() => removeDir(dir));

function openAsAdmin(): Vault {
  const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
  vault.unlock(ADMIN.username, ADMIN.passphrase);
  return vault;
}

/** Every page of `limit`, newest first; the ids listed. */
function allPages(vault: Vault, limit: number, onPage?: (n: number) => void): string[] {
  const listed: string[] = [];
  let offset: number | undefined = 0;
  for (let n = 0; offset !== undefined; n++) {
    onPage?.(n);
    const page = listCases(vault, { offset, limit });
    expect(page.unreadable).toEqual([]);
    listed.push(...page.cases.map((c) => c.caseId));
    offset = page.nextOffset;
  }
  return listed;
}

const newestFirst = (withArchived: boolean) =>
  [...ids].reverse().filter((id) => withArchived || !archived.has(id));

test('paging through every case reads each chunk of the order index once, and a write is seen at once', () => {
  const vault = openAsAdmin();
  const gets = jest.spyOn(RecordStore.prototype, 'get');
  const probes = jest.spyOn(RecordStore.prototype, 'countOfKindAmong');
  const chunkReads = () => gets.mock.calls.filter((c) => String(c[0]).startsWith('case-order:'));
  try {
    // 31 pages of 25: before perf20, page k read about k / 10 chunks again (58 chunk readings).
    expect(allPages(vault, 25)).toEqual(newestFirst(false));
    expect(chunkReads()).toHaveLength(CHUNKS);
    expect(probes).toHaveBeenCalledTimes(CHUNKS);
    // Archived cases are checked against their own records once each, not once per page.
    const archivedReads = gets.mock.calls.filter((c) => archived.has(String(c[0])));
    expect(archivedReads).toHaveLength(archived.size);

    // A write (here: restoring an archived case) changes the records: nothing kept is reused.
    const restored = ids[3] as string;
    archiveCase(vault, restored, false);
    gets.mockClear();
    const after = listCases(vault, { offset: 0, limit: CASES });
    expect(after.cases.map((c) => c.caseId)).toEqual(
      newestFirst(true).filter((id) => id === restored || !archived.has(id)),
    );
    expect(chunkReads().length).toBeGreaterThan(0);
    archived.delete(restored);
  } finally {
    gets.mockRestore();
    probes.mockRestore();
    vault.close();
  }
});

test('a page after the first asks SQLite for primary-key probes only (no walk over every case)', () => {
  const vault = openAsAdmin();
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, any>;
  probe.close();
  const run = new Set<string>();
  const originals = new Map<string, any>();
  let watching = false;
  for (const method of ['get', 'all', 'iterate', 'run']) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (watching) run.add(this.source);
      return original.apply(this, args);
    };
  }
  try {
    expect(allPages(vault, 100, (n) => (watching = n >= 1))).toEqual(newestFirst(false));
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  try {
    const db = (vault as unknown as { db: Database.Database }).db;
    const onRecords: string[] = [];
    for (const sql of run) {
      if (!/\brecords\b/.test(sql) || !/^\s*SELECT/i.test(sql)) continue;
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const params = plan.source.match(/\?/g)?.length ?? 0;
      const lines = (plan.all(...Array<null>(params).fill(null)) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .filter((d) => / records\b/.test(d));
      onRecords.push(...lines);
    }
    expect(onRecords.length).toBeGreaterThan(0);
    for (const line of onRecords) expect(line).toMatch(/^SEARCH records USING PRIMARY KEY/);
  } finally {
    vault.close();
  }
});
