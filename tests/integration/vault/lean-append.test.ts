// Issue #22: a durable note append writes few pages (migration 0008). The summary rewrite no
// longer moves its records_by_kind entry, and each record's audit pointer sits in its own row
// instead of a second B-tree. This file checks both sides of that change: a vault written with
// the old layout (pointers in audit_index, seq in the index) opens, migrates and verifies the
// same; and the pages a note writes to the WAL, counted from the file, stay few. A page count
// depends on the code and the data, not on the machine's speed.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../../src/vault/migrate';
import { initCrypto } from '../../../src/crypto';
import { Vault, vaultFile } from '../../../src/vault';
import { walFramePages } from '../../../bench/wal-frames';
import { ADMIN, call, FAST_ARGON2, makeCore, removeDir, tempDir } from '../../helpers/core';
import { vaultWithSession } from '../../helpers/sessions';

jest.setTimeout(300_000);

const TEXT = 'Child: we went to the garage and then the dog barked at the gate. '.repeat(3);

/**
 * Rewrites a current vault into the layout of schema version 7 (before migration 0008). The key
 * certificates (0010) and the key-row triggers (0011, 0012) are not part of schema 7: the certificates
 * are moved aside to `key_certs_kept` (this vault has had them, so dropping them would be the
 * KEY_CERTS_REMOVED tampering of sec30, not a vault from before sec28), the triggers and the
 * examined-certificates table (0013) dropped, so that re-running 0010 to 0013 succeeds.
 */
function downgradeToSchema7(vaultDir: string): number {
  const db = new Database(vaultFile(vaultDir));
  try {
    return db.transaction(() => {
      const moved = db
        .prepare(
          `INSERT INTO audit_index (record_id, chain_key_id, nonce, sealed_seq)
             SELECT record_id, audit_chain_key_id, audit_nonce, audit_sealed_seq FROM records
              WHERE audit_sealed_seq IS NOT NULL`,
        )
        .run().changes;
      db.exec(`DROP INDEX records_by_kind;
        CREATE INDEX records_by_kind ON records (kind, container_id, seq) WHERE kind <> 'event';
        ALTER TABLE records DROP COLUMN audit_chain_key_id;
        ALTER TABLE records DROP COLUMN audit_nonce;
        ALTER TABLE records DROP COLUMN audit_sealed_seq;
        DROP TABLE audit_session_index;
        ALTER TABLE key_certs RENAME TO key_certs_kept;
        DROP TRIGGER key_wraps_version_integer_insert;
        DROP TRIGGER key_wraps_version_integer_update;
        DROP TRIGGER key_wraps_version_bound_insert;
        DROP TRIGGER key_wraps_version_bound_update;
        DROP TABLE IF EXISTS legacy_certs_examined;
        PRAGMA user_version = 7;`);
      return moved;
    })();
  } finally {
    db.close();
  }
}

test('a vault with the schema 7 layout migrates (0008): pointers move into the rows, verify and listings agree', async () => {
  const core = await vaultWithSession();
  const { vaultDir: dir, sessionId, caseId } = core;
  try {
    for (let i = 0; i < 12; i++)
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: `${TEXT} ${i}` });
    const verifyBefore = await call(core, 'sessions.verify', { sessionId });
    const listBefore = await call(core, 'sessions.list', { caseId });
    core.close();
    const moved = downgradeToSchema7(dir);
    expect(moved).toBeGreaterThan(12);
    // Hearth's migrations 0008-0012 run (the same `migrate` that opening the vault runs; a core
    // opens the file only at sign-in), then the vault's own key certificates go back in: a vault
    // that has had them must never start over without them (sec30, R15-1: KEY_CERTS_REMOVED).
    const file = new Database(vaultFile(dir));
    try {
      expect(migrate(file)).toBe(loadMigrations().length);
      file.exec('INSERT INTO key_certs SELECT * FROM key_certs_kept; DROP TABLE key_certs_kept;');
    } finally {
      file.close();
    }

    const reopened = makeCore(dir);
    try {
      await call(reopened, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      expect(await call(reopened, 'sessions.verify', { sessionId })).toEqual(verifyBefore);
      // The listing reads the summaries (written before the migration, still current); reopening
      // a live session may add its own marker event, so the count can only grow.
      const listAfter = await call(reopened, 'sessions.list', { caseId });
      const ids = (l: typeof listAfter) => l.sessions.map((x) => x.sessionId);
      expect(ids(listAfter)).toEqual(ids(listBefore));
      expect(listAfter.sessions[0]?.eventCount).toBeGreaterThanOrEqual(
        listBefore.sessions[0]?.eventCount ?? Infinity,
      );
      // A new note after the migration is anchored and verified like the ones before it.
      await call(reopened, 'sessions.addNote', { sessionId, kind: 'question', text: 'And then?' });
      const after = (await call(reopened, 'sessions.verify', { sessionId })) as { ok: boolean };
      expect(after.ok).toBe(true);
    } finally {
      reopened.close();
    }
    const db = new Database(vaultFile(dir), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      const leftInIndex = db
        .prepare(
          'SELECT count(*) AS n FROM audit_index WHERE record_id IN (SELECT record_id FROM records)',
        )
        .get() as { n: number };
      expect(leftInIndex.n).toBe(0);
      const events = db
        .prepare(
          "SELECT count(*) AS n FROM records WHERE container_id = ? AND kind = 'event' AND audit_sealed_seq IS NOT NULL",
        )
        .get(sessionId) as { n: number };
      expect(events.n).toBeGreaterThanOrEqual(13);
    } finally {
      db.close();
    }
  } finally {
    removeDir(dir);
  }
});

