// Red team 24, R24-1 (high): R23-1's index edit (records_by_kind rebuilt to leave a case out, its
// SQL text put back) together with the case order record deleted (no key). The next sign-in
// found "no case order index", rebuilt it from a listing read through the damaged index and
// SIGNED it (cases.reindexOrder, totals without the case): the case vanished from every user's
// Cases screen for good, since the sealed totals now agreed with the damaged index. Now the
// rebuild counts the case records in the table itself before signing, and refuses; listings
// that read every case refuse too, naming the index.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

/** records_by_kind rebuilt without `hidden`, SQL text put back; the case order record deleted. */
function hideCase(vaultDir: string, hidden: string): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    const index = 'records_by_kind';
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as { sql: string };
    db.exec(`DROP INDEX "${index}"`);
    db.exec(/\bWHERE\b/i.test(sql) ? `${sql} AND record_id <> '${hidden}'` : `${sql} WHERE record_id <> '${hidden}'`);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'index' AND name = ?").run(sql, index);
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
    expect(db.prepare("DELETE FROM records WHERE kind = 'case-order'").run().changes).toBe(1);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

test('with the case order record deleted and a case left out of records_by_kind, no sign-in signs a rebuilt order without the case, and the Cases list refuses, naming the index', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    const hidden = await makeCase(core, 'HIDDEN-2');
    await call(core, 'vault.lock', {});
    core.close();
    hideCase(core.vaultDir, hidden);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      const refused = await callError(core, 'cases.list', {});
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toContain('records_by_kind');
      expect(refused.message).toMatch(/vault check/);
      // The case still opens by its id (the primary key, not the damaged index).
      expect(JSON.stringify(await call(core, 'cases.get', { caseId: hidden }))).toContain('HIDDEN-2');
    }
    // No sign-in signed an order index from the damaged one.
    const entries = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ action: string }>;
    expect(entries.filter((e) => e.action === 'cases.reindexOrder')).toEqual([]);
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'INDEX_DISAGREES').map((p) => p.values?.index)).toEqual(['records_by_kind']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a vault whose order index is missing but whose indexes are sound still gets it rebuilt at sign-in (the upgrade path)', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'ONE-1');
    await makeCase(core, 'TWO-2');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare("DELETE FROM records WHERE kind = 'case-order'").run().changes).toBe(1);
    db.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const listed = await call(core, 'cases.list', {});
    expect((listed.cases as Array<{ reference: string }>).map((c) => c.reference).sort()).toEqual(['ONE-1', 'TWO-2']);
    await signInAs(core, 'admin');
    const entries = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ action: string; actor: string }>;
    expect(entries.filter((e) => e.action === 'cases.reindexOrder').map((e) => e.actor)).toEqual(['ola']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
