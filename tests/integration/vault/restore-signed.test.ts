// A restore is an admin's signed act, never an unsigned claim accepted at sign-in (red team
// round 7: R7-7, R7-7b keyless rollback / tail cut dressed as a restore; R7-9 a genuine restore
// with a second anchor copy reported as ROLLED_BACK; R7-8 a planted `.restore-*.partial`).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { defaultAnchorFile, restoreVault, vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../../helpers/core';

const PASS = 'a long enough staff passphrase';
const RESTORER = { username: ADMIN.username, passphrase: ADMIN.passphrase };

/** Writes the unsigned "restored" anchor an attacker without any key can write for the file's head. */
function writeUnsignedRestoreClaim(dir: string, sha256: string): void {
  const db = new Database(vaultFile(dir), { readonly: true });
  const head = db.prepare('SELECT seq, hex(mac) AS mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; mac: string };
  const { v } = db.prepare('SELECT hex(vault_id) AS v FROM vault_meta').get() as { v: string };
  db.close();
  writeFileSync(
    defaultAnchorFile(dir),
    JSON.stringify({
      format: 'hearth-audit-anchor-v1',
      vaultId: v.toLowerCase(),
      seq: head.seq,
      mac: head.mac.toLowerCase(),
      writtenAt: new Date().toISOString(),
      restoredBackupSha256: sha256,
    }),
  );
}

function removeSideFiles(dir: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(vaultFile(dir) + suffix, { force: true });
}

test('R7-7: an older copy put back with an unsigned "restored" anchor is named, not acknowledged', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const keepDir = mkdtempSync(join(tmpdir(), 'hearth-old-'));
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    core.close();
    const keep = join(keepDir, 'old.db');
    copyFileSync(vaultFile(dir), keep);
    const later = makeCore(dir);
    await call(later, 'vault.unlock', RESTORER);
    await call(later, 'users.remove', { username: 'ivan' });
    await call(later, 'vault.lock', {});
    later.close();

    // The attack, no key: the old copy back, and an anchor claiming it was restored.
    copyFileSync(keep, vaultFile(dir));
    removeSideFiles(dir);
    writeUnsignedRestoreClaim(dir, createHash('sha256').update(readFileSync(keep)).digest('hex'));

    const victim = makeCore(dir);
    try {
      // The removed user is not let in on the claim: an admin looks first.
      const refused = await callError(victim, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      expect(refused.code).toBe('FORBIDDEN');
      const admin = await call(victim, 'vault.unlock', RESTORER);
      expect(admin.anchorMissing).toMatchObject({
        status: 'unsigned',
        message: expect.stringMatching(/^RESTORE_UNCONFIRMED: .*this is a rollback/),
      });
      const check = await call(victim, 'vault.check', {});
      expect(check.ok).toBe(false);
      expect(check.problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'RESTORE_UNCONFIRMED' })]),
      );
      expect((check.notices ?? []).map((n) => n.code)).not.toContain('RESTORE_ACKNOWLEDGED');
      // Still named at the next sign-in and check: the finding is in the signed audit log.
      await call(victim, 'vault.lock', {});
      await call(victim, 'vault.unlock', RESTORER);
      expect((await call(victim, 'vault.check', {})).problems.map((p) => p.code)).toContain(
        'RESTORE_UNCONFIRMED',
      );
    } finally {
      victim.close();
    }
  } finally {
    rmSync(keepDir, { recursive: true, force: true });
    removeDir(dir);
  }
});

test('R7-7b: a cut audit tail with an unsigned "restored" anchor (made-up hash) is named', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-7',
      childAlias: 'X',
      childAgeYears: 8,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    core.close();
    let db = new Database(vaultFile(dir));
    const { n: cut } = db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number };
    db.close();
    const reader = makeCore(dir);
    await call(reader, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    await call(reader, 'cases.get', { caseId });
    await call(reader, 'vault.lock', {});
    reader.close();

    db = new Database(vaultFile(dir));
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(cut);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    writeUnsignedRestoreClaim(dir, 'ab'.repeat(32));

    const victim = makeCore(dir);
    try {
      await call(victim, 'vault.unlock', RESTORER);
      const check = await call(victim, 'vault.check', {});
      expect(check.ok).toBe(false);
      expect(check.problems.map((p) => p.code)).toContain('RESTORE_UNCONFIRMED');
    } finally {
      victim.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('R7-9: a genuine restore signs every anchor copy: no ROLLED_BACK, a signed notice', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'hearth-copy-'));
  const copy = join(outside, 'anchor.json');
  const core = await makeVault({ anchorCopy: copy });
  const dir = core.vaultDir;
  const backup = join(outside, 'backup.db');
  try {
    await call(core, 'vault.backup', { path: backup });
    await call(core, 'cases.create', {
      reference: 'AFTER-1',
      childAlias: 'Y',
      childAgeYears: 7,
      language: 'en',
    });
    await call(core, 'vault.lock', {});
    core.close();

    // Only an admin of the backup restores; a wrong passphrase changes nothing.
    const before = readFileSync(vaultFile(dir));
    expect(() =>
      restoreVault(backup, dir, {
        replace: true,
        anchorCopy: copy,
        admin: { username: ADMIN.username, passphrase: 'not the passphrase at all' },
      }),
    ).toThrow(/passphrase/);
    expect(readFileSync(vaultFile(dir)).equals(before)).toBe(true);

    const result = restoreVault(backup, dir, { replace: true, anchorCopy: copy, admin: RESTORER });
    expect(result.backupSha256).toBe(createHash('sha256').update(readFileSync(backup)).digest('hex'));
    for (const file of [defaultAnchorFile(dir), copy])
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
        signer: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    // Nothing of the staging is left in the vault folder.
    expect(readdirSync(dir).filter((f) => f.startsWith('.restore-'))).toEqual([]);

    const after = makeCore(dir, { anchorCopy: copy });
    try {
      const user = await call(after, 'vault.unlock', RESTORER);
      expect(user.rolledBack).toBeUndefined();
      expect(user.anchorMissing).toBeUndefined();
      const check = await call(after, 'vault.check', {});
      expect(check).toMatchObject({ ok: true, problems: [] });
      expect(check.notices).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'RESTORE_ACKNOWLEDGED',
            values: expect.objectContaining({ hash: result.backupSha256, signer: 'admin' }),
          }),
        ]),
      );
    } finally {
      after.close();
    }
  } finally {
    rmSync(outside, { recursive: true, force: true });
    removeDir(dir);
  }
});

test('a non-admin cannot restore; R7-8: a planted .restore-*.partial symlink is not followed', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'hearth-evil-'));
  const core = await makeVault();
  const dir = core.vaultDir;
  const backup = join(outside, 'backup.db');
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.backup', { path: backup });
    await call(core, 'vault.lock', {});
    core.close();
    expect(() =>
      restoreVault(backup, dir, { replace: true, admin: { username: 'ivan', passphrase: PASS } }),
    ).toThrow(/Only an admin restores a backup/);

    const target = join(outside, 'mine.db');
    writeFileSync(target, 'placeholder');
    symlinkSync(target, join(dir, `.restore-${process.pid}.partial`));
    restoreVault(backup, dir, { replace: true, admin: RESTORER });
    expect(lstatSync(vaultFile(dir)).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('placeholder');
    expect(existsSync(vaultFile(dir))).toBe(true);
  } finally {
    rmSync(outside, { recursive: true, force: true });
    removeDir(dir);
  }
});
