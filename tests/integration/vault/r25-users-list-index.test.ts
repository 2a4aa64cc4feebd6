// Red team 24, R24-10 (medium): records_by_kind rebuilt without 'user:ivan' (SQL text put back, no
// key) hid ivan from the admin's Users screen (the one place to remove him) while he kept signing
// in and reading cases. Now profiles are read along the primary key, and a user who holds a key
// slot but whose profile is missing or does not open is listed as unreadable, not left out.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, makeCore, removeDir } from '../../helpers/core';
import { narrowIndex } from '../../helpers/narrow-index';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const STAFF: Array<[string, string]> = [['ola', 'interviewer'], ['ivan', 'interviewer']];

async function editedVault(edit: (vaultDir: string) => void): Promise<Core> {
  const core = await vaultWithStaff(STAFF);
  await call(core, 'vault.lock', {});
  core.close();
  edit(core.vaultDir);
  return Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
}

test('records_by_kind rebuilt without a user: the admin still sees him in the Users list, and can remove him', async () => {
  const core = await editedVault((dir) => narrowIndex(dir, 'records_by_kind', ['user:ivan']));
  try {
    await signInAs(core, 'ivan'); // he still signs in
    await signInAs(core, 'admin');
    const listed = await call(core, 'users.list', {});
    expect((listed.users as Array<{ username: string }>).map((u) => u.username).sort()).toEqual(['admin', 'ivan', 'ola']);
    expect(listed.unreadable).toBeUndefined();
    await call(core, 'users.remove', { username: 'ivan' });
    const after = await call(core, 'users.list', {});
    expect((after.users as Array<{ username: string }>).map((u) => u.username).sort()).toEqual(['admin', 'ola']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("a user's profile row deleted (his key slot kept): the Users list names him as unreadable", async () => {
  const core = await editedVault((dir) => {
    const db = new Database(vaultFile(dir));
    expect(db.prepare("DELETE FROM records WHERE record_id = 'user:ivan'").run().changes).toBe(1);
    db.close();
  });
  try {
    await signInAs(core, 'admin');
    const listed = await call(core, 'users.list', {});
    expect((listed.users as Array<{ username: string }>).map((u) => u.username).sort()).toEqual(['admin', 'ola']);
    expect(listed.unreadable).toEqual(['ivan']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
