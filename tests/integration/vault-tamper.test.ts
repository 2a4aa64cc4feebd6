// The tamper matrix: someone with the vault file edits it with an SQLite tool. Every change is
// detected and named by `vault check`, and the rest of the vault still opens and reads.
import Database from 'better-sqlite3';
import { vaultFile } from '../../src/vault';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../helpers/core';

interface Fixture {
  vaultDir: string;
  caseA: string;
  caseB: string;
  /** Case A's row as it was at version 1, before the update. */
  caseAv1: { seq: number; nonce: Buffer; ciphertext: Buffer };
}

async function buildVault(): Promise<Fixture> {
  const core = await makeVault();
  const { caseId: caseA } = await call(core, 'cases.create', {
    reference: 'A-1',
    childAlias: 'Alex',
    childAgeYears: 6,
    language: 'en',
  });
  const { caseId: caseB } = await call(core, 'cases.create', {
    reference: 'B-2',
    childAlias: 'Blair',
    childAgeYears: 11,
    language: 'es',
  });
  core.close();
  const caseAv1 = rawDb(core.vaultDir, (db) =>
    db.prepare('SELECT seq, nonce, ciphertext FROM records WHERE record_id = ?').get(caseA),
  ) as Fixture['caseAv1'];
  const again = makeCore(core.vaultDir);
  await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  await call(again, 'cases.update', { caseId: caseA, patch: { childAlias: 'Alexis' } });
  again.close();
  return { vaultDir: core.vaultDir, caseA, caseB, caseAv1 };
}

function rawDb<T>(vaultDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(vaultFile(vaultDir));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function flipByte(buf: Buffer, index = 5): Buffer {
  const copy = Buffer.from(buf);
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

async function checkAfter(fixture: Fixture) {
  const core = makeCore(fixture.vaultDir);
  await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  const check = await call(core, 'vault.check', {});
  const listing = await call(core, 'cases.list', {});
  return { core, check, listing };
}

let fixture: Fixture;
beforeEach(async () => {
  fixture = await buildVault();
});
afterEach(() => removeDir(fixture.vaultDir));

test('untouched vault: check is clean', async () => {
  const { core, check } = await checkAfter(fixture);
  core.close();
  expect(check).toEqual({ ok: true, problems: [] });
});

test('a flipped ciphertext byte is named; the other case still reads', async () => {
  rawDb(fixture.vaultDir, (db) => {
    const row = db
      .prepare('SELECT ciphertext FROM records WHERE record_id = ?')
      .get(fixture.caseA) as { ciphertext: Buffer };
    db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(
      flipByte(row.ciphertext),
      fixture.caseA,
    );
  });
  const { core, check, listing } = await checkAfter(fixture);
  try {
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      {
        kind: 'record',
        id: fixture.caseA,
        code: 'RECORD_UNREADABLE',
        detail: expect.stringMatching(/fails authentication/),
      },
    ]);
    expect(listing.cases.map((c) => c.caseId)).toEqual([fixture.caseB]);
    expect(listing.unreadable).toEqual([fixture.caseA]);
    expect(await callError(core, 'cases.get', { caseId: fixture.caseA })).toMatchObject({
      code: 'TAMPERED',
    });
    expect(await call(core, 'cases.get', { caseId: fixture.caseB })).toMatchObject({
      childAlias: 'Blair',
    });
  } finally {
    core.close();
  }
});

test('a row moved to another case is named', async () => {
  rawDb(fixture.vaultDir, (db) =>
    db
      .prepare('UPDATE records SET container_id = ? WHERE record_id = ?')
      .run(fixture.caseB, fixture.caseA),
  );
  const { core, check, listing } = await checkAfter(fixture);
  core.close();
  expect(check.problems).toEqual([
    {
      kind: 'record',
      id: fixture.caseA,
      code: 'RECORD_UNREADABLE',
      detail: expect.stringMatching(/fails authentication/),
    },
  ]);
  expect(listing.cases.map((c) => c.caseId)).toEqual([fixture.caseB]);
});

