// Red team 22, RT22-1 (high): a removed interviewer who kept the keys of an old copy (class:case@1)
// and has write access to the file, but no current key, deleted the two clear rows of the
// version his removal made (class:case@2's certificate and its "@1 held by @2" wrap) and sealed
// @1 to every remaining user's public key. Every remaining user then wrote new cases under @1:
// he read them offline. Now each entry that establishes class key versions (here users.remove)
// states them in its signed references, and Hearth refuses to write under a class key below that
// floor (KEY_VERSION_ROLLED_BACK, naming the class and the next step); older records still read.
// vault check names the replaced version's missing rows, and no longer blames the rollback on a
// case nobody touched (ALLEGATION_KEY_DELETED, BLIND_INDEX_MISMATCH before this).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const vaultIdOf = (db: Database.Database) =>
  blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);

test('a removal rotation undone by deleting two rows: no one writes under the old case key again, reads still work, and the check names what was deleted', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r22-1-'));
  try {
    await signInAs(core, 'ola');
    const before = await makeCase(core, 'BEFORE-1');
    await call(core, 'vault.lock', {});
    // Ivan keeps his keys (an old copy of the file and his passphrase).
    const kept = offlineRead(copyVault(core.vaultDir, work, 'old'), { username: 'ivan', passphrase: PASS });
    const old = 'class:case@1';
    expect(kept.keys.has(old)).toBe(true);
    await signInAs(core, 'admin');
    await call(core, 'users.remove', { username: 'ivan' });
    await call(core, 'vault.lock', {});
    core.close();

    // After his removal: delete the new version's certificate and "old held by new" wrap, and
    // seal the old version he kept to every remaining user (no current key needed).
    const db = new Database(vaultFile(core.vaultDir));
    db.prepare("DELETE FROM key_certs WHERE key_id = 'class:case@2'").run();
    db.prepare("DELETE FROM key_wraps WHERE logical = 'class:case' AND holder = 'class:case@2'").run();
    const keys = new KeyStore(db, vaultIdOf(db));
    keys.hold(old, kept.keys.get(old)!.slice());
    for (const holder of ['user:ola@1', 'user:admin@1', 'recovery@1']) keys.wrap(old, holder);
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    for (const who of ['ola', 'admin']) {
      await signInAs(core, who);
      const refused = await callError(core, 'cases.create', {
        reference: `AFTER-${who}`,
        childAlias: 'A',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'QALLEGQ',
        allegationBlind: false,
      });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toContain('class:case@1');
      expect(refused.message).toContain('class:case@2');
      expect(refused.message).toMatch(/vault check/);
      // Reading what was written before still works.
      const read = await call(core, 'cases.get', { caseId: before });
      expect(JSON.stringify(read)).toContain('BEFORE-1');
    }
    await call(core, 'vault.lock', {});
    const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: kept.keys });
    expect(later.plaintext).not.toMatch(/AFTER-(ola|admin)/);

    const problems = await checkAsAdmin(core);
    const rolled = problems.filter((p) => p.code === 'KEY_VERSION_ROLLED_BACK');
    expect(rolled).toHaveLength(1);
    expect(rolled[0]!.id).toBe('class:case@2');
    expect(rolled[0]!.detail).toContain('certificate (key_certs row class:case@2)');
    expect(rolled[0]!.detail).toContain('class:case@1 held by class:case@2');
    // The untouched case is not blamed for the rollback.
    expect(problems.filter((p) => p.id === before).map((p) => p.code)).toEqual([]);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
