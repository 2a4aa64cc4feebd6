// Red team 24, R24-4 (high): RT22-1's rollback (class:case@2's certificate and "@1 held by @2"
// wrap deleted, the @1 a removed user kept sealed to every remaining user) plus ONE flipped byte
// in the removal's audit entry. The admin's sign-in found the class:case floor pointer naming an
// entry that does not verify, walked the log to derive the floor again, skipped the entry it
// could not open (the removal, the one statement that mattered) and signed `keys.floor` with
// class:case@1 from vault.create: every new case was readable with the removed user's keys.
// Now a walk that meets an entry it cannot verify states nothing: no new floor is signed, and
// writes under the class are refused (TAMPERED) naming the entry.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const OLD = 'class:case@1';

// verify24 (R25-A): the same with only the removal entry's signature flipped, its ciphertext
// intact: the walk read the entry, judged it "no admin's" and skipped it. (The signature removed
// altogether is a residual: docs/ARCHITECTURE.md, red team 24.)
type Damage = 'ciphertext' | 'signature flipped';

test.each<Damage>(['ciphertext', 'signature flipped'])('a removal entry with its %s does not let the sign-in state a lower floor: writes under the rolled-back key are refused, naming the entry', async (damage) => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r24-4-'));
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

    // No current key: RT22-1's two rows, @1 sealed to everyone, one byte of the removal flipped.
    const db = new Database(vaultFile(core.vaultDir));
    db.prepare("DELETE FROM key_certs WHERE key_id = 'class:case@2'").run();
    db.prepare("DELETE FROM key_wraps WHERE logical = 'class:case' AND holder = 'class:case@2'").run();
    const keys = new KeyStore(db, blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id));
    keys.hold(OLD, kept.get(OLD)!.slice());
    for (const holder of ['user:ola@1', 'user:admin@1', 'recovery@1']) keys.wrap(OLD, holder);
    const row = db.prepare('SELECT ciphertext, refs_ciphertext, signature FROM audit_log WHERE seq = ?').get(removal) as {
      ciphertext: Buffer;
      refs_ciphertext: Buffer;
      signature: Buffer;
    };
    if (damage === 'ciphertext') {
      const c = Buffer.from(row.ciphertext);
      c[c.length - 1]! ^= 1;
      const r = Buffer.from(row.refs_ciphertext);
      r[r.length - 1]! ^= 1;
      db.prepare('UPDATE audit_log SET ciphertext = ?, refs_ciphertext = ? WHERE seq = ?').run(c, r, removal);
    } else {
      const g = Buffer.from(row.signature);
      g[10]! ^= 1;
      db.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(g, removal);
    }
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
    await call(core, 'vault.lock', {});
    const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: kept });
    expect(later.plaintext).not.toMatch(/AFTER-(ola|admin)/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
