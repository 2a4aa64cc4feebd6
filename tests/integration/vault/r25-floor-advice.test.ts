// verify24 on R24-4: a non-admin whose write is refused because a class key's floor statement
// cannot be read (KEY_FLOOR_MISSING) was told only "An admin signs in first". When the admin's own
// sign-in was refused too (KEY_FLOOR_UNVERIFIABLE), that advice led nowhere. Now the refusal says
// what the admin does if Hearth refuses her as well (the vault check, the newest backup), in the
// core's message and in the screen's wording (en, es).
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { plainError } from '../../../renderer/common/errors';
import { createI18n } from '../../../renderer/i18n/setup';
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

    for (const [language, check, backup] of [
      ['en', 'hearth vault check', 'newest backup'],
      ['es', 'hearth vault check', 'copia de seguridad más reciente'],
    ] as const) {
      const missing: string[] = [];
      const i18n = createI18n({ language, onMissingKey: (_l, key) => missing.push(key) });
      const plain = plainError(i18n.t.bind(i18n), {
        code: refused.code,
        message: refused.message,
        reason: refused.reason,
      });
      expect(plain.next).toContain(check);
      expect(plain.next).toContain(backup);
      expect(plain.what).not.toBe(plainError(i18n.t.bind(i18n), { code: 'FORBIDDEN', message: 'x' }).what);
      expect(missing).toEqual([]);
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
