// perf24 (issue #22): the case list keeps what it verified of the case order index while no
// record is written (perf20; the stamp comes from write-counting TEMP triggers,
// records-generation.ts). A sign-in whose record store was made inside a transaction could not
// put the triggers in: on a vault as `vault.create` returns it, the stamp stayed undefined until
// the next sign-in, and paging through 266 cases (12 pages of 25 over 2 chunks) read the order
// index 23 times instead of 2 (perf22's finding). Counted, never timed: order-index chunk
// readings and records decrypted over a whole paging, in the first session after each way a
// vault comes into use (create, recovery, restore of a backup), and after the triggers were
// dropped under a running sign-in (what a migration rebuilding `records` would do).
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { initCrypto } from '../../../src/crypto';
import { archiveCase, createCase, listCases, Vault } from '../../../src/vault';
import { backupVault } from '../../../src/vault/backup';
import { CHUNK_SIZE } from '../../../src/vault/case-order';
import { RecordStore } from '../../../src/vault/records';
import { restoreVault } from '../../../src/vault/restore';
import { ADMIN, FAST_ARGON2, removeDir, tempDir } from '../../helpers/core';
import { counted } from '../../helpers/work-counter';

jest.setTimeout(300_000);

/** Two chunks, the last of 10 entries (the shape perf22 could not explain). */
const CASES = CHUNK_SIZE + 10;
const CHUNKS = 2;
const LIMIT = 25;
const START = Date.parse('2024-03-01T09:00:00Z');

let dirs: string[] = [];
beforeAll(async () => {
  await initCrypto();
});
afterEach(() => {
  for (const dir of dirs) removeDir(dir);
  dirs = [];
});

function newDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

/** Creates `n` cases, each in its own transaction as the app does; their ids, oldest first. */
function createCases(vault: Vault, n: number, tick: () => void): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    tick();
    ids.push(
      createCase(vault, {
        reference: `CAC-${i}`,
        childAlias: `Child ${i}`,
        childAgeYears: 7,
        language: 'en',
      }),
    );
  }
  return ids;
}

/** Every page of LIMIT, newest first: the ids listed. */
function allPages(vault: Vault): string[] {
  const listed: string[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page = listCases(vault, { offset, limit: LIMIT });
    expect(page.unreadable).toEqual([]);
    listed.push(...page.cases.map((c) => c.caseId));
    offset = page.nextOffset;
  }
  return listed;
}

/**
 * Pages through every case; returns the ids listed, how many times an order-index chunk was
 * read, and how many records were decrypted (work-counter.ts).
 */
async function pageThrough(
  vault: Vault,
): Promise<{ listed: string[]; chunkReads: number; decrypted: number }> {
  const gets = jest.spyOn(RecordStore.prototype, 'get');
  let listed: string[] = [];
  try {
    const counts = await counted(async () => {
      listed = allPages(vault);
      return Promise.resolve();
    });
    const chunkReads = gets.mock.calls.filter((c) => String(c[0]).startsWith('case-order:')).length;
    return { listed, chunkReads, decrypted: counts.decrypted };
  } finally {
    gets.mockRestore();
  }
}

/** A vault just made by vault.create, with CASES cases written in its first session. */
function freshVault(): { vault: Vault; dir: string; ids: string[]; recoveryKey: string } {
  const dir = newDir();
  let clock = START;
  const { vault, recoveryKey } = Vault.create(dir, ADMIN, {
    argon2: FAST_ARGON2,
    now: () => clock,
  });
  const ids = createCases(vault, CASES, () => (clock += 60_000));
  return { vault, dir, ids, recoveryKey };
}

const PAGES = Math.ceil(CASES / LIMIT);

test('the first session after vault.create reads each chunk of the order index once over 11 pages', async () => {
  const { vault, ids } = freshVault();
  try {
    const run = await pageThrough(vault);
    expect(run.listed).toEqual([...ids].reverse());
    // Before perf24: 22 chunk readings (both chunks again on every one of the 11 pages).
    expect(run.chunkReads).toBe(CHUNKS);
    // Each case decrypted once (its page), each chunk once: nothing per page beyond its own.
    expect(run.decrypted).toBe(CASES + CHUNKS);
    expect(PAGES).toBe(11);
  } finally {
    vault.close();
  }
});

test('a write after a paging is seen at once, and the next paging reads the chunks once again', async () => {
  const { vault, ids } = freshVault();
  try {
    expect((await pageThrough(vault)).chunkReads).toBe(CHUNKS);
    const hidden = ids[3] as string;
    archiveCase(vault, hidden, true);
    const run = await pageThrough(vault);
    expect(run.listed).toEqual([...ids].reverse().filter((id) => id !== hidden));
    // The archive rewrote chunk 0 (and the last chunk's totals): both read again, once.
    expect(run.chunkReads).toBe(CHUNKS);
  } finally {
    vault.close();
  }
});

test('the session a recovery leaves open reads each chunk once', async () => {
  const { vault, dir, ids, recoveryKey } = freshVault();
  vault.close();
  const reopened = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    reopened.recover(ADMIN.username, recoveryKey, 'a brand new passphrase for ada');
    const run = await pageThrough(reopened);
    expect(run.listed).toEqual([...ids].reverse());
    expect(run.chunkReads).toBe(CHUNKS);
  } finally {
    reopened.close();
  }
});

test('the first session on a restored backup reads each chunk once', async () => {
  const { vault, dir, ids } = freshVault();
  const backup = join(newDir(), 'backup.db');
  try {
    await backupVault(vault, backup);
  } finally {
    vault.close();
  }
  restoreVault(backup, dir, { replace: true, admin: ADMIN });
  const restored = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    restored.unlock(ADMIN.username, ADMIN.passphrase);
    const run = await pageThrough(restored);
    expect(run.listed).toEqual([...ids].reverse());
    expect(run.chunkReads).toBe(CHUNKS);
  } finally {
    restored.close();
  }
});

test('triggers dropped under a running sign-in: a row written meanwhile is never missed, and reuse comes back', async () => {
  const { vault, ids } = freshVault();
  const db = (vault as unknown as { db: Database.Database }).db;
  try {
    expect((await pageThrough(vault)).chunkReads).toBe(CHUNKS);
    // What a migration rebuilding `records` does to the connection's TEMP triggers; then a row
    // is changed while nothing counts (here: a case archived).
    db.exec(
      `DROP TRIGGER temp.hearth_records_written_insert;
       DROP TRIGGER temp.hearth_records_written_update;
       DROP TRIGGER temp.hearth_records_written_delete;`,
    );
    const hidden = ids[CASES - 1] as string;
    archiveCase(vault, hidden, true);
    // The triggers are put back before the next read, with a stamp no earlier read was given:
    // the archived case is gone from the listing (a reused walk would still show it).
    const run = await pageThrough(vault);
    expect(run.listed).toEqual([...ids].reverse().filter((id) => id !== hidden));
    // Read from the index again (a stale walk would have read no chunk, met the archived case
    // and fallen back to decrypting every case), each case and chunk once.
    expect(run.chunkReads).toBe(CHUNKS);
    expect(run.decrypted).toBe(CASES + CHUNKS);
    // And with the triggers back, the next paging reuses again.
    expect((await pageThrough(vault)).chunkReads).toBe(0);
  } finally {
    vault.close();
  }
});