// Five since migration 0009: the per-session audit index row (one leaf of its own B-tree) is
// what lets the write-once check before a seal, addendum or export read only that session's
// entries instead of every entry since the session started (issue #22, write-once.ts).
test('a durable note writes at most five WAL pages (median of 40; the old layout wrote six)', async () => {
  const core = await vaultWithSession();
  const { vaultDir: dir, sessionId } = core;
  const wal = join(dir, 'hearth-vault.db-wal');
  try {
    const perNote: number[] = [];
    for (let i = 0; i < 40; i++) {
      const before = walFramePages(wal).length;
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: `${TEXT} ${i}` });
      const after = walFramePages(wal).length;
      // A checkpoint restarts the log; that note is not counted.
      if (after > before) perNote.push(after - before);
    }
    perNote.sort((a, b) => a - b);
    expect(perNote.length).toBeGreaterThan(30);
    expect(perNote[perNote.length >> 1]).toBeLessThanOrEqual(5);
  } finally {
    core.close();
    removeDir(dir);
  }
});

// Each record's audit pointer is written in the same statement as its row (issue #22): the
// record's INSERT or UPDATE carries the pointer sealed for the entry the write is about to append,
// so the row is not rewritten by a second UPDATE. The pointer names its entry number; when another
// entry is appended in between (a write inside the write), the append rewrites the pointers
// that name the wrong entry, as before.
test('a record points at the entry that wrote it, also when another entry is appended in between', async () => {
  await initCrypto();
  const dir = tempDir();
  const { vault } = Vault.create(dir, ADMIN, { argon2: FAST_ARGON2 });
  const address = (recordId: string, seq = 1) => ({
    recordId,
    containerId: 'practice',
    kind: 'bench-note',
    seq,
    keyRef: 'class:practice',
  });
  const entryOf = (recordId: string) =>
    vault.audit.entryForRecord(
      recordId,
      vault.records.hashOf(recordId) as string,
      vault.signerLookup(),
    );
  try {
    // A plain write: both records point at its entry, the newer version of 'a' too.
    vault.write('test.first', undefined, (put) => {
      put(address('rec:a'), { n: 1 });
      put(address('rec:b'), { n: 1 });
    });
    const first = entryOf('rec:a');
    expect(first).toMatchObject({ ok: true, signer: expect.any(String) });
    expect(entryOf('rec:b')).toEqual(first);
    vault.write('test.second', undefined, (put) => put(address('rec:a', 2), { n: 2 }));
    const second = entryOf('rec:a');
    expect(second.ok && first.ok && second.auditSeq).toBe(first.ok && first.auditSeq + 1);
    expect(entryOf('rec:b')).toEqual(first);

    // A write inside the write: the outer records were sealed for the entry the inner one took.
    vault.write('test.outer', undefined, (put) => {
      put(address('rec:c'), { n: 1 });
      vault.write('test.inner', undefined, (inner) => inner(address('rec:d'), { n: 1 }));
      put(address('rec:a', 3), { n: 3 });
    });
    const inner = entryOf('rec:d');
    const outer = entryOf('rec:c');
    expect(inner).toMatchObject({ ok: true });
    expect(outer).toMatchObject({ ok: true });
    expect(outer.ok && inner.ok && outer.auditSeq).toBe(inner.ok && inner.auditSeq + 1);
    expect(entryOf('rec:a')).toEqual(outer);
    expect(vault.audit.verify(vault.signerLookup()).problems).toEqual([]);
  } finally {
    vault.close();
    removeDir(dir);
  }
});
