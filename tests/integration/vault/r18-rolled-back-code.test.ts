// Red team 18 (minor): a rollback found at an admin's sign-in (the anchor records an entry the
// log no longer holds) was the one rollback finding of `vault check` with no `code` (only kind
// 'rollback'), so a screen or CLI grouping findings by code showed it blank and could not word it
// in Spanish. It now carries ROLLED_BACK with the entry the anchor recorded.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import type { Problem } from '../../helpers/red-team';

jest.setTimeout(120_000);

test('a tail cut found at sign-in is named ROLLED_BACK by vault check, with the entry the anchor recorded', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'cases.create', { reference: 'A-1', childAlias: 'A', childAgeYears: 8, language: 'en' });
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(dir));
    const max = (db.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }).m;
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(max - 2);
    db.close();

    const again = makeCore(dir);
    try {
      const user = await call(again, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(user.rolledBack).toMatchObject({ missing: 2 });
      const { problems } = (await call(again, 'vault.check', {})) as { problems: Problem[] };
      const rollbacks = problems.filter((p) => p.kind === 'rollback');
      expect(rollbacks.length).toBeGreaterThan(0);
      // Before the fix: no code on the finding recorded at the sign-in.
      expect(rollbacks.filter((p) => p.code === undefined)).toEqual([]);
      expect(rollbacks).toContainEqual(
        expect.objectContaining({
          code: 'ROLLED_BACK',
          values: expect.objectContaining({ entry: max }),
          detail: expect.stringMatching(/^ROLLED_BACK/),
        }),
      );
    } finally {
      again.close();
    }
  } finally {
    removeDir(dir);
  }
});
