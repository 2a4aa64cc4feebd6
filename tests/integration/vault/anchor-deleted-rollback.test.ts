// Red team round 8, R8-A (regression): with no key, an older copy of the vault file is put back
// (it still lists a since-removed user and lacks a newer case) and the anchor is deleted. Whoever
// signed in first used to be the only one told (and wrote a fresh anchor), so if that was the
// removed user or a trainer, the admin's sign-in was silent. Now only an admin may sign in over a
// missing anchor, they are told, and vault check names it ANCHOR_MISSING with a next step.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAnchorFile, vaultFile } from '../../../src/vault';
import {
  ADMIN,
  call,
  callError,
  makeCore,
  makeVault,
  removeDir,
  tempDir,
} from '../../helpers/core';

jest.setTimeout(180_000);

const PASS = 'a long enough staff passphrase';

test.each([['ivan'], ['tara']])(
  'R8-A: after a keyless rollback with the anchor deleted, %s is refused until an admin has seen it',
  async (first) => {
    const core = await makeVault();
    const dir = core.vaultDir;
    const keepDir = tempDir('hearth-r8a-');
    try {
      await call(core, 'users.add', {
        username: 'ivan',
        displayName: 'Ivan',
        role: 'interviewer',
        passphrase: PASS,
      });
      await call(core, 'users.add', {
        username: 'tara',
        displayName: 'Tara',
        role: 'trainer',
        passphrase: PASS,
      });
      await call(core, 'vault.lock', {});
      core.close();
      const keep = join(keepDir, 'old.db');
      copyFileSync(vaultFile(dir), keep);
      const later = makeCore(dir);
      await call(later, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      await call(later, 'users.remove', { username: 'ivan' });
      await call(later, 'vault.lock', {});
      later.close();
      // The attack: the old copy back, the anchor deleted.
      copyFileSync(keep, vaultFile(dir));
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(vaultFile(dir) + suffix)) rmSync(vaultFile(dir) + suffix);
      rmSync(defaultAnchorFile(dir));

      const after = makeCore(dir);
      try {
        const refused = await callError(after, 'vault.unlock', {
          username: first,
          passphrase: PASS,
        });
        expect(refused.code).toBe('FORBIDDEN');
        expect(refused.message).toMatch(/an admin signs in first/);
        const admin = await call(after, 'vault.unlock', {
          username: ADMIN.username,
          passphrase: ADMIN.passphrase,
        });
        expect(admin.anchorMissing?.status).toBe('absent');
        const check = await call(after, 'vault.check', {});
        expect(check.ok).toBe(false);
        const named = check.problems.filter((p) => p.code === 'ANCHOR_MISSING');
        expect(named).toHaveLength(1);
        expect(named[0]?.values).toMatchObject({ status: 'absent' });
        expect(named[0]?.detail).toMatch(/restore the newest backup and report it/);
      } finally {
        after.close();
      }
    } finally {
      removeDir(dir);
      removeDir(keepDir);
    }
  },
);
