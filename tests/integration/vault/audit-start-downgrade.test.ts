// Red team round 4, N1: with one interviewer passphrase, the insider deletes the centre-signed
// statement of where signed audit starts (vault_meta.audit_start) and the audit reference that
// commits to it (sealed under the chain key every staff member holds), drops its audit index
// row, strips every author signature, moves vault_meta.audit_signed_from past the end, re-MACs
// the chain and signs the anchor with his own certified key. Before the fix, the admin's next
// sign-in found "no statement yet" and signed the moved start itself; vault check was clean.
// Now the centre's commitment lives in its secret record (sealed under the admin-only staff key,
// written when the vault is made): sign-in never signs another start, and vault check names
// the deletion. The same kind: deleting or replacing the centre key itself.
import { writeFileSync } from 'node:fs';
import {
  aeadEncrypt,
  deriveKeyId,
  generateSignKeyPair,
  keyIdText,
  signDetached,
} from '../../../src/crypto';
import { signCertificate } from '../../../src/vault/certificate-format';
import type { CertificateRecord } from '../../../src/vault/certificates';
import { defaultAnchorFile, readSigningKey, Vault } from '../../../src/vault';
import { anchorMessage } from '../../../src/vault/anchor';
import { centreKeyInfo } from '../../../src/vault/centre-key';
import { toHex, utf8 } from '../../../src/vault/encoding';
import { ADMIN, call, callError, FAST_ARGON2, makeCore, removeDir } from '../../helpers/core';
import {
  adminComesBack,
  auditHead,
  openAsInsider,
  PASS,
  problemDetails,
  raw,
  rechainFrom,
  vaultWithIvan,
} from '../../helpers/insider';

jest.setTimeout(120_000);

/** ivan's own staff signing key (legitimately his), read through Hearth with his passphrase. */
function ivanSigningKey(dir: string): Uint8Array {
  const v = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    v.unlock('ivan', PASS);
    return readSigningKey((v as unknown as { records: never }).records, 'ivan');
  } finally {
    v.lock();
    v.close();
  }
}

test('interviewer deletes the signed audit start, strips signatures, moves the start and signs the anchor himself: named, never re-signed', async () => {
  const core = await vaultWithIvan(true);
  const dir = core.vaultDir;
  try {
    await call(core, 'cases.create', {
      reference: 'B-1',
      childAlias: 'X',
      childAgeYears: 8,
      language: 'en',
      allegationSummary: 'MARK',
    });
    await call(core, 'vault.lock', {});
    core.close();
    const sk = ivanSigningKey(dir);

    // ---- offline, with ivan's passphrase (the attack script of red team round 4) ----
    const insider = openAsInsider(dir, 'ivan');
    const { db, audit } = insider;
    type Row = { seq: number; epoch: number | null; mac: Buffer };
    let from = 0;
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]) {
      const chain = audit.chainFor(row.epoch);
      const refs = audit.openRefs(row, chain);
      if (!refs.some((r) => r.id === 'audit-start')) continue;
      const kept = refs.filter((r) => r.id !== 'audit-start');
      const sealed = aeadEncrypt(chain.refs, utf8(JSON.stringify(kept)), audit.refsAd(row.seq));
      db.prepare('UPDATE audit_log SET refs_nonce = ?, refs_ciphertext = ? WHERE seq = ?').run(
        Buffer.from(sealed.nonce),
        Buffer.from(sealed.ciphertext),
        row.seq,
      );
      from = row.seq;
    }
    expect(from).toBeGreaterThan(0);
    db.prepare("DELETE FROM audit_index WHERE record_id = 'audit-start'").run();
    db.prepare('UPDATE vault_meta SET audit_start = NULL').run();
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
    db.prepare(
      'UPDATE vault_meta SET audit_signed_from = (SELECT max(seq) + 1 FROM audit_log)',
    ).run();
    rechainFrom(insider, from);
    const head = auditHead(db);
    const signedFrom = (
      db.prepare('SELECT audit_signed_from AS n FROM vault_meta').get() as { n: number }
    ).n;
    db.close();
    const anchor = {
      vaultId: toHex(insider.vaultId),
      seq: head.seq,
      mac: toHex(head.mac),
      writtenAt: new Date().toISOString(),
      auditSignedFrom: signedFrom,
    };
    const signer = toHex(sk.slice(32));
    const signature = toHex(signDetached(anchorMessage(anchor, signer), sk));
    writeFileSync(
      defaultAnchorFile(dir),
      JSON.stringify({ format: 'hearth-audit-anchor-v1', ...anchor, signer, signature }),
    );

    // ---- the admin comes back ----
    const { check } = await adminComesBack(dir);
    expect(check.ok).toBe(false);
    const details = problemDetails(check);
    expect(details).toMatch(
      /AUDIT_START_DELETED: the centre committed that audit entries are signed from entry 1 on/,
    );
    expect(details).toMatch(/AUDIT_START_MOVED: .*but the centre committed to 1/);
    expect(details).toMatch(/signature was removed outside Hearth/);
    expect(details).toMatch(/Restore the newest backup/);
    expect((check.notices ?? []).map((n) => n.kind)).not.toContain('legacy-unsigned');
    // The admin's sign-in did not repair anything: no statement was signed again, twice over.
    for (let i = 0; i < 2; i++) await adminComesBack(dir);
    const stored = raw(dir, (d) =>
      d.prepare('SELECT audit_start AS t, audit_signed_from AS n FROM vault_meta').get(),
    ) as { t: string | null; n: number };
    expect(stored.t).toBeNull();
    expect(stored.n).toBe(signedFrom);
  } finally {
    removeDir(dir);
  }
});

