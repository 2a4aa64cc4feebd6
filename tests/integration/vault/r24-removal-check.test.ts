// Red team 24, R24-12: after a removal that left class:case unrotated (the removed user's wrap
// row deleted beforehand), vault check found nothing: the removal's own signed entry stated
// class:case@1 as current. A removal made by Hearth before sec53 did exactly that; to make one
// here, the policy part of the removal (removal-reach.ts) is replaced by "nothing", so the
// removal rotates only what the rows show, as the old code did. vault check must name it
// (REMOVAL_INCOMPLETE: the entry, the user, the class).
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import type * as RemovalReach from '../../../src/vault/removal-reach';
import { call, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.mock('../../../src/vault/removal-reach', () => ({
  ...jest.requireActual<typeof RemovalReach>('../../../src/vault/removal-reach'),
  roleClassKeys: () => [],
}));

jest.setTimeout(300_000);

test('vault check names a removal that did not rotate a class of the removed user\'s role', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare("DELETE FROM key_wraps WHERE holder GLOB 'user:ivan@*' AND logical = 'class:case'").run().changes).toBe(1);
    db.close();
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    await call(core, 'users.remove', { username: 'ivan' });
    const problems = await checkAsAdmin(core);
    const named = problems.filter((p) => p.code === 'REMOVAL_INCOMPLETE');
    expect(named.map((p) => p.values)).toEqual([
      expect.objectContaining({ user: 'ivan', key: 'class:case', version: 1 }),
    ]);
    expect(named[0]!.detail).toMatch(/did not rotate class:case/);
    expect(named[0]!.detail).toMatch(/backup/);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a clean removal is not named', async () => {
  const core: Core = await vaultWithStaff([['ola', 'interviewer'], ['tara', 'trainer']]);
  try {
    await signInAs(core, 'admin');
    await call(core, 'users.remove', { username: 'tara' });
    await call(core, 'users.remove', { username: 'ola' });
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'REMOVAL_INCOMPLETE')).toEqual([]);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
