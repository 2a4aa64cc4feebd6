// Red team round 5, F0: in a vault created before the centre's audit-start commitment and
// upgraded since, an interviewer who kept a copy of the file from before the upgrading admin
// sign-in puts the old, genuine centre record (no commitment) back, removes the references that
// name the commitment and the signed statement (sealed under the chain key every staff member
// holds), deletes the statement and the audit index, strips every author signature, moves the
// boundary past the end, re-MACs and signs the anchor with his own key. Before the fix the
// admin's next sign-in committed and signed the moved boundary, and vault check was clean.
// Now a commitment is made only against what no one below admin can forge (the centre's
// statement, an admin-signed anchor) or by an admin's explicit confirmation naming the entry;
// otherwise vault check names AUDIT_START_UNCONFIRMED. Red team round 6, R6-1 (c): the
// commitment opens a new epoch of the staff key, so the old row put back no longer opens at all
// and the check names CENTRE_KEY_MISSING (there is nothing left for an admin to confirm into).
import { copyFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
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

/**
 * Makes a plain copy of an upgraded, uncommitted vault look like the backup the centre made
 * before the upgrade to signed audit (no audit_signed_from column): a copy made after the upgrade
 * but before the commitment is refused as proof (red team round 7, R7-1: it may copy the
 * tampering), so these tests give what an admin must give, a pre-upgrade backup.
 */
function asPreUpgradeBackup(file: string): void {
  const db = new Database(file);
  try {
    db.exec('ALTER TABLE vault_meta DROP COLUMN audit_signed_from');
  } finally {
    db.close();
  }
}

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
      // A vault from before signed audit has no admin checkpoint either (checkpoint.ts).
      const kept = refs.filter(
        (r) =>
          r.id !== 'audit-start' &&
          r.id !== 'audit-checkpoint' &&
          !(oldRow && r.id === SECRET_ID && r.seq > oldRow.seq),
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
    db.prepare("DELETE FROM records WHERE record_id = 'audit-checkpoint'").run();
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

interface FullRow extends RecordRow {
  key_ref: string;
}

interface WrapRow {
  logical: string;
  version: number;
  holder: string;
  nonce: Buffer;
  wrapped_key: Buffer;
}

/** The class:staff key wraps as they stand (ivan's old copy of them). */
function staffWraps(dir: string): WrapRow[] {
  return raw(
    dir,
    (db) => db.prepare("SELECT * FROM key_wraps WHERE logical = 'class:staff'").all() as WrapRow[],
  );
}

/**
 * The F0 set-up up to the attack: a legacy vault with case B-1, ivan's copies of the uncommitted
 * centre row (every column) and of the class:staff wraps, then the admin's sign-in that commits,
 * a case B-2, and a clean check. Returns ivan's copies.
 */
async function committedAfterIvanCopied(
  dir: string,
): Promise<{ oldRow: FullRow; oldWraps: WrapRow[] }> {
  makeLegacy(dir);
  const oldRow = raw(dir, (db) =>
    db
      .prepare('SELECT seq, key_ref, nonce, ciphertext FROM records WHERE record_id = ?')
      .get(SECRET_ID),
  ) as FullRow;
  const oldWraps = staffWraps(dir);
  const admin = makeCore(dir);
  try {
    await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(admin, 'cases.create', {
      reference: 'B-2',
      childAlias: 'Y',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'MARK2',
    });
    expect((await call(admin, 'vault.check', {})).ok).toBe(true);
  } finally {
    admin.close();
  }
  expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status).toBe(
    'committed',
  );
  // The commitment opened a new epoch of the staff key: the old row's key is gone.
  expect(staffWraps(dir).some((w) => `class:staff@${w.version}` === oldRow.key_ref)).toBe(false);
  return { oldRow, oldWraps };
}

/** Plain SQL: the whole old row (version, key reference, nonce, ciphertext) written back. */
function putBackRow(dir: string, oldRow: FullRow): void {
  raw(dir, (db) =>
    db
      .prepare(
        'UPDATE records SET seq = ?, key_ref = ?, nonce = ?, ciphertext = ? WHERE record_id = ?',
      )
      .run(oldRow.seq, oldRow.key_ref, oldRow.nonce, oldRow.ciphertext, SECRET_ID),
  );
}

/** After the attack: CENTRE_KEY_MISSING (not UNCONFIRMED), nothing committed, confirm refused. */
async function expectNamedMissing(dir: string, backupFile: string): Promise<void> {
  const { check } = await adminComesBack(dir);
  expect(check.ok).toBe(false);
  expect(problemDetails(check)).toMatch(/CENTRE_KEY_MISSING/);
  expect(problemDetails(check)).not.toMatch(/AUDIT_START_UNCONFIRMED/);
  expect(asUser(dir, ADMIN.username, ADMIN.passphrase, (v) => v.centreCommitment()).status).toBe(
    'missing',
  );
  // R6-1: there is nothing for the admin to confirm into, even with a genuine backup.
  const admin = makeCore(dir);
  try {
    await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const refused = await callError(admin, 'vault.confirmAuditStart', { backupFile });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toMatch(/CENTRE_KEY_MISSING.*Restore the newest backup/);
    expect(refused.reason).toBe('CENTRE_KEY_MISSING');
  } finally {
    admin.close();
  }
}

test('R6-1 (c): the old centre row put back (plain SQL, every column) after the commitment no longer opens: CENTRE_KEY_MISSING', async () => {
  const core = await vaultWithIvan(true);
  const dir = core.vaultDir;
  const backupDir = tempDir();
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
    const { oldRow } = await committedAfterIvanCopied(dir);
    const backupFile = join(backupDir, 'after-upgrade.db');
    copyFileSync(vaultFile(dir), backupFile);

    rollBackAndDowngrade(dir, oldRow);
    putBackRow(dir, oldRow);

    await expectNamedMissing(dir, backupFile);
    // Signing in again commits nothing either.
    await expectNamedMissing(dir, backupFile);
  } finally {
    core.close();
    removeDir(dir);
    removeDir(backupDir);
  }
});

