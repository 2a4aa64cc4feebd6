// Red team 24, R24-7 (low): whoever holds the file (no key) edits a user's slot KDF parameters
// within the accepted range (kdf_ops 3 -> 4). The parameters are bound into the slot's associated
// data, so no passphrase opens it; the user was told "passphrase not correct" with her correct
// passphrase, and each try counted toward her lockout. Now the sign-in says the slot is damaged
// (TAMPERED, reason SLOT_KDF_EDITED), naming the user and what to do, and counts nothing. A wrong
// passphrase on a slot with Hearth's own parameters is still BAD_PASSPHRASE, and counted.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, PASS, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const MiB = 1024 * 1024;

function failures(dir: string, bucket: string): number {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    const row = db.prepare('SELECT failures FROM unlock_attempts WHERE bucket = ?').get(bucket) as
      { failures: number } | undefined;
    return row?.failures ?? 0;
  } finally {
    db.close();
  }
}

test.each([
  ['passes 3 -> 4', 'UPDATE key_slots SET kdf_ops = 4 WHERE slot_id = ?'],
  ['memory 64 -> 96 MiB', `UPDATE key_slots SET kdf_mem = ${96 * MiB} WHERE slot_id = ?`],
])('an in-range KDF edit (%s) is told as a damaged slot and not counted', async (_name, sql) => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare(sql).run('user:ola').changes).toBe(1);
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await callError(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      expect({ code: error.code, reason: error.reason }).toEqual({ code: 'TAMPERED', reason: 'SLOT_KDF_EDITED' });
      expect(error.message).toContain('Key slot "user:ola" of user ola is damaged');
      expect(error.message).toContain('not counted');
      expect(error.message).toContain('hearth vault recover --user ola');
      expect(error.message).toContain('hearth vault restore');
    }
    // The vault holds its file locked while open: the attempts row is read with it closed.
    core.close();
    expect(failures(core.vaultDir, 'user:ola')).toBe(0);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    // The admin's check still names the edit against the audit entry that wrote the slot.
    expect((await checkAsAdmin(core)).filter((p) => p.code === 'SLOT_EDITED').map((p) => p.id)).toEqual(['slot:user:ola']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a wrong passphrase on a slot with Hearth parameters is still BAD_PASSPHRASE and counted', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await call(core, 'vault.lock', {});
    const error = await callError(core, 'vault.unlock', { username: 'ola', passphrase: `${PASS}x` });
    expect(error.code).toBe('BAD_PASSPHRASE');
    core.close();
    expect(failures(core.vaultDir, 'user:ola')).toBe(1);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
