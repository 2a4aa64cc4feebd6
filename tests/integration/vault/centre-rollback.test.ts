// Red team round 5, F0: in a vault created before the centre's audit-start commitment and
// upgraded since, an interviewer who kept a copy of the file from before the upgrading admin
// sign-in puts the old, genuine centre record (no commitment) back, removes the references that
// name the commitment and the signed statement (sealed under the chain key every staff member
// holds), deletes the statement and the audit index, strips every author signature, moves the
// boundary past the end, re-MACs and signs the anchor with his own key. Before the fix the
// admin's next sign-in committed and signed the moved boundary, and vault check was clean.
// Now a commitment is made only against what no one below admin can forge (the centre's
// statement, an admin-signed anchor) or by an admin's explicit confirmation naming the entry;
// otherwise vault check names AUDIT_START_UNCONFIRMED.
import { copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aeadEncrypt, signDetached } from '../../../src/crypto';
import { defaultAnchorFile, readSigningKey, Vault, vaultFile } from '../../../src/vault';
import { anchorMessage } from '../../../src/vault/anchor';
import { centreSecretAddress, type CentreCommitment } from '../../../src/vault/centre-key';
import { blob, toHex, utf8 } from '../../../src/vault/encoding';
import type { RecordStore } from '../../../src/vault/records';
import {
  ADMIN,
  call,
  callError,
  FAST_ARGON2,
  makeCore,
  makeVault,
  removeDir,
  tempDir,
} from '../../helpers/core';
import {
  adminComesBack,
  openAsInsider,
  PASS,
  problemDetails,
  raw,
  vaultWithIvan,
} from '../../helpers/insider';

jest.setTimeout(180_000);

const SECRET_ID = 'centre-key:secret';

interface VaultInternals {
  records: RecordStore;
  centreWrite(action: string, target: string, fn: (ctx: { put: Put }) => unknown): unknown;
  centreCommitment(): CentreCommitment;
}
type Put = (address: ReturnType<typeof centreSecretAddress>, value: unknown) => unknown;

/** Runs `fn` on the vault signed in as `username` (Hearth's own code), then locks and closes. */
function asUser<T>(
  dir: string,
  username: string,
  passphrase: string,
  fn: (v: VaultInternals) => T,
) {
  const v = Vault.open(dir, { argon2: FAST_ARGON2 });
  try {
    v.unlock(username, passphrase);
    return fn(v as unknown as VaultInternals);
  } finally {
    v.lock();
    v.close();
  }
}

/**
 * FIXTURE: a vault from before the commitment: the admin re-seals the centre secret record
 * without `auditSignedFrom`, through Hearth's own audited write, as an older version left it.
 */
function makeLegacy(dir: string): void {
  asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => {
    const found = v.records.get<{ secretKey: string }>(SECRET_ID);
    if (!found) throw new Error('fixture: no centre record');
    v.centreWrite('fixture.legacyCentreRecord', 'centre', (ctx) =>
      ctx.put(
        { ...centreSecretAddress(), seq: found.address.seq + 1 },
        { secretKey: found.value.secretKey },
      ),
    );
    expect(v.centreCommitment()).toEqual({ status: 'uncommitted' });
  });
}

interface RecordRow {
  seq: number;
  nonce: Buffer;
  ciphertext: Buffer;
}

/** `username`'s own staff signing key, read through Hearth with their passphrase. */
function signingKey(dir: string, username: string, passphrase: string): Uint8Array {
  return asUser(dir, username, passphrase, (v) => readSigningKey(v.records as never, username));
}

/**
 * Steps 2-3 of F0 as `who` (ivan: his passphrase and his own staff key only): the old centre row
 * put back (when given), the statement and its references removed, every signature stripped and
 * the boundary moved past the end, the chain re-MACed, the anchor signed with `who`'s key `sk`.
 */
