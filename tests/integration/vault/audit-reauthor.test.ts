// Red team round 7, R7-3 (regression): one staff member (an interviewer or a trainer) re-authors the
// WHOLE audit log offline as his own entries, re-MACed with the chain key every role holds and
// re-signed with his own certified key, and signs the anchor. vault check must name it: the
// entries that wrote admin-only records (users, certificates, the centre key, the start of signed
// audit) are now signed by a role that may not write them (AUDIT_AUTHOR_NOT_ALLOWED,
// check-author-role.ts). Adapted from /work/wt-red7/attacks7/resign-all.test.ts.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { initCrypto, aeadEncrypt, signDetached } from '../../../src/crypto';
import { AuditLog } from '../../../src/vault/audit';
import { blob, toHex, utf8 } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { Vault, vaultFile } from '../../../src/vault';
import { anchorMessage, defaultAnchorFile } from '../../../src/vault/anchor';
import { readSigningKey } from '../../../src/vault/users';
import { ADMIN, call, FAST_ARGON2, makeCore, makeVault } from '../../helpers/core';

const PASS = 'a long enough staff passphrase';

test.each([
  ['anchor-resigned-by-ivan', 'ivan'],
  ['anchor-resigned-by-ivan', 'tara'],
])('R7-3 whole audit log re-authored by one staff member (%s, %s) is named', async (mode, who) => {
  await initCrypto();
  const core = await makeVault();
  await call(core, 'users.add', { username: 'ivan', displayName: 'Ivan', role: 'interviewer', passphrase: PASS });
  await call(core, 'users.add', { username: 'rita', displayName: 'Rita', role: 'reviewer', passphrase: PASS });
  await call(core, 'users.add', { username: 'tara', displayName: 'Tara', role: 'trainer', passphrase: PASS });
  await call(core, 'cases.create', { reference: 'B-1', childAlias: 'X', childAgeYears: 8, language: 'en', allegationSummary: 'MARK' });
  await call(core, 'cases.create', { reference: 'B-2', childAlias: 'Y', childAgeYears: 7, language: 'en', allegationSummary: 'MARK2' });
  // The honest history (admin adds users, creates cases) raises no author finding.
  const before = await call(core, 'vault.check', {});
  expect(before).toMatchObject({ ok: true, problems: [] });
  await call(core, 'vault.lock', {});
  core.close();
  {
    const va: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    va.unlock('admin', ADMIN.passphrase);
    va.lock(); va.close();
  }
  const v1: any = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
  v1.unlock(who, PASS);
  const sk = readSigningKey(v1.records, who);
  const pk = sk.slice(32);
  v1.lock(); v1.close();

  const db = new Database(vaultFile(core.vaultDir));
  const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as any).vault_id);
  const keys = new KeyStore(db, vaultId);
  const slot = openUserSlot(db, vaultId, who, PASS);
  keys.hold(slot.keyId, slot.key);
  const audit: any = new AuditLog(db, keys, vaultId);
  const ep = audit.currentEpoch();
  const all = db.prepare('SELECT seq FROM audit_log ORDER BY seq').all() as any[];
  for (const { seq } of all) {
    const body = { at: new Date(Date.now() + seq).toISOString(), actor: who, action: 'vault.unlock', detail: { failedAttempts: 0 } };
    const e = aeadEncrypt(ep.key, utf8(JSON.stringify(body)), audit.entryAd(seq, ep.n));
    db.prepare('UPDATE audit_log SET epoch=?, nonce=?, ciphertext=? WHERE seq=?').run(ep.n, Buffer.from(e.nonce), Buffer.from(e.ciphertext), seq);
  }
  let prev = toHex(new Uint8Array(32));
  for (const r0 of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as any[]) {
    const mac = audit.chainMac(audit.chainFor(r0.epoch), r0, prev);
    const sig = signDetached(audit.signatureMessage(r0, prev, toHex(pk)), sk);
    db.prepare('UPDATE audit_log SET mac=?, signer=?, signature=? WHERE seq=?').run(Buffer.from(mac), Buffer.from(pk), Buffer.from(sig), r0.seq);
    prev = toHex(mac);
  }
  const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as any;
  const signedFrom = (db.prepare('SELECT audit_signed_from n FROM vault_meta').get() as any).n;
  db.close();
  if (mode === 'anchor-resigned-by-ivan') {
    const anchor: any = { vaultId: toHex(vaultId), seq: head.seq, mac: toHex(blob(head.mac)), writtenAt: new Date().toISOString(), auditSignedFrom: signedFrom };
    const signature = toHex(signDetached(anchorMessage(anchor, toHex(pk)), sk));
    writeFileSync(defaultAnchorFile(core.vaultDir), JSON.stringify({ format: 'hearth-audit-anchor-v1', ...anchor, signer: toHex(pk), signature }));
  }
  const core2 = makeCore(core.vaultDir);
  await call(core2, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
  const check = await call(core2, 'vault.check', {});
  core2.close();
  expect(check.ok).toBe(false);
  const named = check.problems.filter((p: any) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED');
  // vault.create (the admin's own records), the centre key, certificates, users.add: all named.
  expect(named.length).toBeGreaterThanOrEqual(4);
  expect(named[0]).toMatchObject({ values: expect.objectContaining({ signer: who }) });
  expect(named.map((p: any) => String(p.values.record))).toEqual(
    expect.arrayContaining([expect.stringMatching(/^certificate:/), expect.stringMatching(/^centre-key:/)]),
  );
  // Nothing of the content reaches the findings.
  expect(JSON.stringify(check)).not.toMatch(/MARK/);
});