test('R6-1 (c): the old row and the old staff-key wraps put back: the old epoch does not reach the current one, CENTRE_KEY_MISSING', async () => {
  const core = await vaultWithIvan(true);
  const dir = core.vaultDir;
  const backupDir = tempDir();
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const { oldRow, oldWraps } = await committedAfterIvanCopied(dir);
    const backupFile = join(backupDir, 'after-upgrade.db');
    copyFileSync(vaultFile(dir), backupFile);

    rollBackAndDowngrade(dir, oldRow);
    putBackRow(dir, oldRow);
    raw(dir, (db) => {
      const insert = db.prepare(
        'INSERT OR REPLACE INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, ?, ?, ?, ?)',
      );
      for (const w of oldWraps) insert.run(w.logical, w.version, w.holder, w.nonce, w.wrapped_key);
    });
    // The old row opens again with the old wraps (this is what a copy of the file gives), but
    // the old version is not wrapped under the current one, which only an admin can do.
    await expectNamedMissing(dir, backupFile);
  } finally {
    core.close();
    removeDir(dir);
    removeDir(backupDir);
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
    asPreUpgradeBackup(backupFile);
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
    // The log rewritten since the backup (its entry at the backup's head differs): refused.
    const head = end - 1;
    const mac = raw(
      dir,
      (db) =>
        (db.prepare('SELECT mac FROM audit_log WHERE seq = ?').get(head) as { mac: Buffer }).mac,
    );
    const flipped = Buffer.from(mac);
    flipped.writeUInt8(flipped.readUInt8(0) ^ 1, 0);
    raw(dir, (db) => db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?').run(flipped, head));
    const rewrittenCore = makeCore(dir);
    try {
      await call(rewrittenCore, 'vault.unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      });
      const rewritten = await callError(rewrittenCore, 'vault.confirmAuditStart', { backupFile });
      expect(rewritten.code).toBe('TAMPERED');
      expect(rewritten.message).toMatch(/rewritten outside Hearth.*Restore the newest backup/);
      expect(rewritten.reason).toBe('LOG_REWRITTEN');
    } finally {
      rewrittenCore.close();
    }
    raw(dir, (db) => db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?').run(mac, head));
    const admin = makeCore(dir);
    try {
      await call(admin, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      // Not proof: a file that is not a vault, a backup of another vault.
      const notVault = join(backupDir, 'not-a-vault.db');
      writeFileSync(notVault, 'hello');
      const notVaultError = await callError(admin, 'vault.confirmAuditStart', {
        backupFile: notVault,
      });
      expect(notVaultError.message).toMatch(/not-a-vault\.db/);
      expect(notVaultError.reason).toBe('NOT_A_VAULT');
      const other = await makeVault();
      other.close();
      expect(
        (
          await callError(admin, 'vault.confirmAuditStart', {
            backupFile: vaultFile(other.vaultDir),
          })
        ).message,
      ).toMatch(/backup of another vault/);
      expect(
        (
          await callError(admin, 'vault.confirmAuditStart', {
            backupFile: vaultFile(other.vaultDir),
          })
        ).reason,
      ).toBe('OTHER_VAULT');
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
    asPreUpgradeBackup(backupFile);
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
      expect(problemDetails(after)).toMatch(
        /said signed audit starts at entry 1, but the signed anchor recorded/,
      );
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