test("one case's ciphertext copied over another's is named", async () => {
  rawDb(fixture.vaultDir, (db) => {
    const a = db
      .prepare('SELECT nonce, ciphertext FROM records WHERE record_id = ?')
      .get(fixture.caseA) as { nonce: Buffer; ciphertext: Buffer };
    db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?').run(
      a.nonce,
      a.ciphertext,
      fixture.caseB,
    );
  });
  const { core, check } = await checkAfter(fixture);
  core.close();
  expect(check.problems).toEqual([
    {
      kind: 'record',
      id: fixture.caseB,
      code: 'RECORD_UNREADABLE',
      detail: expect.stringMatching(/fails authentication/),
    },
  ]);
});

test('a deleted row is named as missing', async () => {
  rawDb(fixture.vaultDir, (db) =>
    db.prepare('DELETE FROM records WHERE record_id = ?').run(fixture.caseA),
  );
  const { core, check, listing } = await checkAfter(fixture);
  core.close();
  expect(check.problems).toEqual([
    {
      kind: 'record',
      id: fixture.caseA,
      code: 'RECORD_MISSING',
      values: expect.any(Object),
      detail: expect.stringMatching(/missing.*deleted outside Hearth/),
    },
  ]);
  expect(listing.cases.map((c) => c.caseId)).toEqual([fixture.caseB]);
});

test('a row rolled back to an older, validly encrypted version is named', async () => {
  rawDb(fixture.vaultDir, (db) =>
    db
      .prepare('UPDATE records SET seq = ?, nonce = ?, ciphertext = ? WHERE record_id = ?')
      .run(fixture.caseAv1.seq, fixture.caseAv1.nonce, fixture.caseAv1.ciphertext, fixture.caseA),
  );
  const { core, check } = await checkAfter(fixture);
  core.close();
  expect(check.problems).toEqual([
    {
      kind: 'record',
      id: fixture.caseA,
      code: 'RECORD_NOT_LATEST',
      values: expect.any(Object),
      detail: expect.stringMatching(/not the version last written.*rolled back/),
    },
  ]);
});

test('an edited audit entry is named, and so is a deleted one', async () => {
  rawDb(fixture.vaultDir, (db) => {
    const row = db.prepare('SELECT ciphertext FROM audit_log WHERE seq = 2').get() as {
      ciphertext: Buffer;
    };
    db.prepare('UPDATE audit_log SET ciphertext = ? WHERE seq = 2').run(flipByte(row.ciphertext));
  });
  let result = await checkAfter(fixture);
  result.core.close();
  expect(result.check.problems).toEqual(
    expect.arrayContaining([
      { kind: 'audit', id: '2', detail: expect.stringMatching(/does not chain/) },
      { kind: 'audit', id: '2', detail: expect.stringMatching(/fails authentication/) },
    ]),
  );
  // The vault still opens and lists after the audit damage.
  expect(result.listing.cases).toHaveLength(2);

  rawDb(fixture.vaultDir, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run());
  result = await checkAfter(fixture);
  result.core.close();
  expect(result.check.problems).toEqual(
    expect.arrayContaining([{ kind: 'audit', id: '4', detail: expect.stringMatching(/missing/) }]),
  );
});

test('a row inserted outside Hearth is named', async () => {
  rawDb(fixture.vaultDir, (db) =>
    db
      .prepare(
        'INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext) SELECT ?, container_id, kind, seq, key_ref, nonce, ciphertext FROM records WHERE record_id = ?',
      )
      .run('case_' + 'f'.repeat(32), fixture.caseB),
  );
  const { core, check } = await checkAfter(fixture);
  core.close();
  expect(check.problems).toEqual([
    {
      kind: 'record',
      id: 'case_' + 'f'.repeat(32),
      code: 'RECORD_UNREADABLE',
      detail: expect.stringMatching(/fails authentication/),
    },
  ]);
});
