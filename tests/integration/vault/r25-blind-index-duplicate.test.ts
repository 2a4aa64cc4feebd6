// Red team 24, R24-3 (low/medium): records_by_blind_index, the UNIQUE index that refuses a second
// case with the same reference, rebuilt without one case and its SQL text put back (no key). The
// lookup and the UNIQUE constraint both go through that index, so `cases.create` accepted the
// duplicate reference; vault check named only INDEX_DISAGREES and advised SQLite's REINDEX,
// which then fails ("UNIQUE constraint failed"). Now the create looks the reference up along the
// primary key on a miss and refuses; and for a duplicate already in a file the check names both
// cases (BLIND_INDEX_DUPLICATE) and does not advise a REINDEX that cannot succeed.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { narrowIndex } from '../../helpers/narrow-index';
import { checkAsAdmin, makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const input = (reference: string) => ({ reference, childAlias: 'B', childAgeYears: 8, language: 'en' });

test('with the blind index rebuilt without a case, a case with its reference (any spelling) is refused and nothing is written', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const seen = await makeCase(core, 'SEEN-1');
    const other = await makeCase(core, 'OTHER-2');
    await call(core, 'vault.lock', {});
    core.close();
    narrowIndex(core.vaultDir, 'records_by_blind_index', [seen]);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    for (const reference of ['SEEN-1', ' seen-1 ']) {
      const refused = await callError(core, 'cases.create', input(reference));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/already uses this case reference/);
    }
    // Renaming another case to it is refused the same way.
    expect((await callError(core, 'cases.update', { caseId: other, patch: { reference: 'SEEN-1' } })).code).toBe('CONFLICT');
    // A new reference is still accepted, and a case keeps its own on an unrelated change.
    await call(core, 'cases.create', input('NEW-3'));
    await call(core, 'cases.update', { caseId: other, patch: { reference: 'OTHER-2', childAlias: 'C' } });
    const listed = await call(core, 'cases.list', {});
    expect((listed.cases as Array<{ reference: string }>).map((c) => c.reference).sort()).toEqual(['NEW-3', 'OTHER-2', 'SEEN-1']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a duplicate reference already in the file (index dropped while it was written): vault check names both cases and does not advise REINDEX', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const first = await makeCase(core, 'SEEN-1');
    const second = await makeCase(core, 'SECOND-2');
    await call(core, 'vault.lock', {});
    core.close();
    // The duplicate as an older Hearth let it in: the second case's blind index set to the
    // first's (what its write stored for the same reference), with the index narrowed first so
    // SQLite accepts it. The records stay as written, so only the index values are compared.
    narrowIndex(core.vaultDir, 'records_by_blind_index', [first]);
    const db = new Database(vaultFile(core.vaultDir));
    const { blind_index: firstIndex } = db.prepare('SELECT blind_index FROM records WHERE record_id = ?').get(first) as { blind_index: Buffer };
    db.prepare('UPDATE records SET blind_index = ? WHERE record_id = ?').run(firstIndex, second);
    db.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    const problems = await checkAsAdmin(core);
    const duplicate = problems.filter((p) => p.code === 'BLIND_INDEX_DUPLICATE');
    expect(duplicate).toHaveLength(1);
    expect([duplicate[0]!.id, duplicate[0]!.values?.other].sort()).toEqual([first, second].sort());
    const disagrees = problems.find((p) => p.code === 'INDEX_DISAGREES' && p.values?.index === 'records_by_blind_index');
    expect(disagrees?.detail).toMatch(/REINDEX cannot rebuild it/);
    expect(disagrees?.detail).not.toMatch(/REINDEX on a copy also rebuilds/);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('with the blind index dropped (SCHEMA_MISSING), a duplicate reference is still refused', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    db.exec('DROP INDEX records_by_blind_index');
    db.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    expect((await callError(core, 'cases.create', input('seen-1'))).code).toBe('CONFLICT');
    await call(core, 'cases.create', input('OTHER-2'));
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
