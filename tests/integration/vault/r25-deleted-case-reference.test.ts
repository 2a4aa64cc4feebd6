// sec57's residual (red team 25, R25-2 family): no key. A case row DELETEd together with every
// case-order row: the sealed order no longer names it, the listing cannot, and its blind index
// went with the row, so its reference could be given to a new case (two children under one
// reference). Now the reference's history in the audit index names the entry that gave it; that
// case being absent from the file refuses the reference (CONFLICT, REFERENCE_OF_DELETED_CASE)
// with the case id and the next step. A reference Hearth itself freed (a rename) stays free.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const newCase = (reference: string) => ({
  reference,
  childAlias: 'K',
  childAgeYears: 7,
  language: 'en',
});

function deleteRows(vaultDir: string, caseId: string): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    expect(db.prepare('DELETE FROM records WHERE record_id = ?').run(caseId).changes).toBe(1);
    expect(
      db.prepare("DELETE FROM records WHERE kind = 'case-order'").run().changes,
    ).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

test.each([
  ['beside another case', true],
  ['the only case', false],
])(
  'a case deleted with its order rows (%s): its reference is not given to a new case',
  async (_label, another) => {
    let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
    try {
      await signInAs(core, 'ola');
      if (another) await makeCase(core, 'SEEN-1');
      const gone = await makeCase(core, 'GONE-7');
      await call(core, 'vault.lock', {});
      core.close();
      deleteRows(core.vaultDir, gone);
      core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
      for (const who of ['ola', 'admin']) {
        await signInAs(core, who);
        for (const reference of ['GONE-7', ' gone-7 ']) {
          const refused = await callError(core, 'cases.create', newCase(reference));
          expect(refused.code).toBe('CONFLICT');
          expect(refused.reason).toBe('REFERENCE_OF_DELETED_CASE');
          expect(refused.message).toContain(gone);
          expect(refused.message).toMatch(/hearth vault check.*hearth vault restore/);
          expect(refused.message).not.toMatch(/GONE-7/i);
        }
        // Other references are free as before.
        await call(core, 'cases.create', newCase(`NEW-${who}`));
        await call(core, 'vault.lock', {});
      }
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);

test('a reference freed by a rename is free; the new one is taken; renaming a case onto a deleted case reference is refused', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const renamed = await makeCase(core, 'OLD-1');
    await call(core, 'cases.update', { caseId: renamed, patch: { reference: 'NEW-1' } });
    const reused = (await call(core, 'cases.create', newCase('OLD-1'))).caseId;
    expect(reused).not.toBe(renamed);
    expect((await callError(core, 'cases.create', newCase('NEW-1'))).code).toBe('CONFLICT');
    const gone = await makeCase(core, 'GONE-2');
    await call(core, 'vault.lock', {});
    core.close();
    deleteRows(core.vaultDir, gone);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const refused = await callError(core, 'cases.update', {
      caseId: reused,
      patch: { reference: 'GONE-2' },
    });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.reason).toBe('REFERENCE_OF_DELETED_CASE');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
