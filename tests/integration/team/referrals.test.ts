// Issue #19 / audit item 21 and #15 (keys enforce roles): the MDT family advocate signs in and
// reads the referral hand-off list of each case (service, status, who and when), and nothing of
// the case. Offline, with the vault file and the advocate's passphrase, only the directory, chain
// and referral keys open. A vault made before the referral class gets its key at the first admin
// sign-in, and the hand-offs written before move to their own record on the next write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, callError, makeCore, removeDir, tempDir } from '../../helpers/core';
import { asHearthBefore } from '../../helpers/hearth-before';
import { copyVault, offlineRead } from '../../helpers/offline-insider';
import { signIn, STAFF, teamVault } from './helpers';

jest.setTimeout(240_000);

const AVERY = {
  username: 'avery',
  displayName: 'Avery Advocate',
  role: 'advocate',
  passphrase: 'advocate pass 123456',
} as const;
const NOTE = 'Mother asked for a Spanish-speaking counsellor near the bus line';

async function signInAdvocate(core: Awaited<ReturnType<typeof teamVault>>) {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: AVERY.username, passphrase: AVERY.passphrase });
}

test('the advocate lists hand-offs, is refused the case, and offline opens only directory, chain and referral keys', async () => {
  const core = await teamVault();
  const scratch = tempDir();
  try {
    const added = await call(core, 'users.add', AVERY);
    expect(added).toMatchObject({ username: 'avery' });
    await signIn(core, 'ines');
    await call(core, 'planning.update', {
      caseId: core.caseId,
      safetyConcerns: 'Uncle visits on weekends',
      handoffs: [
        { service: 'mental-health', note: NOTE },
        { service: 'medical', status: 'handed-off' },
      ],
    });
    // The interviewer still sees the notes through the planning record.
    const plan = await call(core, 'planning.get', { caseId: core.caseId });
    expect(plan.handoffs.find((h) => h.service === 'mental-health')?.note).toBe(NOTE);

    await signInAdvocate(core);
    const { cases, names } = await call(core, 'referrals.list', {});
    expect(cases).toHaveLength(1);
    expect(cases[0]?.caseId).toBe(core.caseId);
    // B19-6: what the hand-off needs: the case reference as the centre uses it, the note written
    // for the advocate, and the display names of the stamped users.
    expect(cases[0]?.caseReference).toBe('TEAM-1');
    expect(cases[0]?.handoffs[0]?.note).toBe(NOTE);
    expect(names['ines']).toBeTruthy();
    expect(names['ines']).not.toBe('ines');
    expect(cases[0]?.handoffs.map((h) => [h.service, h.status])).toEqual([
      ['mental-health', 'flagged'],
      ['medical', 'handed-off'],
    ]);
    expect(cases[0]?.handoffs[1]?.handedOff?.by).toBe('ines');
    // Nothing else of the case: no alias, no safety concerns, no allegation.
    for (const secret of ['Luz', 'Uncle visits'])
      expect(JSON.stringify(cases)).not.toContain(secret);
    // The advocate records the follow-up, stamped and audited; a withdrawn or unknown hand-off
    // is refused with a next step.
    const followed = await call(core, 'referrals.followUp', {
      caseId: core.caseId,
      service: 'mental-health',
      status: 'contacted',
    });
    expect(followed.followUp).toMatchObject({ status: 'contacted', by: 'avery' });
    const again = await call(core, 'referrals.list', { caseId: core.caseId });
    expect(again.cases[0]?.handoffs[0]?.followUp?.status).toBe('contacted');
    expect(again.names['avery']).toBe('Avery Advocate');
    const unknown = await callError(core, 'referrals.followUp', {
      caseId: core.caseId,
      service: 'language-access',
      status: 'done',
    });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toMatch(/Reload the list/);
    for (const [channel, payload] of [
      ['cases.get', { caseId: core.caseId }],
      ['planning.get', { caseId: core.caseId }],
    ] as const) {
      const error = await callError(core, channel, payload);
      expect(error.code).toBe('FORBIDDEN');
    }
    // The refusal is worded for the user in both languages.
    for (const [lang, words] of [
      ['en', 'Your role does not allow this.'],
      ['es', 'Su función no permite hacer esto.'],
    ] as const) {
      const ui = JSON.parse(readFileSync(join('locales', lang, 'ui.json'), 'utf8')) as {
        errors: Record<string, { what: string; next: string }>;
        roles: Record<string, string>;
      };
      expect(ui.errors.FORBIDDEN?.what).toBe(words);
      expect(ui.roles.advocate).toBeTruthy();
    }
    await call(core, 'vault.lock', {});

    const file = copyVault(core.vaultDir, scratch, 'advocate');
    const seen = offlineRead(file, AVERY);
    const classes = [...seen.keys.keys()]
      .filter((id) => id.startsWith('class:'))
      .map((id) => id.slice(0, id.lastIndexOf('@')))
      .sort();
    expect(classes).toEqual(['class:chain', 'class:directory', 'class:referral']);
    expect([...seen.keys.keys()].some((id) => /^(allegation|session):/.test(id))).toBe(false);
    expect(seen.readable.has(`referrals:${core.caseId}`)).toBe(true);
    for (const kind of ['case', 'planning', 'planning-blind', 'session', 'event'])
      expect(seen.kinds.get(kind) ?? 0).toBe(0);
    for (const secret of ['Luz', 'school counsellor', 'Uncle visits'])
      expect(seen.plaintext).not.toContain(secret);
    // The hand-off's own words and the reference open with the referral key, nothing more.
    expect(seen.plaintext).toContain('bus line');

    // The interviewer's next change of the list keeps the advocate's follow-up.
    await signIn(core, 'ines');
    await call(core, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'advocacy' }],
    });
    const kept = await call(core, 'referrals.list', { caseId: core.caseId });
    expect(
      kept.cases[0]?.handoffs.find((h) => h.service === 'mental-health')?.followUp?.status,
    ).toBe('contacted');

    // A trainer holds no referral key and may not list or follow up.
    await signIn(core, 'tara');
    expect((await callError(core, 'referrals.list', {})).code).toBe('FORBIDDEN');
    expect(
      (
        await callError(core, 'referrals.followUp', {
          caseId: core.caseId,
          service: 'medical',
          status: 'done',
        })
      ).code,
    ).toBe('FORBIDDEN');
  } finally {
    core.close();
    removeDir(scratch);
  }
});

