// The sealed case order index (issue #22): the Cases screen's first page decrypts only its own
// cases, lists exactly what decrypting every case would list (order, archived filter, totals,
// paging), never writes case fields in clear, and a missing or damaged index costs speed only.
import Database from 'better-sqlite3';
import type { ChannelResponse } from '../../../src/api/contract';
import { initCrypto } from '../../../src/crypto';
import { archiveCase, createCase, listCases, Vault, vaultFile } from '../../../src/vault';
import { CHUNK_SIZE } from '../../../src/vault/case-order';
import { RecordStore } from '../../../src/vault/records';
import {
  ADMIN,
  call,
  FAST_ARGON2,
  makeCore,
  plaintextHits,
  removeDir,
  tempDir,
} from '../../helpers/core';

const CASES = CHUNK_SIZE + 40; // two chunks
const START = Date.parse('2024-03-01T09:00:00Z');

interface Made {
  dir: string;
  /** Case ids in creation order; every third pair shares a millisecond (ties order by id). */
  ids: string[];
  archived: Set<string>;
}

/** A vault with CASES cases at known times, some archived (one in each chunk). */
function makeCases(): Made {
  const dir = tempDir();
  let clock = START;
  const { vault } = Vault.create(dir, ADMIN, { argon2: FAST_ARGON2, now: () => clock });
  const ids: string[] = [];
  vault.transact(() => {
    for (let i = 0; i < CASES; i++) {
      if (i % 3 !== 1) clock += 60_000;
      ids.push(
        createCase(vault, {
          reference: `CAC-2024-${String(i).padStart(4, '0')}`,
          childAlias: `Child ${i}`,
          childAgeYears: 5 + (i % 10),
          language: 'en',
        }),
      );
    }
  });
  const archived = new Set([
    ids[3] as string,
    ids[CHUNK_SIZE + 7] as string,
    ids[CASES - 1] as string,
  ]);
  for (const id of archived) archiveCase(vault, id, true);
  vault.close();
  return { dir, ids, archived };
}

/** What the list must be: newest first, ties by id (computed from what was created, not read). */
function expectedOrder(made: Made, includeArchived: boolean): string[] {
  const at = (i: number) => {
    let clock = START;
    for (let j = 0; j <= i; j++) if (j % 3 !== 1) clock += 60_000;
    return clock;
  };
  return made.ids
    .map((id, i) => ({ id, at: at(i) }))
    .filter((c) => includeArchived || !made.archived.has(c.id))
    .sort((a, b) => b.at - a.at || a.id.localeCompare(b.id))
    .map((c) => c.id);
}

async function pages(
  core: ReturnType<typeof makeCore>,
  includeArchived: boolean,
): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined) {
    const page: ChannelResponse<'cases.list'> = await call(core, 'cases.list', {
      includeArchived,
      offset,
      limit: 50,
    });
    ids.push(...page.cases.map((c) => c.caseId));
    totals.push(page.total);
    expect(page.unreadable).toEqual([]);
    offset = page.nextOffset;
  }
  return { ids, totals };
}