function rollBackAndDowngrade(
  dir: string,
  oldRow: RecordRow | undefined,
  who = { username: 'ivan', passphrase: PASS },
  sk = signingKey(dir, who.username, who.passphrase),
): void {
  const insider = openAsInsider(dir, who.username, who.passphrase);
  const { db, audit } = insider;
  const internals = audit as unknown as {
    chainFor(epoch: number | null): { refs: Uint8Array };
    openRefs(row: unknown, chain: unknown): Array<{ id: string; seq: number }>;
    refsAd(seq: number): Uint8Array;
    chainMac(chain: unknown, row: unknown, prevHex: string): Uint8Array;
  };
  try {
    if (oldRow)
      db.prepare('UPDATE records SET seq = ?, nonce = ?, ciphertext = ? WHERE record_id = ?').run(
        oldRow.seq,
        oldRow.nonce,
        oldRow.ciphertext,
        SECRET_ID,
      );
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<{
      seq: number;
      epoch: number | null;
      mac: Buffer;
    }>;
    let from = Infinity;
    for (const row of rows) {
      const chain = internals.chainFor(row.epoch);
      const refs = internals.openRefs(row, chain);
      const kept = refs.filter(
        (r) => r.id !== 'audit-start' && !(oldRow && r.id === SECRET_ID && r.seq > oldRow.seq),
      );
      if (kept.length === refs.length) continue;
      const sealed = aeadEncrypt(chain.refs, utf8(JSON.stringify(kept)), internals.refsAd(row.seq));
      db.prepare('UPDATE audit_log SET refs_nonce = ?, refs_ciphertext = ? WHERE seq = ?').run(
        Buffer.from(sealed.nonce),
        Buffer.from(sealed.ciphertext),
        row.seq,
      );
      from = Math.min(from, row.seq);
    }
    expect(from).toBeLessThan(Infinity);
    db.prepare('DELETE FROM audit_index').run();
    db.prepare("INSERT INTO vault_tasks (task) VALUES ('audit-index')").run();
    db.prepare('UPDATE vault_meta SET audit_start = NULL').run();
    const end = (db.prepare('SELECT max(seq) + 1 AS n FROM audit_log').get() as { n: number }).n;
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL').run();
    db.prepare('UPDATE vault_meta SET audit_signed_from = ?').run(end);
    let prev = toHex(blob(rows.find((r) => r.seq === from - 1)?.mac ?? Buffer.alloc(0)));
    for (const row of db
      .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
      .all(from) as typeof rows) {
      const mac = internals.chainMac(internals.chainFor(row.epoch), row, prev);
      db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?').run(Buffer.from(mac), row.seq);
      prev = toHex(mac);
    }
    const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      mac: Buffer;
    };
    const signedFrom = (
      db.prepare('SELECT audit_signed_from AS n FROM vault_meta').get() as {
        n: number;
      }
    ).n;
    const anchor = {
      vaultId: toHex(insider.vaultId),
      seq: head.seq,
      mac: toHex(blob(head.mac)),
      writtenAt: new Date().toISOString(),
      auditSignedFrom: signedFrom,
    };
    const signer = toHex(sk.slice(32));
    const signature = toHex(signDetached(anchorMessage(anchor, signer), sk));
    writeFileSync(
      defaultAnchorFile(dir),
      JSON.stringify({ format: 'hearth-audit-anchor-v1', ...anchor, signer, signature }),
    );
  } finally {
    db.close();
  }
}

test('F0: the old centre record put back and the start moved: never committed, vault check names it', async () => {
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
    makeLegacy(dir);
    // ivan's older copy of the centre row, taken before the upgrading admin sign-in.
    const oldRow = raw(dir, (db) =>
      db.prepare('SELECT seq, nonce, ciphertext FROM records WHERE record_id = ?').get(SECRET_ID),
    ) as RecordRow;
    // The admin signs in (the statement verifies: the commitment is made) and works.
    const admin = makeCore(dir);
    await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(admin, 'cases.create', {
      reference: 'B-2',
      childAlias: 'Y',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'MARK2',
    });
    expect((await call(admin, 'vault.check', {})).ok).toBe(true);
    // The admin's backup after the upgrade: outside proof the insider never reaches.
    const backupFile = join(tempDir(), 'after-upgrade.db');
    await call(admin, 'vault.backup', { path: backupFile });
    await call(admin, 'vault.lock', {});
    admin.close();
    expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status).toBe(
      'committed',
    );

    rollBackAndDowngrade(dir, oldRow);

    const { check } = await adminComesBack(dir);
    expect(check.ok).toBe(false);
    expect(problemDetails(check)).toMatch(/AUDIT_START_UNCONFIRMED/);
    // Nothing was committed or signed on the strength of ivan's anchor.
    expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status).toBe(
      'uncommitted',
    );
    const again = await adminComesBack(dir);
    expect(problemDetails(again.check)).toMatch(/AUDIT_START_UNCONFIRMED/);
    // R6-1 (a): the check never hands out the file's (ivan's) number as a ready-made command.
    expect(problemDetails(again.check)).not.toMatch(/--from/);
    expect(problemDetails(again.check)).toMatch(/confirm-audit-start --backup FILE/);
    // R6-1 (b): the admin follows the advice with the backup: the log ivan rewrote is not the
    // backup's, so nothing is committed, and the error says to restore.
    const admin2 = makeCore(dir);
    try {
      await call(admin2, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const refused = await callError(admin2, 'vault.confirmAuditStart', { backupFile });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toMatch(/rewritten outside Hearth.*Restore the newest backup/);
      expect((await call(admin2, 'vault.check', {})).ok).toBe(false);
    } finally {
      admin2.close();
    }
    expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status).toBe(
      'uncommitted',
    );
    removeDir(dirname(backupFile));
  } finally {
    core.close();
    removeDir(dir);
  }
});

