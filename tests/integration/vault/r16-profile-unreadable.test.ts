// Red team 16, R16-3 residual: whoever holds the vault file (no key needed) edits the key_ref of
// a user's own profile record (`user:<name>`). That user's sign-in failed with "Record user:ola
// names a malformed key" or "This user's profile is missing or does not match its key slot":
// which record, and what now? Now the sign-in names the damaged record (TAMPERED, reason
// OWN_PROFILE_UNREADABLE since sec61: PROFILE_UNREADABLE is the removal's, whose words are about
// removing someone else) and the next step: another admin (named) runs a vault check and restores
// the newest backup; when the user is the only admin, no one else can sign in, so the message
// says restore the newest backup. No record's contents are shown.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { PASS, vaultWithStaff } from '../../helpers/red-team';

jest.setTimeout(300_000);

function editKeyRef(dir: string, recordId: string, keyRef: string): void {
  const db = new Database(vaultFile(dir));
  try {
    expect(db.prepare('UPDATE records SET key_ref = ? WHERE record_id = ?').run(keyRef, recordId).changes).toBe(1);
  } finally {
    db.close();
  }
}

async function lockedVault(staff: Array<[string, string]>): Promise<string> {
  const core = await vaultWithStaff(staff);
  await call(core, 'cases.create', {
    reference: 'CAC-1',
    childAlias: 'A',
    childAgeYears: 7,
    language: 'en',
    allegationSummary: 'QALLEGQ',
  });
  await call(core, 'vault.lock', {});
  core.close();
  return core.vaultDir;
}

test.each([
  ['a malformed key reference', 'class:directory@1.5'],
  ['another class key', 'class:case@1'],
  ['a version that does not exist', 'class:directory@9'],
])("%s on an interviewer's own profile: her sign-in names the record and sends her to an admin", async (_name, keyRef) => {
  const dir = await lockedVault([['ola', 'interviewer']]);
  try {
    editKeyRef(dir, 'user:ola', keyRef);
    const core = makeCore(dir);
    try {
      const refused = await callError(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.reason).toBe('OWN_PROFILE_UNREADABLE');
      expect(refused.message).toContain('your profile record (user:ola) cannot be read');
      expect(refused.message).toContain('Ask an admin (admin) to run a vault check');
      expect(refused.message).not.toMatch(/QALLEGQ|OLA|CAC-1/);
      // The admin still signs in.
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});

test("the only admin's own profile: the message says restore the newest backup", async () => {
  const dir = await lockedVault([['ola', 'interviewer']]);
  try {
    editKeyRef(dir, 'user:admin', 'class:directory@1.5');
    const core = makeCore(dir);
    try {
      const refused = await callError(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.reason).toBe('OWN_PROFILE_UNREADABLE');
      expect(refused.message).toContain('your profile record (user:admin) cannot be read');
      expect(refused.message).toContain('No other admin can sign in to repair it: restore the newest backup');
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});

test("an admin's own profile when another admin exists: the message names the other admin", async () => {
  const dir = await lockedVault([['bea', 'admin']]);
  try {
    editKeyRef(dir, 'user:admin', 'class:directory@1.5');
    const core = makeCore(dir);
    try {
      const refused = await callError(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(refused.reason).toBe('OWN_PROFILE_UNREADABLE');
      expect(refused.message).toContain('Ask an admin (bea) to run a vault check');
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});
