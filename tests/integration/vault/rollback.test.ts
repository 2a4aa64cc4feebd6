// Rollback and tail deletion against the anchor outside the file (security review F3, F20):
// deleting the newest audit entries and the rows they wrote, or putting back an older copy of
// the whole file, is reported as ROLLED_BACK with how many entries are missing, at unlock and by
// `vault check`, and stays on record in the audit log after the anchor moves on.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { defaultAnchorFile, restoreVault, vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

jest.setTimeout(120_000);

function recordIds(db: Database.Database): Set<string> {
  return new Set(
    (db.prepare('SELECT record_id FROM records').all() as Array<{ record_id: string }>).map(
      (r) => r.record_id,
    ),
  );
}

async function vaultWithInterview() {
  const core = await makeVault();
  const { caseId } = await call(core, 'cases.create', {
    reference: 'RB-1',
    childAlias: 'Robin',
    childAgeYears: 8,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'first words' });
  return Object.assign(core, { caseId, sessionId });
}

test('tail deletion with no key: the missing entries are counted at unlock and by vault check', async () => {
  const core = await vaultWithInterview();
  const dir = core.vaultDir;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    // The attacker notes the cleartext audit head and record ids while the vault is closed...
    let db = new Database(vaultFile(dir));
    const headBefore = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    const idsBefore = recordIds(db);
    db.close();

    // ...the centre keeps working: a note, a new case, a lock...
    const again = makeCore(dir);
    await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    await call(again, 'sessions.addNote', {
      sessionId: core.sessionId,
      kind: 'child',
      text: 'the last words',
    });
    await call(again, 'cases.create', {
      reference: 'RB-2',
      childAlias: 'Lee',
      childAgeYears: 5,
      language: 'en',
    });
    await call(again, 'vault.lock', {});
    again.close();

    // ...then the attacker deletes the newest audit entries and every row they wrote.
    db = new Database(vaultFile(dir));
    const headAfter = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(headBefore);
    for (const id of recordIds(db))
      if (!idsBefore.has(id)) db.prepare('DELETE FROM records WHERE record_id = ?').run(id);
    db.close();
    const missing = headAfter - headBefore;
    expect(missing).toBeGreaterThanOrEqual(5);

    const victim = makeCore(dir);
    try {
      const user = await call(victim, 'vault.unlock', {
        username: 'admin',
        passphrase: ADMIN.passphrase,
      });
      expect(user.rolledBack).toMatchObject({ missing });
      expect(user.rolledBack?.message).toMatch(/^ROLLED_BACK/);
      const check = await call(victim, 'vault.check', {});
      expect(check.ok).toBe(false);
      const rollback = check.problems.filter((p) => p.kind === 'rollback');
      expect(rollback).toHaveLength(1);
      expect(rollback[0]?.detail).toContain(`${missing} audit entries were missing`);
      // The finding stays on record after the anchor has moved on to the new head.
      await call(victim, 'vault.lock', {});
      await call(victim, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      const later = await call(victim, 'vault.check', {});
      expect(later.problems.filter((p) => p.kind === 'rollback')).toHaveLength(1);
    } finally {
      victim.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('an older copy of the whole file put back is reported; a deliberate restore is not', async () => {
  const core = await vaultWithInterview();
  const dir = core.vaultDir;
  const snapshot = `${dir}/../rollback-snapshot-${process.pid}.db`;
  try {
    await call(core, 'vault.lock', {});
    core.close();
    copyFileSync(vaultFile(dir), snapshot);
    expect(existsSync(`${vaultFile(dir)}-wal`)).toBe(false);

    const again = makeCore(dir);
    await call(again, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    await call(again, 'sessions.finalize', { sessionId: core.sessionId });
    await call(again, 'vault.lock', {});
    again.close();

    // The whole file goes back to T0: the sealed interview would be active again.
    copyFileSync(snapshot, vaultFile(dir));
    const victim = makeCore(dir);
    try {
      const user = await call(victim, 'vault.unlock', {
        username: 'admin',
        passphrase: ADMIN.passphrase,
      });
      expect(user.rolledBack?.missing).toBeGreaterThanOrEqual(3);
      const check = await call(victim, 'vault.check', {});
      expect(check.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'rollback',
            detail: expect.stringMatching(
              /^ROLLED_BACK: at the unlock of .* audit entries were missing/,
            ),
          }),
        ]),
      );
    } finally {
      victim.close();
    }

    // Deleting the anchor too is not silent either: check says rollback cannot be ruled out.
    rmSync(defaultAnchorFile(dir));
    const blind = makeCore(dir);
    try {
      await call(blind, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
      const check = await call(blind, 'vault.check', {});
      expect(check.problems).toContainEqual(
        expect.objectContaining({
          code: 'ANCHOR_MISSING',
          values: expect.objectContaining({ status: 'absent' }),
        }),
      );
    } finally {
      blind.close();
    }

    // Restoring a backup on purpose resets the anchor: no false alarm.
    restoreVault(snapshot, dir, {
      replace: true,
      admin: { username: 'admin', passphrase: ADMIN.passphrase },
    });
    const restored = makeCore(dir);
    try {
      const user = await call(restored, 'vault.unlock', {
        username: 'admin',
        passphrase: ADMIN.passphrase,
      });
      expect(user.rolledBack).toBeUndefined();
      // Not a rollback: the restore itself was signed by the admin (an audit entry naming the
      // backup's hash, and a signed anchor); the check shows it as a notice.
      expect(user.anchorMissing).toBeUndefined();
      expect(await call(restored, 'vault.check', {})).toMatchObject({
        ok: true,
        problems: [],
        notices: [
          expect.objectContaining({
            kind: 'restore-acknowledged',
            detail: expect.stringContaining(sha256Hex(readFileSync(snapshot))),
          }),
        ],
      });
    } finally {
      restored.close();
    }
  } finally {
    rmSync(snapshot, { force: true });
    removeDir(dir);
  }
});
