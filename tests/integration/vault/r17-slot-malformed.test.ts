// Red team 17, R17-4: whoever holds the vault file (no key needed) damages one user's key_slots
// row: its key_id edited to junk or to another version of the user's key, a text value where an
// integer or a blob belongs, a blob of the wrong length. The user's sign-in said "The user name
// or passphrase is not correct." (or failed with no message), and `vault check` crashed on a
// text-typed blob column. Now the sign-in says the slot is damaged (TAMPERED, reason
// SLOT_MALFORMED, naming the slot and the user, with the next step), and `vault check` names the
// slot (SLOT_MALFORMED) without crashing. A wrong passphrase on an intact slot is still
// BAD_PASSPHRASE.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { PASS, checkAsAdmin, vaultWithStaff, type Problem } from '../../helpers/red-team';

jest.setTimeout(300_000);

const EDITS: Array<[name: string, sql: string, value: unknown]> = [
  ['key_id edited to junk', 'UPDATE key_slots SET key_id = ? WHERE slot_id = ?', 'zz-not-a-key'],
  ['key_id edited to another version', 'UPDATE key_slots SET key_id = ? WHERE slot_id = ?', 'user:ola@2'],
  ['kdf_ops holds text', 'UPDATE key_slots SET kdf_ops = ? WHERE slot_id = ?', 'three'],
  ['kdf_salt holds text', 'UPDATE key_slots SET kdf_salt = ? WHERE slot_id = ?', 'not-a-salt'],
  ['nonce is a blob of the wrong length', 'UPDATE key_slots SET nonce = ? WHERE slot_id = ?', Buffer.alloc(23, 7)],
  ['wrapped_key holds text', 'UPDATE key_slots SET wrapped_key = ? WHERE slot_id = ?', 'abc'],
];

test.each(EDITS)('%s: sign-in names the damaged slot and vault check names it', async (_name, sql, value) => {
  let core = await vaultWithStaff([['ola', 'interviewer']]);
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(dir));
    try {
      db.prepare(sql).run(value, 'user:ola');
    } finally {
      db.close();
    }
    core = Object.assign(makeCore(dir), { vaultDir: dir, recoveryKey: core.recoveryKey });
    const error = await callError(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    expect(error.code).toBe('TAMPERED');
    expect(error.reason).toBe('SLOT_MALFORMED');
    expect(error.message).toContain('Key slot "user:ola" of user ola is damaged');
    expect(error.message).toContain('Restore the newest backup');
    expect(error.message).toContain('hearth vault recover --user ola');
    const problems: Problem[] = await checkAsAdmin(core);
    const named = problems.filter((p) => p.code === 'SLOT_MALFORMED');
    expect(named.map((p) => [p.id, p.values])).toEqual([['slot:user:ola', { slot: 'user:ola', user: 'ola' }]]);
    expect(named[0]?.detail).toContain('key slot "user:ola" of user ola is damaged');
    // The admin's own sign-in and everything else are untouched.
    expect(problems.filter((p) => p.id === 'slot:user:admin')).toEqual([]);
  } finally {
    core.close();
    removeDir(dir);
  }
});

test('a wrong passphrase on an intact slot is still BAD_PASSPHRASE', async () => {
  const core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await call(core, 'vault.lock', {});
    const error = await callError(core, 'vault.unlock', { username: 'ola', passphrase: `${PASS}x` });
    expect(error.code).toBe('BAD_PASSPHRASE');
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
