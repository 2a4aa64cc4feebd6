// Red team 26, R26-2 (high): an older copy of a case row put back, then edited once through the
// app, left vault check clean and the newer version gone for good. (a) The older payload with
// the row's audit pointer columns set to NULL was shown without error (a missing pointer read as
// "no pointer yet") and one cases.update built on it; (b) the whole older row, pointer included,
// names the older entry, which verifies. Now (a) is refused at read and at write (TAMPERED,
// reason RECORD_NOT_LATEST: outside the pointer migration's pending task a record without a
// pointer is unproven), and for (b) vault check names the two signed entries that write the
// same version of the record with other content (RECORD_VERSION_REWRITTEN) after the edit.
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

const COLUMNS = [
  'seq',
  'nonce',
  'ciphertext',
  'audit_chain_key_id',
  'audit_nonce',
  'audit_sealed_seq',
] as const;
type Row = Record<(typeof COLUMNS)[number], unknown>;

/** A case edited once (OLD-REF → NEW-REF), with a copy of its row from before the edit. */
async function caseWithOlderCopy(): Promise<{ core: Core; caseId: string; older: Row }> {
  const core = await vaultWithStaff([['ola', 'interviewer']]);
  const vault = await signInAs(core, 'ola');
  const caseId = await makeCase(core, 'OLD-REF');
  const db = (vault as unknown as { db: Database.Database }).db;
  const older = db
    .prepare(`SELECT ${COLUMNS.join(', ')} FROM records WHERE record_id = ?`)
    .get(caseId) as Row;
  await call(core, 'cases.update', { caseId, patch: { reference: 'NEW-REF' } });
  await call(core, 'vault.lock', {});
  core.close();
  return { core, caseId, older };
}

function putBack(core: Core, caseId: string, row: Row): void {
  const db = new Database(vaultFile(core.vaultDir));
  db.prepare(
    `UPDATE records SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE record_id = @id`,
  ).run({
    ...row,
    id: caseId,
  });
  db.close();
}

test('an older copy put back with its pointer cleared is refused at read and at write', async () => {
  const made = await caseWithOlderCopy();
  const { caseId, older } = made;
  let core = made.core;
  try {
    putBack(core, caseId, {
      ...older,
      audit_chain_key_id: null,
      audit_nonce: null,
      audit_sealed_seq: null,
    });
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const got = await core.invoke('cases.get', { caseId });
    expect(got.ok ? 'shown' : `${got.error.code}/${got.error.reason}`).toBe(
      'TAMPERED/RECORD_NOT_LATEST',
    );
    const edit = await core.invoke('cases.update', { caseId, patch: { childAlias: 'B' } });
    expect(edit.ok ? 'written' : `${edit.error.code}/${edit.error.reason}`).toBe(
      'TAMPERED/RECORD_NOT_LATEST',
    );
    if (!edit.ok) expect(edit.error.message).toContain('hearth vault restore');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the whole older row put back and edited once: vault check names both entries writing that version', async () => {
  const made = await caseWithOlderCopy();
  const { caseId, older } = made;
  let core = made.core;
  try {
    putBack(core, caseId, older);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    await call(core, 'cases.update', { caseId, patch: { childAlias: 'B' } });
    const problems = await checkAsAdmin(core);
    const rewritten = problems.filter((p) => p.code === 'RECORD_VERSION_REWRITTEN');
    expect(rewritten.map((p) => p.id)).toEqual([caseId]);
    const values = rewritten[0]!.values!;
    expect(values.version).toBe(values.firstVersion);
    expect(Number(values.entry)).toBeGreaterThan(Number(values.firstEntry));
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
