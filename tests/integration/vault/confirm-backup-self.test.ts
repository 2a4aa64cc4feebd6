// Red team round 7, R7-1 / R7-1d (regression): after the R6-1 centre-row rollback, the admin runs
// confirm-audit-start with a "backup" that copies the tampered state (a backup made now, or the
// tampered file dropped into the backups folder), or one whose start is impossible (1,000,000,000).
// Each is refused (CONFLICT, nothing committed) and the check stays not ok. Adapted from
// /work/wt-red7/attacks7/confirm-backup-self.test.ts (the attack steps are the red team's).
/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument */
import Database from 'better-sqlite3';
import { writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { initCrypto, aeadEncrypt, signDetached } from '../../../src/crypto';
import { AuditLog } from '../../../src/vault/audit';
import { blob, toHex, utf8 } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { Vault, vaultFile } from '../../../src/vault';
import { centreSecretAddress } from '../../../src/vault/centre-key';
import { anchorMessage, defaultAnchorFile } from '../../../src/vault/anchor';
import { readSigningKey } from '../../../src/vault/users';
import { ADMIN, call, FAST_ARGON2, makeCore, makeVault } from '../../helpers/core';

const PASS = 'a long enough staff passphrase';
const ID = 'centre-key:secret';

test.each(['vault-file-itself','fresh-backup-of-tampered-file','copy-planted-by-insider','planted-copy-huge-start'])('R7-1 confirm-audit-start --backup %s after the R6-1 rollback', async (mode) => {
  await initCrypto();
  const core = await makeVault();
  await call(core, 'users.add', { username: 'ivan', displayName: 'Ivan', role: 'interviewer', passphrase: PASS });
  await call(core, 'cases.create', { reference: 'B-1', childAlias: 'X', childAgeYears: 8, language: 'en', allegationSummary: 'MARK' });
  await call(core, 'vault.lock', {});
  core.close();

  // FIXTURE: make it look like a vault from before the commitment (admin, through Hearth's own write).
  {
    const v: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    v.unlock('admin', ADMIN.passphrase);
    const found = v.records.get(ID);
    v.centreWrite('fixture.legacyCentreRecord', 'centre', (ctx: any) =>
      ctx.put({ ...centreSecretAddress(), seq: found.address.seq + 1 }, { secretKey: found.value.secretKey }));
    v.lock(); v.close();
  }
  // IVAN's older copy of the row (and his own signing key)
  let db = new Database(vaultFile(core.vaultDir));
  const oldRow = db.prepare('SELECT * FROM records WHERE record_id=?').get(ID) as any;
  db.close();
  const v1: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
  v1.unlock('ivan', PASS);
  const sk = readSigningKey(v1.records, 'ivan');
  const pk = sk.slice(32);
  v1.lock(); v1.close();

  // Admin signs in: commitment made.
  {
    const c = makeCore(core.vaultDir);
    await call(c, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    await call(c, 'cases.create', { reference: 'B-2', childAlias: 'Y', childAgeYears: 7, language: 'en', allegationSummary: 'MARK2' });
    await call(c, 'vault.check', {});
    await call(c, 'vault.lock', {});
    c.close();
    const v: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    v.unlock('admin', ADMIN.passphrase);
    v.lock(); v.close();
  }

  // ATTACK as IVAN
  db = new Database(vaultFile(core.vaultDir));
  db.prepare('UPDATE records SET seq=?, nonce=?, ciphertext=?, key_ref=?, container_id=?, kind=? WHERE record_id=?')
    .run(oldRow.seq, oldRow.nonce, oldRow.ciphertext, oldRow.key_ref, oldRow.container_id, oldRow.kind, ID);
  const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as any).vault_id);
  const keys = new KeyStore(db, vaultId);
  const slot = openUserSlot(db, vaultId, 'ivan', PASS);
  keys.hold(slot.keyId, slot.key);
  const audit: any = new AuditLog(db, keys, vaultId);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as any[];
  let from = Infinity;
  for (const row of rows) {
    const chain = audit.chainFor(row.epoch);
    const refs = audit.openRefs(row, chain) as any[];
    const kept = refs.filter((r: any) => r.id !== 'audit-start' && !(r.id === ID && r.seq > oldRow.seq));
    if (kept.length === refs.length) continue;
    const sealed = aeadEncrypt(chain.refs, utf8(JSON.stringify(kept)), audit.refsAd(row.seq));
    db.prepare('UPDATE audit_log SET refs_nonce=?, refs_ciphertext=? WHERE seq=?').run(Buffer.from(sealed.nonce), Buffer.from(sealed.ciphertext), row.seq);
    from = Math.min(from, row.seq);
  }
  db.prepare('DELETE FROM audit_index').run();
  db.prepare("INSERT INTO vault_tasks (task) VALUES ('audit-index')").run();
  db.prepare('UPDATE vault_meta SET audit_start=NULL').run();
  db.prepare('UPDATE audit_log SET signer=NULL, signature=NULL').run();
  db.prepare('UPDATE vault_meta SET audit_signed_from=(SELECT max(seq)+1 FROM audit_log)').run();
  let prev: Uint8Array | undefined = from > 1 ? blob(rows.find((r) => r.seq === from - 1).mac) : undefined;
  for (const r0 of db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(from) as any[]) {
    const mac = audit.chainMac(audit.chainFor(r0.epoch), r0, prev ? toHex(prev) : "");
    db.prepare('UPDATE audit_log SET mac=? WHERE seq=?').run(Buffer.from(mac), r0.seq);
    prev = mac;
  }
  const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as any;
  const signedFrom = (db.prepare('SELECT audit_signed_from n FROM vault_meta').get() as any).n;
  db.close();
  const anchor: any = { vaultId: toHex(vaultId), seq: head.seq, mac: toHex(blob(head.mac)), writtenAt: new Date().toISOString(), auditSignedFrom: signedFrom };
  const signer = toHex(pk);
  const signature = toHex(signDetached(anchorMessage(anchor, signer), sk));
  writeFileSync(defaultAnchorFile(core.vaultDir), JSON.stringify({ format: 'hearth-audit-anchor-v1', ...anchor, signer, signature }));

  {
    // What an admin (audit key holder) can still read in the 'legacy' entries the insider excused.
    const va: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    va.unlock('admin', ADMIN.passphrase);
    va.lock(); va.close();
  }
  const core2 = makeCore(core.vaultDir);
  await call(core2, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  const check = await call(core2, 'vault.check', {});
  let proof: string;
  if (mode === 'vault-file-itself') proof = vaultFile(core.vaultDir);
  else if (mode === 'fresh-backup-of-tampered-file') {
    proof = join(mkdtempSync(join(tmpdir(), 'r7bk-')), 'hearth-backup.db');
    await call(core2, 'vault.backup', { path: proof });
  } else {
    // the insider copied the tampered file into the backups folder under a backup-looking name
    proof = join(mkdtempSync(join(tmpdir(), 'r7bk-')), 'hearth-backup-2026-01-01.db');
    core2.close();
    copyFileSync(vaultFile(core.vaultDir), proof);
    if (mode === 'planted-copy-huge-start') {
      const d = new Database(proof);
      d.prepare('UPDATE vault_meta SET audit_signed_from = 1000000000').run();
      d.pragma('journal_mode = DELETE');
      d.close();
    }
  }
  const c3 = mode.startsWith('planted') || mode === 'copy-planted-by-insider' ? makeCore(core.vaultDir) : core2;
  if (c3 !== core2) await call(c3, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  const conf = await c3.invoke('vault.confirmAuditStart', { backupFile: proof });
  const check2 = await call(c3, 'vault.check', {});
  if (mode === 'planted-copy-huge-start') {
    // ivan now strips/forges signatures of any later entry: rewrite the newest entry's body unsigned
    c3.close();
    const db = new Database(vaultFile(core.vaultDir));
    db.prepare('UPDATE audit_log SET signer=NULL, signature=NULL').run();
    db.close();
    const c4 = makeCore(core.vaultDir);
    await call(c4, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect((await call(c4, 'vault.check', {})).ok).toBe(false);
    c4.close();
  } else c3.close();
  expect(check.ok).toBe(false);
  expect(conf.ok).toBe(false);
  // Refused: CONFLICT (a post-upgrade backup made before the centre committed, R7-1; an
  // impossible start, R7-1d) or TAMPERED (the centre row put back is named first since R6-1 (c)).
  if (mode !== 'vault-file-itself' && !conf.ok)
    expect(['CONFLICT', 'TAMPERED']).toContain(conf.error.code);
  expect(check2.ok).not.toBe(true);
});
