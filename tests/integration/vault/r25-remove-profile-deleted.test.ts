// Red team 25, R25-7 (medium): a departing user deletes his own profile row (no key: one clear
// row) before the admin removes him. users.remove then ended "TAMPERED This user's profile is
// missing or does not match its key slot." with no next step, and the admin did not learn that
// his keys stay valid. The removal still cannot be done safely (the profile says his role and
// which certificate to withdraw), but the refusal now says so, names the user, that his key slot
// and keys stay valid until the removal is done, and the way out: the check, the newest backup
// that has the profile, then remove again. Nothing is changed. The screen's wording (en, es):
// tests/renderer/plain-error.test.tsx.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

test('removing a user whose profile row was deleted is refused with what stays valid and what to do', async () => {
  let core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare("DELETE FROM records WHERE record_id = 'user:ivan'").run().changes).toBe(1);
    const slotsBefore = (db.prepare('SELECT count(*) AS n FROM key_slots').get() as { n: number })
      .n;
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    const headBefore = ((await call(core, 'audit.list', { limit: 1000 })).entries as unknown[])
      .length;
    const refused = await callError(core, 'users.remove', { username: 'ivan' });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.reason).toBe('PROFILE_UNREADABLE');
    expect(refused.message).toContain('ivan');
    expect(refused.message).toMatch(/key slot and keys stay valid/);
    expect(refused.message).toContain('hearth vault check');
    expect(refused.message).toContain('hearth vault restore');
    expect(refused.message).toMatch(/Nothing was changed/);
    // Nothing was changed: no removal entry, the slot is still there.
    const after = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{
      action: string;
    }>;
    expect(after.filter((e) => e.action === 'users.remove')).toEqual([]);
    expect(after.length).toBe(headBefore);
    await call(core, 'vault.lock', {});
    core.close();
    const check = new Database(vaultFile(core.vaultDir), { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM key_slots').get() as { n: number }).n).toBe(
      slotsBefore,
    );
    check.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