test('legacy vault without a statement: nothing committed at sign-in, even after an admin wrote the anchor; an admin confirms the entry', async () => {
  const core = await vaultWithIvan(true);
  const dir = core.vaultDir;
  const backupDir = tempDir();
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const adminKey = signingKey(dir, ADMIN.username, ADMIN.passphrase);
    makeLegacy(dir);
    // An older vault still: no centre statement, every entry written before signatures existed
    // (as a vault that was upgraded and not signed into since), the anchor an admin's.
    rollBackAndDowngrade(dir, undefined, ADMIN, adminKey);
    // The centre's backup of the vault as it stood (a plain copy of the closed file).
    const backupFile = join(backupDir, 'before.db');
    copyFileSync(vaultFile(dir), backupFile);
    const end = raw(
      dir,
      (db) =>
        (db.prepare('SELECT audit_signed_from AS n FROM vault_meta').get() as { n: number }).n,
    );
    // Two admin sign-ins: the second finds an anchor the first admin signed, which only echoes
    // the file's boundary and so settles nothing.
    for (let i = 0; i < 2; i++) {
      const { check } = await adminComesBack(dir);
      expect(check.ok).toBe(false);
      expect(problemDetails(check)).toMatch(/AUDIT_START_UNCONFIRMED/);
      expect(
        asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status,
      ).toBe('uncommitted');
    }
    const admin = makeCore(dir);
    try {
      await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      // Not proof: a file that is not a vault, a backup of another vault.
      const notVault = join(backupDir, 'not-a-vault.db');
      writeFileSync(notVault, 'hello');
      expect(
        (await callError(admin, 'vault.confirmAuditStart', { backupFile: notVault })).message,
      ).toMatch(/not-a-vault\.db/);
      const other = await makeVault();
      other.close();
      expect(
        (
          await callError(admin, 'vault.confirmAuditStart', {
            backupFile: vaultFile(other.vaultDir),
          })
        ).message,
      ).toMatch(/backup of another vault/);
      removeDir(other.vaultDir);
      const done = await call(admin, 'vault.confirmAuditStart', { backupFile });
      expect(done).toEqual({ auditSignedFrom: end, unsignedEntries: end - 1 });
      const after = await call(admin, 'vault.check', {});
      expect(after.ok).toBe(true);
      expect(JSON.stringify(after.notices)).toMatch(/LEGACY_UNSIGNED/);
      // Once committed, there is nothing left to confirm.
      expect((await callError(admin, 'vault.confirmAuditStart', { backupFile })).code).toBe(
        'CONFLICT',
      );
    } finally {
      admin.close();
    }
    expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment())).toEqual({
      status: 'committed',
      auditSignedFrom: end,
    });
    const ivan = makeCore(dir);
    try {
      await call(ivan, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      expect((await callError(ivan, 'vault.confirmAuditStart', { backupFile })).code).toBe(
        'FORBIDDEN',
      );
    } finally {
      ivan.close();
    }
  } finally {
    removeDir(dir);
    removeDir(backupDir);
  }
});

// Red team round 6, R6-2: on a genuine legacy vault (unsigned entries, no statement, centre
// record uncommitted), an insider lowers the column to 1. Before the fix the admin's sign-in
// committed 1 on its own, and every legacy entry was reported forever as a signature removed
// outside Hearth.
test('R6-2: the column lowered to 1 over unsigned entries is not committed at sign-in; a backup settles it', async () => {
  const core = await vaultWithIvan(true);
  const dir = core.vaultDir;
  const backupDir = tempDir();
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const adminKey = signingKey(dir, ADMIN.username, ADMIN.passphrase);
    makeLegacy(dir);
    rollBackAndDowngrade(dir, undefined, ADMIN, adminKey);
    const backupFile = join(backupDir, 'legacy.db');
    copyFileSync(vaultFile(dir), backupFile);
    const end = raw(
      dir,
      (db) =>
        (db.prepare('SELECT audit_signed_from AS n FROM vault_meta').get() as { n: number }).n,
    );
    expect(end).toBeGreaterThan(1);
    raw(dir, (db) => db.prepare('UPDATE vault_meta SET audit_signed_from = 1').run());
    const { check } = await adminComesBack(dir);
    expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status).toBe(
      'uncommitted',
    );
    expect(problemDetails(check)).toMatch(/AUDIT_START_UNCONFIRMED/);
    // The backup shows where signed audit really starts: committed there, the column put back.
    const admin = makeCore(dir);
    try {
      await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(await call(admin, 'vault.confirmAuditStart', { backupFile })).toEqual({
        auditSignedFrom: end,
        unsignedEntries: end - 1,
      });
      const after = await call(admin, 'vault.check', {});
      // No legacy entry is accused of a stripped signature, and nothing is left to confirm; the
      // admin-signed anchor's record of the lowered column stays named, as it happened.
      expect(problemDetails(after)).not.toMatch(/signature was removed|AUDIT_START_UNCONFIRMED/);
      expect(after.problems.map((p) => p.kind)).toEqual(['rollback']);
      expect(problemDetails(after)).toMatch(/said signed audit starts at entry 1, but the signed anchor recorded/);
    } finally {
      admin.close();
    }
  } finally {
    removeDir(dir);
    removeDir(backupDir);
  }
});

test('a new vault whose entries are all signed still commits 1 at the first admin sign-in', async () => {
  const core = await vaultWithIvan(true);
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    makeLegacy(dir);
    await adminComesBack(dir);
    expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment())).toEqual({
      status: 'committed',
      auditSignedFrom: 1,
    });
  } finally {
    removeDir(dir);
  }
});