describe('cases.list through the case order index', () => {
  let made: Made;
  beforeAll(async () => {
    await initCrypto();
    made = makeCases();
  });
  afterAll(() => removeDir(made.dir));

  test('pages list every case newest first, ties by id, with and without archived cases', async () => {
    const core = makeCore(made.dir);
    try {
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      for (const includeArchived of [false, true]) {
        const want = expectedOrder(made, includeArchived);
        const got = await pages(core, includeArchived);
        expect(got.ids).toEqual(want);
        expect(new Set(got.totals)).toEqual(new Set([want.length]));
      }
      // A search still reads every case (its fields exist only sealed) and agrees.
      const search = await call(core, 'cases.list', { query: 'cac-2024', limit: 1000 });
      expect(search.cases.map((c) => c.caseId)).toEqual(expectedOrder(made, false));
    } finally {
      core.close();
    }
  });

  test('the first page decrypts the newest chunk, its archived cases and the page, not every case', () => {
    const { vault } = openAsAdmin(made.dir);
    const opened = jest.spyOn(RecordStore.prototype, 'get');
    const listed = jest.spyOn(RecordStore.prototype, 'list');
    const many = jest.spyOn(RecordStore.prototype, 'getMany');
    try {
      const page = listCases(vault, { limit: 20 });
      expect(page.cases).toHaveLength(20);
      expect(page.total).toBe(CASES - made.archived.size);
      // The last chunk (its 40 cases hold the page's 20 newest, all newer than chunk 0's), one
      // get per case that chunk marks archived (left off the page, so its own record must
      // agree: red team round 4, N3), then the page's cases in one read (perf20); no listing.
      const inLast = new Set(made.ids.slice(CHUNK_SIZE).filter((id) => made.archived.has(id)));
      const gets = opened.mock.calls.map((c) => c[0]);
      expect(gets[0]).toBe('case-order:000001');
      expect(new Set(gets.slice(1, 1 + inLast.size))).toEqual(inLast);
      expect(gets).toHaveLength(1 + inLast.size);
      expect(many.mock.calls).toEqual([[page.cases.map((c) => c.caseId)]]);
      expect(listed).not.toHaveBeenCalled();
    } finally {
      opened.mockRestore();
      listed.mockRestore();
      many.mockRestore();
      vault.close();
    }
  });

  test('the index holds no case field in clear', () => {
    expect(plaintextHits(made.dir, ['CAC-2024-0001', 'Child 17'])).toEqual([]);
  });
});

function openAsAdmin(dir: string): { vault: Vault } {
  const vault = Vault.open(dir, { argon2: FAST_ARGON2 });
  vault.unlock(ADMIN.username, ADMIN.passphrase);
  return { vault };
}

describe('a missing or damaged index costs speed, never a wrong list', () => {
  let made: Made;
  beforeEach(async () => {
    await initCrypto();
    made = makeCases();
  });
  afterEach(() => removeDir(made.dir));

  const raw = (fn: (db: Database.Database) => void) => {
    const db = new Database(vaultFile(made.dir));
    try {
      fn(db);
    } finally {
      db.close();
    }
  };

  test('a chunk deleted outside Hearth: the list is still complete and vault check names it', async () => {
    raw((db) => db.prepare("DELETE FROM records WHERE record_id = 'case-order:000001'").run());
    const { vault } = openAsAdmin(made.dir);
    try {
      const page = listCases(vault, { includeArchived: true, limit: 1000 });
      expect(page.cases.map((c) => c.caseId)).toEqual(expectedOrder(made, true));
    } finally {
      vault.close();
    }
    const core = makeCore(made.dir);
    try {
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const check = await call(core, 'vault.check', {});
      expect(check.problems).toContainEqual(
        expect.objectContaining({ kind: 'record', id: 'case-order:000001' }),
      );
    } finally {
      core.close();
    }
  });

  test('a chunk swapped with another: it fails authentication, and the list is still right', () => {
    raw((db) => {
      const [a, b] = db
        .prepare(
          "SELECT record_id, nonce, ciphertext FROM records WHERE kind = 'case-order' ORDER BY record_id",
        )
        .all() as Array<{ record_id: string; nonce: Buffer; ciphertext: Buffer }>;
      const put = db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?');
      put.run(b?.nonce, b?.ciphertext, a?.record_id);
      put.run(a?.nonce, a?.ciphertext, b?.record_id);
    });
    const { vault } = openAsAdmin(made.dir);
    try {
      const page = listCases(vault, { limit: 1000 });
      expect(page.cases.map((c) => c.caseId)).toEqual(expectedOrder(made, false));
    } finally {
      vault.close();
    }
  });

  test('a vault without the index (written before it) gets one at the first unlock', async () => {
    raw((db) => db.prepare("DELETE FROM records WHERE kind = 'case-order'").run());
    const core = makeCore(made.dir);
    try {
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const got = await pages(core, true);
      expect(got.ids).toEqual(expectedOrder(made, true));
    } finally {
      core.close();
    }
    // Built and kept: a later listing reads the index alone (no listing of every case).
    const { vault } = openAsAdmin(made.dir);
    const listed = jest.spyOn(RecordStore.prototype, 'list');
    try {
      expect(listCases(vault, { limit: 10 }).cases).toHaveLength(10);
      expect(listed).not.toHaveBeenCalled();
    } finally {
      listed.mockRestore();
      vault.close();
    }
  });
});
