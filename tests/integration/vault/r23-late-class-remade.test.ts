// Red team 23, R23-2 (high) and R23-3 (medium): RT22-1's rollback (class:case@2's certificate
// and "@1 held by @2" wrap deleted, @1 re-sealed to the remaining users by a removed user who
// kept it) worked again through the late classes: deleting every row of class:referral (its
// wraps, its certificates, its floor pointer) made the admin's next sign-in make the class
// again, and that `vault.addKeyClass` entry stated every class's floor from the clear rows:
// class:case@1 became the newest signed floor, new cases were written under @1 and the removed
// user read them offline. vault check found nothing. Now a class the file or the signed log shows
// was made is never made again, a new floor statement never goes below a signed one, and vault
// check names a deleted class (CLASS_KEY_UNUSABLE) and, in a file an older Hearth already wrote
// so, the re-made class and the lowered floor (LATE_CLASS_REMADE, KEY_FLOOR_LOWERED).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { floorRefs } from '../../../src/vault/key-floors';
import { KeyStore } from '../../../src/vault/key-store';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const OLD = 'class:case@1';

const vaultIdOf = (db: Database.Database) =>
  blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);

/** Ola and ivan (interviewers); ivan keeps the keys of a copy, then an admin removes him. */
async function removedIvan(work: string): Promise<{ core: Core; kept: Map<string, Uint8Array>; before: string }> {
  const core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  await signInAs(core, 'ola');
  const before = await makeCase(core, 'BEFORE-1');
  await call(core, 'vault.lock', {});
  const kept = offlineRead(copyVault(core.vaultDir, work, 'old'), { username: 'ivan', passphrase: PASS }).keys;
  expect(kept.has(OLD)).toBe(true);
  await signInAs(core, 'admin');
  await call(core, 'users.remove', { username: 'ivan' });
  await call(core, 'vault.lock', {});
  core.close();
  return { core, kept, before };
}

/** The attack through the file, no current key: RT22-1's two rows, and every row of class:referral. */
function rollBackAndDeleteReferral(vaultDir: string, kept: Map<string, Uint8Array>): void {
  const db = new Database(vaultFile(vaultDir));
  db.prepare("DELETE FROM key_certs WHERE key_id = 'class:case@2'").run();
  db.prepare("DELETE FROM key_wraps WHERE logical = 'class:case' AND holder = 'class:case@2'").run();
  const keys = new KeyStore(db, vaultIdOf(db));
  keys.hold(OLD, kept.get(OLD)!.slice());
  for (const holder of ['user:ola@1', 'user:admin@1', 'recovery@1']) keys.wrap(OLD, holder);
  const wraps = db
    .prepare("DELETE FROM key_wraps WHERE logical = 'class:referral' OR holder GLOB 'class:referral@*'")
    .run().changes;
  expect(wraps).toBeGreaterThan(0);
  db.prepare("DELETE FROM key_certs WHERE key_id GLOB 'class:referral@*'").run();
  expect(db.prepare("DELETE FROM audit_index WHERE record_id = 'keyfloor:class:referral'").run().changes).toBe(1);
  db.close();
}

const newCase = {
  reference: 'AFTER-1',
  childAlias: 'A',
  childAgeYears: 7,
  language: 'en',
  allegationSummary: 'QALLEGQ',
  allegationBlind: false,
};

test('a late class deleted with a case key rollback: the admin sign-in does not make it again, no floor goes down, new cases are refused, and the check names the class', async () => {
  const work = mkdtempSync(join(tmpdir(), 'r23-2-'));
  const setUp = await removedIvan(work);
  let core = setUp.core;
  try {
    rollBackAndDeleteReferral(core.vaultDir, setUp.kept);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    const admin = await signInAs(core, 'admin');
    // Nothing re-made the class, and no entry stated a floor.
    expect(admin.keys.currentId('class:referral')).toBeUndefined();
    const actions = admin.audit.verify().entries.map((e) => e.action);
    expect(actions).not.toContain('vault.addKeyClass');
    for (const who of ['admin', 'ola']) {
      await signInAs(core, who);
      const refused = await callError(core, 'cases.create', { ...newCase, reference: `AFTER-${who}` });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toContain('class:case@2');
      const read = await call(core, 'cases.get', { caseId: setUp.before });
      expect(JSON.stringify(read)).toContain('BEFORE-1');
    }
    await call(core, 'vault.lock', {});
    const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: setUp.kept });
    expect(later.plaintext).not.toMatch(/AFTER-/);

    const problems = await checkAsAdmin(core);
    const unusable = problems.filter((p) => p.code === 'CLASS_KEY_UNUSABLE');
    // Ivan's removal had rotated it to @2 (interviewers hold referrals): the signed log's version.
    expect(unusable.map((p) => p.id)).toEqual(['class:referral@2']);
    expect(unusable[0]!.detail).toContain('missing');
    expect(problems.filter((p) => p.code === 'KEY_VERSION_ROLLED_BACK').map((p) => p.id)).toEqual(['class:case@2']);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test('a file an older Hearth already re-made the class in (its entry stated class:case@1): the check names the re-made class and the lowered floor', async () => {
  const work = mkdtempSync(join(tmpdir(), 'r23-3-'));
  const setUp = await removedIvan(work);
  let core = setUp.core;
  try {
    rollBackAndDeleteReferral(core.vaultDir, setUp.kept);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    const admin = await signInAs(core, 'admin');
    // What the sign-in of Hearth before sec51 wrote (vault.ts addLateClasses then): a new key,
    // and an entry stating every class's floor from the rolled-back rows.
    const seq = admin.transact(() => {
      admin.keys.create('class:referral', [admin.keys.requireCurrentId('user:admin'), 'recovery@1']);
      return admin.audit.append({
        at: new Date().toISOString(),
        actor: 'admin',
        action: 'vault.addKeyClass',
        target: 'class:referral',
        detail: { dataClass: 'referral', holders: 1 },
        records: floorRefs(admin.keys),
      });
    });
    const problems = await checkAsAdmin(core);
    const remade = problems.filter((p) => p.code === 'LATE_CLASS_REMADE');
    expect(remade.map((p) => [p.id, p.values?.entry])).toEqual([['class:referral', seq]]);
    const lowered = problems.filter((p) => p.code === 'KEY_FLOOR_LOWERED');
    // class:referral@1 is the re-made key: also below the @2 the removal stated.
    expect(lowered.map((p) => [p.id, p.values?.entry, p.values?.version])).toEqual([
      ['class:case@2', seq, 1],
      ['class:referral@2', seq, 1],
    ]);
    expect(lowered[0]!.detail).toContain('states class:case@1 as current');
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
