// Red team 23, R23-1 (high): with write access to the file and no key, the index records_by_kind
// was rebuilt to leave one case out (a partial index with one more condition), then its SQL text
// put back through writable_schema, so the schema check saw Hearth's own SQL. Every listing
// reads cases through that index: the case vanished from the Cases screen, and the schema check,
// quick_check and `vault check` were clean (only PRAGMA integrity_check saw it). Now vault check
// runs integrity_check and names the index (INDEX_DISAGREES), and a listing whose sealed totals
// count more cases than the index holds counts the table itself (only then: a scan of the
// records table) and refuses, naming the index, instead of showing a list without the case.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

/** Rebuilds `index` without the rows of record `hidden`, then restores its SQL text as it was. */
function rebuildWithout(vaultDir: string, index: string, hidden: string): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as {
      sql: string;
    };
    db.exec(`DROP INDEX "${index}"`);
    const narrowed = /\bWHERE\b/i.test(sql)
      ? `${sql} AND record_id <> '${hidden}'`
      : `${sql} WHERE record_id <> '${hidden}'`;
    db.exec(narrowed);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'index' AND name = ?").run(sql, index);
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

test('a case left out of a rebuilt records index: the listing refuses and names the index instead of hiding the case; vault check names it', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    const hidden = await makeCase(core, 'HIDDEN-2');
    expect((await call(core, 'cases.list', {})).cases).toHaveLength(2);
    await call(core, 'vault.lock', {});
    core.close();
    rebuildWithout(core.vaultDir, 'records_by_kind', hidden);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const refused = await callError(core, 'cases.list', {});
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toContain('records_by_kind');
    expect(refused.message).toMatch(/vault check/);
    // The case itself still opens (by its id: the primary key, not the damaged index).
    expect(JSON.stringify(await call(core, 'cases.get', { caseId: hidden }))).toContain('HIDDEN-2');

    const problems = await checkAsAdmin(core);
    const named = problems.filter((p) => p.code === 'INDEX_DISAGREES');
    expect(named.map((p) => p.values?.index)).toEqual(['records_by_kind']);
    expect(named[0]!.detail).toMatch(/REINDEX|restore/);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
