// Red team 24, R24-12 and R24-11 (high): `users.remove` rotated what the removed user's key rows
// showed (`key_wraps WHERE holder = ?`, answered through key_wraps_by_holder). With write access
// to the file and no key, deleting ivan's one wrap of class:case before his removal (R24-12), or
// rebuilding key_wraps_by_holder to leave that row out with its SQL text put back (R24-11), made
// the removal skip class:case: ivan read every case made after it with the keys of a copy he
// kept, and vault check found nothing. Now a removal rotates every class key of the user's role
// (and every allegation key the signed log says was revealed to them) whatever rows are present,
// and reads key rows by table scan.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

type Tamper = (db: Database.Database) => void;

/** R24-12: ivan's own wraps of class:case and of the allegation revealed to him, deleted. */
const deleteRows: Tamper = (db) => {
  const gone = db
    .prepare("DELETE FROM key_wraps WHERE holder GLOB 'user:ivan@*' AND (logical = 'class:case' OR logical GLOB 'allegation:*')")
    .run().changes;
  expect(gone).toBe(2);
};

/** R24-11: key_wraps_by_holder rebuilt without those rows, its SQL text put back (no key). */
const narrowIndex: Tamper = (db) => {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'key_wraps_by_holder'").get() as { sql: string };
  db.exec('DROP INDEX key_wraps_by_holder');
  db.exec(`${sql} WHERE NOT (holder GLOB 'user:ivan@*' AND (logical = 'class:case' OR logical GLOB 'allegation:*'))`);
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_master SET sql = ? WHERE name = 'key_wraps_by_holder'").run(sql);
  db.pragma('writable_schema = OFF');
  db.unsafeMode(false);
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
};

async function removalAfter(tamper: Tamper, label: string): Promise<void> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), `r24-rm-${label}-`));
  try {
    await signInAs(core, 'admin');
    const blind = await makeCase(core, 'BLIND-1', true);
    await call(core, 'cases.revealAllegationTo', { caseId: blind, username: 'ivan' });
    await call(core, 'vault.lock', {});
    // ivan, still employed, keeps a copy of the file and his keys.
    const kept = offlineRead(copyVault(core.vaultDir, work, 'old'), { username: 'ivan', passphrase: PASS }).keys;
    expect(kept.has('class:case@1')).toBe(true);
    expect(kept.has(`allegation:${blind}@1`)).toBe(true);
    core.close();

    const db = new Database(vaultFile(core.vaultDir));
    tamper(db);
    db.close();
    // What `WHERE holder = ?` now answers for ivan (a fresh connection reads the schema anew).
    const probe = new Database(vaultFile(core.vaultDir), { readonly: true });
    const seen = probe.prepare("SELECT logical FROM key_wraps WHERE holder = 'user:ivan@1'").all() as Array<{ logical: string }>;
    probe.close();
    expect(seen.map((r) => r.logical)).not.toContain('class:case');

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    await call(core, 'users.remove', { username: 'ivan' });
    await call(core, 'cases.update', { caseId: blind, patch: { allegationSummary: 'QBLINDLATERQ' } });
    await signInAs(core, 'ola');
    await call(core, 'cases.create', {
      reference: 'AFTER-REMOVAL',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'QAFTERQ',
    });
    await call(core, 'vault.lock', {});

    const later = copyVault(core.vaultDir, work, 'later');
    const peek = new Database(later, { readonly: true });
    const versions = (logical: string) =>
      (peek.prepare('SELECT DISTINCT version FROM key_wraps NOT INDEXED WHERE logical = ? ORDER BY version').all(logical) as Array<{ version: number }>).map((r) => r.version);
    expect(versions('class:case')).toEqual([1, 2]);
    expect(versions(`allegation:${blind}`)).toEqual([1, 2]);
    // No row under any of ivan's key versions is left, whatever the index says.
    expect(peek.prepare("SELECT count(*) AS n FROM key_wraps NOT INDEXED WHERE holder GLOB 'user:ivan@*'").get()).toEqual({ n: 0 });
    peek.close();
    // ivan's kept keys open nothing written after his removal.
    const view = offlineRead(later, { keys: kept });
    expect(view.plaintext).not.toContain('AFTER-REMOVAL');
    expect(view.plaintext).not.toContain('QAFTERQ');
    expect(view.plaintext).not.toContain('QBLINDLATERQ');
    // The keys did open something: the records written before and left as they were.
    expect(view.plaintext).toContain('"role":"interviewer"');

    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'REMOVAL_INCOMPLETE')).toEqual([]);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
}

test('R24-12: a removal after the user\'s own key rows were deleted still rotates the case key and the revealed allegation key', async () => {
  await removalAfter(deleteRows, 'rows');
});

test('R24-11: a removal through a holder index rebuilt to leave rows out still rotates the case key and the revealed allegation key', async () => {
  await removalAfter(narrowIndex, 'index');
});
