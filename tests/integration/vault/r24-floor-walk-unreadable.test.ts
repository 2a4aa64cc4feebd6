// Red team 24, R24-4 (high), and verify24's R25-A (high): RT22-1's rollback (class:case@2's
// certificate and "@1 held by @2" wrap deleted, the @1 a removed user kept sealed to every
// remaining user) plus the removal's audit entry damaged with no key:
// - 'ciphertext': one byte of its sealed body and references flipped (R24-4): the walk skipped the
//   entry it could not open;
// - 'flipped': one byte of its signature flipped, body intact (R25-A): the walk judged the entry
//   "no admin's" and skipped it;
// - 'null': its signer and signature set to NULL, so it looks like an entry from before signed
//   audit (R25-A, NULL form);
// - 'uncertified': re-signed with a fresh key the centre never certified (R25-A).
// Each time the admin's sign-in re-derived the class:case floor from vault.create, signed
// `keys.floor` with class:case@1, and every new case was readable with the removed user's keys.
// Now a walk that meets an entry it cannot verify, or an authorless one after the start of signed
// audit the centre vouches for (sec54), states nothing: no new floor is signed, writes under the
// class are refused (TAMPERED, KEY_FLOOR_UNVERIFIABLE) naming the entry, and vault check names it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import {
  checkAsAdmin,
  makeCase,
  PASS,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';
import { damageSignature, type SignatureDamage } from '../../helpers/signature-damage';

jest.setTimeout(300_000);

const OLD = 'class:case@1';

type Damage = 'ciphertext' | SignatureDamage;

/** Flips the last byte of entry `seq`'s sealed body and references (no key). */
function damageCiphertext(db: Database.Database, seq: number): void {
  const row = db
    .prepare('SELECT ciphertext, refs_ciphertext FROM audit_log WHERE seq = ?')
    .get(seq) as { ciphertext: Buffer; refs_ciphertext: Buffer };
  const c = Buffer.from(row.ciphertext);
  c[c.length - 1]! ^= 1;
  const r = Buffer.from(row.refs_ciphertext);
  r[r.length - 1]! ^= 1;
  db.prepare('UPDATE audit_log SET ciphertext = ?, refs_ciphertext = ? WHERE seq = ?').run(
    c,
    r,
    seq,
  );
}

test.each<Damage>(['ciphertext', 'flipped', 'null', 'uncertified'])(
  'the removal entry with its %s damaged does not let the sign-in state a lower floor: new cases are refused naming the entry, the removed user reads nothing new',
  async (damage) => {
    let core: Core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['ivan', 'interviewer'],
    ]);
    const work = mkdtempSync(join(tmpdir(), 'r24-4-'));
    try {
      await signInAs(core, 'ola');
      const before = await makeCase(core, 'BEFORE-1');
      await call(core, 'vault.lock', {});
      const kept = offlineRead(copyVault(core.vaultDir, work, 'old'), {
        username: 'ivan',
        passphrase: PASS,
      }).keys;
      expect(kept.has(OLD)).toBe(true);
      await signInAs(core, 'admin');
      await call(core, 'users.remove', { username: 'ivan' });
      const entries = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{
        seq: number;
        action: string;
      }>;
      const removal = entries.find((e) => e.action === 'users.remove')!.seq;
      await call(core, 'vault.lock', {});
      core.close();

      // No current key: RT22-1's two rows, @1 sealed to everyone, the removal entry damaged.
      const db = new Database(vaultFile(core.vaultDir));
      db.prepare("DELETE FROM key_certs WHERE key_id = 'class:case@2'").run();
      db.prepare(
        "DELETE FROM key_wraps WHERE logical = 'class:case' AND holder = 'class:case@2'",
      ).run();
      const vaultId = (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer })
        .vault_id;
      const keys = new KeyStore(db, blob(vaultId));
      keys.hold(OLD, kept.get(OLD)!.slice());
      for (const holder of ['user:ola@1', 'user:admin@1', 'recovery@1']) keys.wrap(OLD, holder);
      if (damage === 'ciphertext') damageCiphertext(db, removal);
      else damageSignature(db, removal, damage);
      const headBefore = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number })
        .s;
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
      expect(JSON.stringify(await call(core, 'cases.get', { caseId: before }))).toContain(
        'BEFORE-1',
      );
      // The sign-in signed no new floor statement.
      const listed = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{
        seq: number;
        action: string;
      }>;
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

      // vault check names the entry; an authorless one by its missing or uncertified author.
      const problems = await checkAsAdmin(core);
      const named = problems.filter(
        (p) => p.values?.entry === removal || p.id === `audit:${removal}`,
      );
      expect(named).not.toEqual([]);
      if (damage === 'null' || damage === 'uncertified')
        expect(named.map((p) => p.code)).toContain('AUDIT_SIGNER_UNCERTIFIED');
      await call(core, 'vault.lock', {});
      const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: kept });
      expect(later.plaintext).not.toMatch(/AFTER-(ola|admin)/);
    } finally {
      core.close();
      removeDir(core.vaultDir);
      removeDir(work);
    }
  },
);
