// Red team 18, R18-2 (R17-3 bypass): an interviewer who practises (a trainee works the same)
// wrote training settings with a 5% threshold, "by tara", through her own client, then in her
// own open file deleted the centre-signed start-of-signed-audit statement, moved the clear column
// past her entry and stripped the signatures up to it (the chain MAC does not cover them), and
// made one more ordinary write, so Hearth re-signed the anchor with her key over the moved
// column. A non-admin cannot read the centre's commitment: her entry looked written before signed
// audit began, and R17-3 trusted such "legacy" entries. Trainers and she got 0.05 "by tara". Now
// no trust decision accepts an entry with no certified signer: everyone gets Hearth's defaults,
// and trainers are told why and to set them again. Settings genuinely written before signed audit
// (an old vault) are ignored the same way (safety first; README "Residual risks").
import type Database from 'better-sqlite3';
import { DEFAULT_GOOD_INVITATION_SHARE } from '../../../src/training/measures';
import { call, makeCore, removeDir } from '../../helpers/core';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(120_000);

test('a trainee makes her settings entry look older than signed audit: nobody uses it, trainers are told', async () => {
  let core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  const dir = core.vaultDir;
  try {
    await signInAs(core, 'tara');
    await call(core, 'training.setSettings', { goodInvitationShare: 0.7 });

    const v = await signInAs(core, 'ola');
    v.write('training.setSettings', undefined, (put) =>
      put(
        {
          recordId: 'training-settings',
          containerId: 'training',
          kind: 'training-settings',
          seq: 2,
          keyRef: 'class:practice',
        },
        {
          goodInvitationShare: 0.05,
          updatedBy: 'tara',
          updatedAt: new Date().toISOString(),
          version: 2,
        },
      ),
    );
    const herSeq = v.audit.head()!.seq;
    const raw = (v as unknown as { db: Database.Database }).db;
    raw.prepare('UPDATE vault_meta SET audit_start = NULL, audit_signed_from = ?').run(herSeq + 1);
    raw.prepare('UPDATE audit_log SET signer = NULL, signature = NULL WHERE seq <= ?').run(herSeq);
    // One more ordinary write of hers: Hearth signs the anchor with her key over the moved column.
    await call(core, 'sessions.saveDrafts', { drafts: [] });
    await call(core, 'vault.lock', {});
    core.close();
    // The same folder reopened (red-team helpers take the made vault's type; no recovery key used).
    core = makeCore(dir) as Core;

    // The trainer, before any admin sign-in: Hearth's defaults, and why.
    await signInAs(core, 'tara');
    const trainers = (await call(core, 'training.settings', {})).settings;
    // Before the fix: 0.05, version 2, "by tara", no note.
    expect(trainers.goodInvitationShare).toBe(DEFAULT_GOOD_INVITATION_SHARE);
    expect(trainers.updatedBy).toBeUndefined();
    expect(trainers.untrusted).toEqual(expect.objectContaining({ version: 2 }));
    expect(trainers.untrusted!.writer).toBeUndefined();
    expect(trainers.untrusted!.reason).toContain('no certified signature');
    expect(trainers.untrusted!.reason).toContain('Set them again');

    // She gets the defaults too, with no word about it (as in R17-3).
    await signInAs(core, 'ola');
    const hers = (await call(core, 'training.settings', {})).settings;
    expect(hers.goodInvitationShare).toBe(DEFAULT_GOOD_INVITATION_SHARE);
    expect(hers.untrusted).toBeUndefined();

    // Her stripping also took the signature off the entries that state each class key's current
    // version (sec48, RT22-1), so nobody but an admin writes until an admin has signed in once.
    await signInAs(core, 'tara');
    await expect(call(core, 'training.setSettings', { goodInvitationShare: 0.6 })).rejects.toThrow(
      /FORBIDDEN: .*Ask an admin to sign in/,
    );
    // Those entries lie after the start of signed audit the centre committed to, so their missing
    // signatures are damage, not legacy (sec54, verify24 R25-A): the admin's sign-in does not
    // state the versions again from what is left (stripping signatures plus RT22-1's two-row
    // rollback was how a removal got undone). Her own write is refused naming the entries; the
    // way out is a restore, which vault check says.
    await signInAs(core, 'admin');
    const admins = await core.invoke('training.setSettings', { goodInvitationShare: 0.6 });
    expect(admins.ok).toBe(false);
    if (!admins.ok) {
      expect(admins.error.code).toBe('TAMPERED');
      expect(admins.error.reason).toBe('KEY_FLOOR_UNVERIFIABLE');
      expect(admins.error.message).toMatch(/entries 1, 2, .* do not verify.*restores? the newest backup/);
    }
    const listed = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ action: string }>;
    expect(listed.filter((e) => e.action === 'keys.floor')).toEqual([]);
    const check = await call(core, 'vault.check', {});
    expect(JSON.stringify(check.problems)).toMatch(/AUDIT_SIGNER_UNCERTIFIED/);

    // The trainer is still refused, and told the way out now that an admin has signed in.
    await signInAs(core, 'tara');
    await expect(call(core, 'training.setSettings', { goodInvitationShare: 0.6 })).rejects.toThrow(
      /FORBIDDEN: .*restores the newest backup/,
    );
  } finally {
    core.close();
    removeDir(dir);
  }
});