test('a vault made before the referral class gets the key at admin sign-in; hand-offs move on the next write; vault check is clean', async () => {
  // A vault from before the change: no referral key, certificate or signed statement at all
  // (deleting them from a new vault is an attack now, named and never repaired: R23-2).
  const core = await asHearthBefore(['referral'], async () => {
    const made = await teamVault();
    await signIn(made, 'ines');
    return made;
  });
  const dir = core.vaultDir;
  core.close();

  let app = makeCore(dir);
  try {
    // A non-admin signs in before any admin: the missing class is not a role mismatch, and
    // hand-offs are kept in the planning record meanwhile.
    await call(app, 'vault.unlock', { username: 'ines', passphrase: STAFF.ines.passphrase });
    await call(app, 'planning.update', {
      caseId: core.caseId,
      handoffs: [{ service: 'advocacy', note: NOTE }],
    });
    expect((await callError(app, 'referrals.list', {})).code).toBe('NOT_FOUND');
    await call(app, 'vault.lock', {});

    await call(app, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    const check = await call(app, 'vault.check', {});
    expect(check.problems).toEqual([]);
    await call(app, 'users.add', AVERY);
    await call(app, 'vault.lock', {});
    app.close();
    // Signing in again adds nothing (idempotent).
    const versions = () => {
      const d = new Database(vaultFile(dir), { readonly: true });
      try {
        return d
          .prepare("SELECT DISTINCT version FROM key_wraps WHERE logical = 'class:referral'")
          .all();
      } finally {
        d.close();
      }
    };
    expect(versions()).toEqual([{ version: 1 }]);
    app = makeCore(dir);
    await call(app, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    app.close();
    expect(versions()).toEqual([{ version: 1 }]);
    app = makeCore(dir);

    // The reviewer reads the hand-off (still in the planning record), then the interviewer's
    // next write moves it into its own record, where the advocate reads it.
    await call(app, 'vault.unlock', { username: 'rey', passphrase: STAFF.rey.passphrase });
    const before = await call(app, 'planning.get', { caseId: core.caseId });
    expect(before.handoffs.map((h) => h.service)).toEqual(['advocacy']);
    expect((await call(app, 'referrals.list', {})).cases).toEqual([]);
    await call(app, 'vault.lock', {});
    await call(app, 'vault.unlock', { username: 'ines', passphrase: STAFF.ines.passphrase });
    await call(app, 'planning.update', { caseId: core.caseId, culture: 'Family prefers mornings' });
    const after = await call(app, 'planning.get', { caseId: core.caseId });
    expect(after.handoffs).toEqual([expect.objectContaining({ service: 'advocacy', note: NOTE })]);
    await call(app, 'vault.lock', {});
    await call(app, 'vault.unlock', { username: 'avery', passphrase: AVERY.passphrase });
    const listed = await call(app, 'referrals.list', { caseId: core.caseId });
    expect(listed.cases[0]?.handoffs.map((h) => h.service)).toEqual(['advocacy']);
    // B19-6: the note written for the advocate moves with the hand-off, under the referral key.
    expect(JSON.stringify(listed)).toContain('bus line');
    await call(app, 'vault.lock', {});
    await call(app, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    expect((await call(app, 'vault.check', {})).problems).toEqual([]);
  } finally {
    app.close();
    removeDir(dir);
  }
});

test("a trainer who rewrites his profile as advocate in the file is not handed the referral key at the admin's sign-in", async () => {
  const core = await asHearthBefore(['referral'], () => teamVault());
  const dir = core.vaultDir;
  core.close();
  const db = new Database(vaultFile(dir));
  try {
    // A vault from before the referral class, and tara's own offline edit: role "advocate".
    const vaultId = blob(
      (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
    );
    const keys = new KeyStore(db, vaultId);
    const slot = openUserSlot(db, vaultId, 'tara', STAFF.tara.passphrase);
    keys.hold(slot.keyId, slot.key);
    const records = new RecordStore(db, keys, vaultId);
    const profile = records.get<Record<string, unknown>>('user:tara');
    if (!profile) throw new Error('no profile');
    records.put(
      { ...profile.address, keyRef: 'class:directory', seq: profile.address.seq + 1 },
      { ...profile.value, role: 'advocate' },
    );
  } finally {
    db.close();
  }
  const app = makeCore(dir);
  try {
    await call(app, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase });
    // The check names the edited role.
    const { problems } = await call(app, 'vault.check', {});
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'user:tara' })]),
    );
  } finally {
    app.close();
  }
  const d = new Database(vaultFile(dir), { readonly: true });
  try {
    const wraps = (holder: string) =>
      d
        .prepare(
          "SELECT COUNT(*) AS n FROM key_wraps WHERE logical = 'class:referral' AND holder LIKE ?",
        )
        .get(`%${holder}%`) as { n: number };
    // The key exists for the certified holders (ines, the interviewer) and not for tara.
    expect(wraps('ines').n).toBeGreaterThan(0);
    expect(wraps('tara').n).toBe(0);
  } finally {
    d.close();
    removeDir(dir);
  }
});
