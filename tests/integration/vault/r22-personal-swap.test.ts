// Red team 22, RT22-4 (medium): replacing a user's personal key wrap (no key needed: it is a
// sealed box to his public user key) with one of a key K of the attacker's locked him out of his
// signing key; his sign-in said only that a record fails authentication, and the admin's vault
// check found nothing. Now every entry that writes a user's slot commits to his personal key wrap
// rows: vault check names the replaced wrap (PERSONAL_KEY_WRAP_EDITED) and his refused sign-in
// names what happened and the real next step (an admin removes and re-adds him). Nothing of his
// is written under K (that already held). A passphrase change moves the wrap honestly: no finding.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const vaultIdOf = (db: Database.Database) =>
  blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);

test('a swapped personal key wrap: the user is told the next step, the admin’s check names it', async () => {
  let core: Core = await vaultWithStaff([['ivan', 'interviewer'], ['ola', 'interviewer']]);
  try {
    // An honest passphrase change rewrites ola's wrap: that is not a finding.
    await signInAs(core, 'ola');
    await call(core, 'vault.changePassphrase', {
      currentPassphrase: PASS,
      newPassphrase: 'a brand new long passphrase for ola',
    });
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    const { holder } = db.prepare("SELECT holder FROM key_wraps WHERE logical = 'personal:ivan'").get() as { holder: string };
    db.prepare("DELETE FROM key_wraps WHERE logical = 'personal:ivan'").run();
    const keys = new KeyStore(db, vaultIdOf(db));
    keys.hold('personal:ivan@1', new Uint8Array(randomBytes(32)));
    keys.wrap('personal:ivan@1', holder);
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    const refused = await callError(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toContain('personal:ivan');
    expect(refused.message).toContain('PERSONAL_KEY_WRAP_EDITED');
    expect(refused.message).toMatch(/remove you and add you again/);

    const problems = await checkAsAdmin(core);
    expect(problems.map((p) => [p.code, p.values?.user])).toEqual([['PERSONAL_KEY_WRAP_EDITED', 'ivan']]);
    expect(problems[0]!.detail).toMatch(/Remove ivan and add them again/);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