test('the whole centre key deleted (a vault made to look older than certificates): no new centre key is made; named; staff sign-in refused', async () => {
  const core = await vaultWithIvan();
  const dir = core.vaultDir;
  try {
    raw(dir, (db) =>
      db
        .prepare(
          "DELETE FROM records WHERE kind IN ('centre-key', 'centre-key-secret', 'certificate', 'staff-keys')",
        )
        .run(),
    );
    const staff = makeCore(dir);
    const refused = await callError(staff, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    staff.close();
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toMatch(/centre key is missing.*restore the newest backup/);
    const { check } = await adminComesBack(dir);
    expect(check.ok).toBe(false);
    expect(problemDetails(check)).toMatch(/CENTRE_KEY_MISSING: .*Restore the newest backup/);
    const centreRows = raw(dir, (db) =>
      db.prepare("SELECT count(*) AS n FROM records WHERE container_id = 'centre'").get(),
    ) as { n: number };
    expect(centreRows.n).toBe(0);
  } finally {
    removeDir(dir);
  }
});

test('an interviewer replaces the centre public key (directory class) with his own and re-signs every certificate: named', async () => {
  const core = await vaultWithIvan();
  const dir = core.vaultDir;
  try {
    const insider = openAsInsider(dir, 'ivan');
    const fake = generateSignKeyPair();
    insider.records.put(
      {
        recordId: 'centre-key:public',
        containerId: 'centre',
        kind: 'centre-key',
        seq: 2,
        keyRef: 'class:directory',
      },
      centreKeyInfo(fake.publicKey, new Date().toISOString(), 'admin'),
    );
    // Every certificate re-signed by his key, roles unchanged, so that everyone still signs in.
    const fakeId = keyIdText(deriveKeyId(fake.publicKey));
    for (const found of insider.records.list<CertificateRecord>('certificate', 'certificates')
      .records) {
      const { statement } = found.value.certificate;
      insider.records.put(
        { ...found.address, keyRef: 'class:directory', seq: found.address.seq + 1 },
        { certificate: signCertificate({ ...statement, centreKeyId: fakeId }, fake.secretKey) },
      );
    }
    insider.db.close();
    const { check } = await adminComesBack(dir);
    expect(check.ok).toBe(false);
    expect(problemDetails(check)).toMatch(/CENTRE_KEY_REPLACED/);
  } finally {
    removeDir(dir);
  }
});

test('a new vault: the centre committed to signed audit from entry 1, and the check is clean', async () => {
  const core = await vaultWithIvan();
  try {
    const v = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    try {
      v.unlock(ADMIN.username, ADMIN.passphrase);
      expect(v.centreCommitment()).toEqual({ status: 'committed', auditSignedFrom: 1 });
    } finally {
      v.close();
    }
    const { check } = await adminComesBack(core.vaultDir);
    expect(check).toMatchObject({ ok: true, problems: [] });
  } finally {
    removeDir(core.vaultDir);
  }
});
