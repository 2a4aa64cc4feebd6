// Red team 24, R24-1 (the read-time part): no key. An older copy of a case record put back (a
// valid ciphertext Hearth wrote, just not the latest) was read without complaint; only vault check
// named it (RECORD_NOT_LATEST, a walk of the whole log). Where the file still says which entry
// wrote the latest version (the record's own audit pointer, when the older copy's payload is put
// back over the row), opening the case now refuses TAMPERED RECORD_NOT_LATEST naming the entry and
// the next step. Where it cannot tell (the whole older row put back, pointer included, so the
// pointer names the older entry), vault check still names it: the second test pins that residual.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  makeCase,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

type Row = Record<string, unknown>;

async function caseWithOlderCopy(): Promise<{ core: Core; caseId: string; older: Row }> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  await signInAs(core, 'ola');
  const caseId = await makeCase(core, 'LATEST-1');
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(core.vaultDir), { readonly: true });
  const older = db.prepare('SELECT * FROM records WHERE record_id = ?').get(caseId) as Row;
  db.close();
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  await signInAs(core, 'ola');
  await call(core, 'cases.update', { caseId, patch: { childAlias: 'Newer alias' } });
  await call(core, 'vault.lock', {});
  core.close();
  return { core, caseId, older };
}

function putBack(vaultDir: string, caseId: string, older: Row, columns: string[]): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    const set = columns.map((c) => `${c} = @${c}`).join(', ');
    expect(
      db
        .prepare(`UPDATE records SET ${set} WHERE record_id = @record_id`)
        .run({ ...older, record_id: caseId }).changes,
    ).toBe(1);
  } finally {
    db.close();
  }
}

test("an older copy of a case's payload put back over its row: opening the case refuses RECORD_NOT_LATEST", async () => {
  const { core: closed, caseId, older } = await caseWithOlderCopy();
  putBack(closed.vaultDir, caseId, older, ['seq', 'nonce', 'ciphertext']);
  const core = Object.assign(makeCore(closed.vaultDir), { recoveryKey: closed.recoveryKey });
  try {
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      const refused = await callError(core, 'cases.get', { caseId });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.reason).toBe('RECORD_NOT_LATEST');
      expect(refused.message).toMatch(/audit entry \d+/);
      expect(refused.message).toMatch(/hearth vault check.*hearth vault restore/);
      expect(refused.message).not.toMatch(/LATEST-1|alias/i);
      // Nothing is written over it either.
      expect(
        (await callError(core, 'cases.update', { caseId, patch: { childAlias: 'X' } })).reason,
      ).toBe('RECORD_NOT_LATEST');
      await call(core, 'vault.lock', {});
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the whole older row put back, its audit pointer included: the read cannot tell; vault check names RECORD_NOT_LATEST (residual)', async () => {
  const { core: closed, caseId, older } = await caseWithOlderCopy();
  putBack(closed.vaultDir, caseId, older, [
    'seq',
    'nonce',
    'ciphertext',
    'audit_chain_key_id',
    'audit_nonce',
    'audit_sealed_seq',
  ]);
  const core = Object.assign(makeCore(closed.vaultDir), { recoveryKey: closed.recoveryKey });
  try {
    await signInAs(core, 'ola');
    expect((await call(core, 'cases.get', { caseId })).childAlias).not.toBe('Newer alias');
    await call(core, 'vault.lock', {});
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'RECORD_NOT_LATEST' && p.id === caseId)).toHaveLength(
      1,
    );
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
