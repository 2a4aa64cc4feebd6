// Red team 26, R26-3 (medium): one staff certificate row deleted (a keyless DELETE) refused that
// person's sign-in, and the admin's, with "they were added outside Hearth", and vault check named
// no cause of its own among a dozen findings calling genuine work forged. Now the sign-in refusal
// names the deleted row (TAMPERED, reason CERTIFICATE_MISSING, the way out: the backup), and vault
// check names it once with its own code (CERTIFICATE_MISSING, the row in `values`), with the
// findings that follow from it counted under it (`values.dependent`, sec61), not listed. Screen
// wording (en, es): tests/renderer/plain-error.test.tsx.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  makeCase,
  PASS,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

/** The certificate rows' ids, read on the signed-in vault's own connection (it holds the lock). */
function certificateIds(vault: unknown): Set<string> {
  const db = (vault as { db: Database.Database }).db;
  const rows = db
    .prepare("SELECT record_id FROM records WHERE record_id LIKE 'certificate:%'")
    .all() as Array<{
    record_id: string;
  }>;
  return new Set(rows.map((r) => r.record_id));
}

test("a deleted certificate row is named as deleted at the owner's sign-in and by vault check", async () => {
  let core: Core = await vaultWithStaff([['rita', 'reviewer']]);
  try {
    const admin = await signInAs(core, ADMIN.username);
    const known = certificateIds(admin);
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan',
      role: 'interviewer',
      passphrase: PASS,
    });
    const ivanCertificate = [...certificateIds(admin)].find((id) => !known.has(id))!;
    await signInAs(core, 'ivan');
    await makeCase(core, 'REF-C');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare('DELETE FROM records WHERE record_id = ?').run(ivanCertificate).changes).toBe(
      1,
    );
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    const refused = await core.invoke('vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('TAMPERED');
    expect(refused.error.reason).toBe('CERTIFICATE_MISSING');
    expect(refused.error.message).toContain('deleted outside Hearth');
    expect(refused.error.message).not.toContain('added outside Hearth');
    expect(refused.error.message).toContain('hearth vault restore');

    await signInAs(core, ADMIN.username);
    const problems = await checkAsAdmin(core);
    const named = problems.filter((p) => p.code === 'CERTIFICATE_MISSING');
    expect(named.map((p) => [p.id, p.values?.row])).toEqual([['user:ivan', ivanCertificate]]);
    expect(problems.filter((p) => p.code === 'CERT_MISSING')).toEqual([]);
    // Follow-on (sec61): what follows from the deleted row (Ivan's entries read as uncertified,
    // the case they wrote as not audited, the row itself as missing) is counted under the cause,
    // not listed: before, eleven findings stood beside it.
    const dependent = named[0]!.values?.dependent;
    expect(typeof dependent === 'number' && dependent >= 5).toBe(true);
    expect(named[0]!.detail).toContain(`${String(dependent)} other findings`);
    for (const code of [
      'AUDIT_SIGNER_UNCERTIFIED_UNATTRIBUTED',
      'AUDIT_AUTHOR_NOT_ALLOWED',
      'RECORD_NOT_AUDITED',
      'CASE_UNBLINDED_WITHOUT_KEY',
    ])
      expect({ code, listed: problems.filter((p) => p.code === code).length }).toEqual({
        code,
        listed: 0,
      });
    expect(problems.filter((p) => p.id === ivanCertificate)).toEqual([]);
    // Left listed: only what names something else (the anchor his lock signed).
    expect(problems.length).toBeLessThanOrEqual(4);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
