// A deleted or damaged anchor is reported at unlock and by vault.status, like a rollback
// (red-team issue #15, finding 6): the app writes a fresh anchor, but says so instead of
// re-creating it silently.
import { rmSync, writeFileSync } from 'node:fs';
import { defaultAnchorFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';

jest.setTimeout(120_000);

for (const damage of ['deleted', 'damaged'] as const)
  test(`anchor ${damage}: unlock and status warn, the next unlock does not`, async () => {
    const core = await makeVault();
    const dir = core.vaultDir;
    try {
      await call(core, 'vault.lock', {});
      core.close();
      const anchorFile = defaultAnchorFile(dir);
      if (damage === 'deleted') rmSync(anchorFile);
      else writeFileSync(anchorFile, '{"format": "not an anchor"');

      const again = makeCore(dir);
      try {
        const user = await call(again, 'vault.unlock', {
          username: 'admin',
          passphrase: ADMIN.passphrase,
        });
        expect(user.rolledBack).toBeUndefined();
        expect(user.anchorMissing).toEqual({
          status: damage === 'deleted' ? 'absent' : 'unreadable',
          message: expect.stringMatching(/rollback of this vault cannot be ruled out/),
        });
        const status = await call(again, 'vault.status', {});
        expect(status.user?.anchorMissing?.status).toBe(user.anchorMissing?.status);
        // Kept on record: vault check names the unlock at which the anchor was missing.
        const check = await call(again, 'vault.check', {});
        expect(check.problems).toContainEqual(
          expect.objectContaining({
            kind: 'rollback',
            detail: expect.stringContaining(user.anchorMissing!.status),
          }),
        );
        // A fresh anchor was written: the next unlock has nothing to warn about.
        await call(again, 'vault.lock', {});
        const next = await call(again, 'vault.unlock', {
          username: 'admin',
          passphrase: ADMIN.passphrase,
        });
        expect(next.anchorMissing).toBeUndefined();
      } finally {
        again.close();
      }
    } finally {
      removeDir(dir);
    }
  });
