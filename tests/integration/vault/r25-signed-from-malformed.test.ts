// Red team 25, R25-5 (low): setting the clear column vault_meta.audit_signed_from to 'x' (no key)
// kept every non-admin refused (ANCHOR_ADMIN_FIRST) even after an admin signed in: the admin's
// sign-in wrote the text into the anchor, which no reader then accepted, so each later sign-in
// saw a damaged anchor. Now a value that is not a whole number from 1 is read as 1 (every entry
// must be signed: it excuses nothing), the anchor stays readable, staff sign in once an admin has
// (here at once: the centre committed 1), and `vault check` names the value
// (AUDIT_START_COLUMN_MALFORMED), each time, without any anchor finding.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import { makeCase, PASS, signInAs, vaultWithStaff, type Core, type Problem } from '../../helpers/red-team';

jest.setTimeout(300_000);

const VALUES: Array<[string, string]> = [
  ["'x'", 'text'],
  ['2.5', 'a real number'],
  ["x'01'", 'bytes (1)'],
  ['0', '0'],
];

test.each(VALUES)('audit_signed_from = %s: named by the check; staff sign in after the admin', async (value, holds) => {
  let core: Core = await vaultWithStaff([['ivan', 'interviewer']]);
  try {
    await signInAs(core, 'ivan');
    await makeCase(core, 'C-1');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare(`UPDATE vault_meta SET audit_signed_from = ${value}`).run().changes).toBe(1);
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    for (let round = 0; round < 2; round++) {
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const problems = (await call(core, 'vault.check', {})).problems as Problem[];
      const named = problems.filter((p) => p.code === 'AUDIT_START_COLUMN_MALFORMED');
      expect(named).toHaveLength(1);
      expect(named[0]!.detail).toContain(`holds ${holds}, not a whole number`);
      // Nothing else: the anchor the admin's sign-in wrote is readable.
      expect(problems.map((p) => p.code ?? p.kind)).toEqual(['AUDIT_START_COLUMN_MALFORMED']);
      await call(core, 'vault.lock', {});
      // The interviewer signs in (before the fix: ANCHOR_ADMIN_FIRST, at every round).
      const ivan = await core.invoke('vault.unlock', { username: 'ivan', passphrase: PASS });
      expect(ivan.ok ? 'in' : `${ivan.error.code}/${ivan.error.reason ?? ''}`).toBe('in');
      await call(core, 'vault.lock', {});
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
