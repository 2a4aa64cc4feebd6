// verify24, R25-A (high, issue #15): RT22-1's two-row rollback (class:case@2's certificate and its
// "@1 held by @2" wrap deleted, the class:case@1 a removed user kept sealed to every remaining
// user) plus the removal's audit entry made to look authorless, with no key: its `signer` and
// `signature` set to NULL (a legacy unsigned entry), or the entry re-signed with a fresh key of the
// attacker's own (a valid signature by a key the centre never certified). The floor walk read the
// entry, judged it "no admin's" and skipped it; the admin's sign-in signed `keys.floor` with
// class:case@1 from vault.create and new cases were readable with the removed user's kept keys.
// Now an entry at or after the centre-vouched start of signed audit with a missing or uncertified
// signature stops the walk like an edited one: nothing is stated, writes under class:case are
// refused naming the entry (sec54). A signature flipped in place is r24-floor-walk-unreadable's.
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
import { damageSignature, type SignatureDamage } from '../../helpers/signature-damage';

jest.setTimeout(300_000);

const OLD = 'class:case@1';

test.each<SignatureDamage>(['null', 'uncertified'])('the removal entry with its signature %s does not let the sign-in state a lower floor: new cases are refused, the removed user reads nothing new', async (damage) => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r25-a-'));
  try {
    await signInAs(core, 'ola');
    const before = await makeCase(core, 'BEFORE-1');
    await call(core, 'vault.lock', {});
    const kept = offlineRead(copyVault(core.vaultDir, work, 'old'), { username: 'ivan', passphrase: PASS }).keys;
    expect(kept.has(OLD)).toBe(true);
    await signInAs(core, 'admin');
    await call(core, 'users.remove', { username: 'ivan' });
    const entries = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ seq: number; action: string }>;
    const removal = entries.find((e) => e.action === 'users.remove')!.seq;
    await call(core, 'vault.lock', {});
    core.close();

    // No current key: RT22-1's two rows, @1 sealed to everyone, the removal made authorless.
    const db = new Database(vaultFile(core.vaultDir));
    db.prepare("DELETE FROM key_certs WHERE key_id = 'class:case@2'").run();
    db.prepare("DELETE FROM key_wraps WHERE logical = 'class:case' AND holder = 'class:case@2'").run();
    const keys = new KeyStore(db, blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id));
    keys.hold(OLD, kept.get(OLD)!.slice());
    for (const holder of ['user:ola@1', 'user:admin@1', 'recovery@1']) keys.wrap(OLD, holder);
    damageSignature(db, removal, damage);
    const headBefore = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'admin');
    const refused = await callError(core, 'cases.create', {
      reference: 'AFTER-admin',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'QALLEGQ',
    });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.reason).toBe('KEY_FLOOR_UNVERIFIABLE');
    expect(refused.message).toContain('class:case');
    expect(refused.message).toContain(`entry ${removal}`);
    expect(refused.message).toMatch(/restore/);
    // Reading what was written before still works.
    expect(JSON.stringify(await call(core, 'cases.get', { caseId: before }))).toContain('BEFORE-1');
    // The sign-in signed no new floor statement.
    const listed = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ seq: number; action: string }>;
    expect(listed.filter((e) => e.seq > headBefore && e.action === 'keys.floor')).toEqual([]);

    await signInAs(core, 'ola');
    const olaRefused = await callError(core, 'cases.create', {
      reference: 'AFTER-ola',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'QALLEGQ',
    });
    expect(['TAMPERED', 'FORBIDDEN']).toContain(olaRefused.code);
    expect(olaRefused.message).toMatch(/Nothing was written/);

    // vault check names the entry and its missing or uncertified author.
    const problems = await checkAsAdmin(core);
    const named = problems.filter((p) => p.values?.entry === removal || p.id === `audit:${removal}`);
    expect(named.map((p) => p.code)).toContain('AUDIT_SIGNER_UNCERTIFIED');
    await call(core, 'vault.lock', {});
    const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: kept });
    expect(later.plaintext).not.toMatch(/AFTER-(ola|admin)/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
