// Red team round 6, R6-4: the centre's public row zeroed (or swapped in from another vault) by
// anyone with write access to the file, no key needed. Before the fix every sign-in failed with
// TAMPERED, so no check could run. Now it reads as a missing centre key: the admin signs in and
// vault check names CENTRE_KEY_MISSING; other staff are told to ask an admin.

import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS, problemDetails, raw, vaultWithIvan } from '../../helpers/insider';

jest.setTimeout(120_000);

const PUBLIC_ID = 'centre-key:public';

for (const variant of ['zeroed', 'from another vault'] as const) {
  test(`centre public row ${variant}: the admin signs in and vault check names CENTRE_KEY_MISSING`, async () => {
    const core = await vaultWithIvan(true);
    const dir = core.vaultDir;
    await call(core, 'vault.lock', {});
    core.close();
    let otherDir: string | undefined;
    try {
      if (variant === 'zeroed')
        raw(dir, (db) =>
          db
            .prepare(
              'UPDATE records SET ciphertext = zeroblob(length(ciphertext)) WHERE record_id = ?',
            )
            .run(PUBLIC_ID),
        );
      else {
        const other = await makeVault();
        other.close();
        otherDir = other.vaultDir;
        const row = raw(otherDir, (db) =>
          db.prepare('SELECT nonce, ciphertext FROM records WHERE record_id = ?').get(PUBLIC_ID),
        ) as { nonce: Buffer; ciphertext: Buffer };
        raw(dir, (db) =>
          db
            .prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?')
            .run(row.nonce, row.ciphertext, PUBLIC_ID),
        );
      }
      const admin = makeCore(dir);
      try {
        await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
        const check = await call(admin, 'vault.check', {});
        expect(check.ok).toBe(false);
        expect(problemDetails(check)).toMatch(/CENTRE_KEY_MISSING/);
        // What needs the centre key is refused, with a next step.
        const refused = await callError(admin, 'users.add', {
          username: 'nora',
          displayName: 'Nora',
          role: 'interviewer',
          passphrase: PASS,
        });
        expect(refused.code).toBe('TAMPERED');
        expect(refused.message).toMatch(/vault check/);
      } finally {
        admin.close();
      }
      const ivan = makeCore(dir);
      try {
        const refused = await callError(ivan, 'vault.unlock', { username: 'ivan', passphrase: PASS });
        expect(refused.message).toMatch(/centre key is missing.*admin/);
      } finally {
        ivan.close();
      }
    } finally {
      removeDir(dir);
      if (otherDir) removeDir(otherDir);
    }
  });
}
