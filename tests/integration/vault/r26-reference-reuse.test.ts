// Red team 26, R26-5: sec59 refuses a reference whose case was deleted outside Hearth through a
// pointer row in audit_index; deleting that row too (no key: the case row, its order rows and
// the pointer) freed the reference, a new case took it, and vault check named only the deleted
// case. The creating entry now seals the reference's tag, and vault check names the reuse
// (REFERENCE_REUSED: the new case, the deleted one, both entries). A rename (Hearth freeing the
// reference itself) followed by a new case under the old reference is not a reuse.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, makeCore, removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  makeCase,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

const newCase = (reference: string) => ({
  reference,
  childAlias: 'K',
  childAgeYears: 7,
  language: 'en',
});

test('a reference freed by deleting the case row, its order rows and the pointer: the reuse is named', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    const gone = await makeCase(core, 'GONE-7');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare('DELETE FROM records WHERE record_id = ?').run(gone).changes).toBe(1);
    expect(
      db.prepare("DELETE FROM records WHERE kind = 'case-order'").run().changes,
    ).toBeGreaterThan(0);
    expect(
      db.prepare("DELETE FROM audit_index WHERE record_id LIKE 'caseref:%'").run().changes,
    ).toBeGreaterThan(0);
    db.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    // The creation itself still goes through (the pointer is gone: the residual), ...
    const { caseId: again } = await call(core, 'cases.create', newCase(' gone-7 '));
    // ... and the check names it, once, with both cases.
    const problems = await checkAsAdmin(core);
    const reused = problems.filter((p) => p.code === 'REFERENCE_REUSED');
    expect(reused.map((p) => [p.id, p.values?.other])).toEqual([[again, gone]]);
    expect(Number(reused[0]!.values?.entry)).toBeGreaterThan(Number(reused[0]!.values?.firstEntry));
    expect(reused[0]!.detail).not.toMatch(/GONE-7/i);
    expect(problems.filter((p) => p.code === 'RECORD_MISSING').map((p) => p.id)).toContain(gone);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a reference Hearth freed (the case renamed) and given to a new case is not a reuse', async () => {
  const core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const first = await makeCase(core, 'OLD-1');
    await call(core, 'cases.update', { caseId: first, patch: { reference: 'NEW-1' } });
    await call(core, 'cases.create', newCase('OLD-1'));
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'REFERENCE_REUSED')).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
