// perf20 (issue #22; session 31's regression): an admin's sign-in looked up the creation entry of
// every sec28/sec29 allegation certificate still signed in the clear by someone other than the
// centre key (one signature check per row, and a walk of the audit log when a case was edited
// since), at EVERY sign-in: the rows it refuses (R15-8: not the creator's; or junk signers put
// in the file, no key needed) are never bound, so they came back each time. Now the set left
// unbound is remembered under a MAC only an admin can make (migration 0013): the next sign-in
// does the same work with 1,000 such rows as with none; a changed row is examined again, once;
// a MAC put in by someone without the key is not believed. Counted, never timed.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { initCrypto } from '../../../src/crypto';
import { createCase, Vault, vaultFile } from '../../../src/vault';
import { AuditLog } from '../../../src/vault/audit';
import { ADMIN, call, FAST_ARGON2, makeCore, removeDir, tempDir } from '../../helpers/core';
import { counted, type Counts } from '../../helpers/work-counter';

jest.setTimeout(600_000);

const CASES = 1_000;

/** Sets the clear signer of every version-1 allegation certificate to junk bytes (no key). */
function junkSigners(dir: string): number {
  const db = new Database(vaultFile(dir));
  try {
    const ids = db
      .prepare("SELECT key_id FROM key_certs WHERE key_id LIKE 'allegation:%@1'")
      .all() as Array<{ key_id: string }>;
    const update = db.prepare('UPDATE key_certs SET signer = ? WHERE key_id = ?');
    db.transaction(() => {
      for (const { key_id } of ids) update.run(randomBytes(32), key_id);
    })();
    return ids.length;
  } finally {
    db.close();
  }
}

/** One admin sign-in's work (statements, rows, decryptions, log pages, signed-entry reads). */
async function adminSignIn(dir: string): Promise<Counts & { claimAt: number }> {
  const claimAt = jest.spyOn(AuditLog.prototype, 'claimAt');
  const core = makeCore(dir);
  try {
    const counts = await counted(() =>
      call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
    );
    return { ...counts, claimAt: claimAt.mock.calls.length };
  } finally {
    claimAt.mockRestore();
    core.close();
  }
}

test('an admin sign-in does the same work with 1,000 refused legacy certificates as with none, after examining them once', async () => {
  await initCrypto();
  const plain = tempDir();
  const junk = tempDir();
  try {
    const { vault } = Vault.create(plain, ADMIN, { argon2: FAST_ARGON2 });
    vault.transact(() => {
      for (let i = 0; i < CASES; i++)
        createCase(vault, {
          reference: `CAC-${i}`,
          childAlias: `Child ${i}`,
          childAgeYears: 7,
          language: 'en',
          allegationSummary: 'QALLEGQ',
        });
    });
    vault.close();
    await adminSignIn(plain); // the first sign-in after creation settles what it settles
    cpSync(plain, junk, { recursive: true });
    expect(junkSigners(junk)).toBe(CASES);

    const none = await adminSignIn(plain);
    const first = await adminSignIn(junk);
    // The first sign-in examines every row (this is the work that used to recur).
    expect(first.claimAt).toBeGreaterThanOrEqual(CASES);
    const again = await adminSignIn(junk);
    const third = await adminSignIn(junk);
    expect(again).toEqual(none);
    expect(third).toEqual(none);

    // One row changed in the file: examined again, once (the set differs), then remembered.
    const db = new Database(vaultFile(junk));
    const one = db
      .prepare("SELECT key_id FROM key_certs WHERE key_id LIKE 'allegation:%@1' LIMIT 1")
      .get() as { key_id: string };
    db.prepare('UPDATE key_certs SET signer = ? WHERE key_id = ?').run(randomBytes(32), one.key_id);
    // A MAC written without the key is not believed either.
    db.prepare('UPDATE legacy_certs_examined SET mac = ?').run(randomBytes(32));
    db.close();
    expect((await adminSignIn(junk)).claimAt).toBeGreaterThanOrEqual(CASES);
    expect(await adminSignIn(junk)).toEqual(none);

    // Still refused, and still named by vault check (nothing was bound or hidden).
    const checker = makeCore(junk);
    try {
      await call(checker, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      const { problems, groups } = (await call(checker, 'vault.check', {})) as {
        problems: Array<{ code: string }>;
        groups: Array<{ code?: string; count: number }>;
      };
      // Every one counted; the report lists the first 20 of a code (perf22).
      expect(groups.find((g) => g.code === 'ALLEGATION_CERT_NOT_CREATOR')?.count).toBe(CASES);
      expect(problems.filter((p) => p.code === 'ALLEGATION_CERT_NOT_CREATOR')).toHaveLength(20);
    } finally {
      checker.close();
    }
  } finally {
    removeDir(plain);
    removeDir(junk);
  }
});
