// Red team 26, R26-4 (low): findings came back from vault.check with no `code`, only a "CODE:"
// prefix inside `detail` (the rollback kind's AUDIT_START_MOVED, the case order's
// CASE_ORDER_MISSING), and a planted row that does not open (a case row copied to record_id
// 'case') was also worded as a real case left out of the case order. Now every finding of these
// edits has a code, and the planted row is only RECORD_UNREADABLE.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import {
  makeCase,
  signInAs,
  vaultWithStaff,
  type Core,
  type Problem,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

async function checkAfter(sql: (caseId: string) => string): Promise<Problem[]> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const caseId = await makeCase(core, 'SEEN-1');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare(sql(caseId)).run().changes).toBe(1);
    db.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return (await call(core, 'vault.check', {})).problems;
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
}

test("a case row copied to record_id 'case' is only RECORD_UNREADABLE, and every finding has a code", async () => {
  const problems = await checkAfter(
    (
      caseId,
    ) => `INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext, blind_index)
       SELECT 'case', container_id, kind, seq, key_ref, nonce, ciphertext, NULL FROM records WHERE record_id = '${caseId}'`,
  );
  expect(problems.filter((p) => p.id === 'case').map((p) => p.code)).toEqual(['RECORD_UNREADABLE']);
  expect(problems.filter((p) => p.code === undefined)).toEqual([]);
});

test('the start of signed audit moved far ahead: every finding, the rollback one too, has a code', async () => {
  const problems = await checkAfter(() => 'UPDATE vault_meta SET audit_signed_from = 1000000');
  expect(problems.map((p) => p.code)).toContain('AUDIT_START_MOVED');
  expect(problems.filter((p) => p.code === undefined)).toEqual([]);
});
