// verify24 on R24-4: a non-admin whose write is refused because a class key's floor statement
// cannot be read (KEY_FLOOR_MISSING) was told only "An admin signs in first". When the admin's own
// sign-in was refused too (KEY_FLOOR_UNVERIFIABLE), that advice led nowhere. Now the refusal says
// what the admin does if Hearth refuses her as well (the vault check, the newest backup), in the
// core's message (the screen's wording, en and es: tests/renderer/plain-error.test.tsx).
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { PASS, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

test('a write refused for a missing floor statement points the non-admin to the admin, the check and the backup', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await call(core, 'vault.lock', {});
    core.close();
    // No key: the class:case floor pointer is deleted from the audit index.
    const db = new Database(vaultFile(core.vaultDir));
    const deleted = db.prepare("DELETE FROM audit_index WHERE record_id = 'keyfloor:class:case'").run().changes;
    db.close();
    expect(deleted).toBe(1);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const refused = await callError(core, 'cases.create', {
      reference: 'AFTER-1',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.reason).toBe('KEY_FLOOR_MISSING');
    expect(refused.message).toContain('class:case');
    expect(refused.message).toContain('hearth vault check');
    expect(refused.message).toContain('hearth vault restore');
    expect(refused.message).not.toContain('An admin signs in first');

  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
