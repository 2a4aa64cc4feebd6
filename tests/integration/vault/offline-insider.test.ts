// The offline insider (security review F4, F5): with only a copy of the vault file and one
// staff passphrase, using the project's own crypto, each role decrypts exactly its data
// classes; a role edited in the file is refused; a removed user's old keys open nothing
// written after the removal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../../src/api/core';
import { blob } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../../helpers/core';
import { copyVault, offlineRead, type InsiderView } from '../../helpers/offline-insider';

// Every unlock runs Argon2id (seconds on a loaded machine); no test here is about speed.
jest.setTimeout(120_000);

const PASS = 'a long enough staff passphrase';
const STAFF = [
  { username: 'ivan', displayName: 'Ivan Interviewer', role: 'interviewer' },
  { username: 'iris', displayName: 'Iris Interviewer', role: 'interviewer' },
  { username: 'tara', displayName: 'Tara Trainer', role: 'trainer' },
  { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer' },
] as const;

const MARK = {
  blindAllegation: 'MARK-BLIND-ALLEGATION',
  blindAlias: 'MARK-BLIND-ALIAS',
  openAllegation: 'MARK-OPEN-ALLEGATION',
  liveNote: 'MARK-LIVE-NOTE',
  practiceNote: 'MARK-PRACTICE-NOTE',
};

async function signIn(core: Core, username: string): Promise<void> {
  await call(core, 'vault.unlock', {
    username,
    passphrase: username === ADMIN.username ? ADMIN.passphrase : PASS,
  });
}

/** Admin, two interviewers, a trainer, a reviewer; a blind and an open case; a live and a practice interview. */
async function castVault() {
  const core = await makeVault();
  for (const user of STAFF) await call(core, 'users.add', { ...user, passphrase: PASS });
  const blind = await call(core, 'cases.create', {
    reference: 'BLIND-1',
    childAlias: MARK.blindAlias,
    childAgeYears: 8,
    language: 'en',
    allegationSummary: MARK.blindAllegation,
    allegationBlind: true,
  });
  const open = await call(core, 'cases.create', {
    reference: 'OPEN-1',
    childAlias: 'Robin',
    childAgeYears: 9,
    language: 'en',
    allegationSummary: MARK.openAllegation,
  });
  await signIn(core, 'ivan');
  const live = await call(core, 'sessions.start', {
    caseId: open.caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', {
    sessionId: live.sessionId,
    kind: 'child',
    text: MARK.liveNote,
  });
  await signIn(core, 'tara');
  const practice = await call(core, 'sessions.start', {
    protocolId: 'nichd',
    mode: 'practice',
    language: 'en',
    ageYears: 8,
  });
  await call(core, 'sessions.addNote', {
    sessionId: practice.sessionId,
    kind: 'question',
    text: MARK.practiceNote,
  });
  await call(core, 'vault.lock', {});
  return Object.assign(core, {
    blindCaseId: blind.caseId,
    openCaseId: open.caseId,
    liveSessionId: live.sessionId,
  });
}

function marksIn(view: InsiderView): string[] {
  return Object.values(MARK).filter((m) => view.plaintext.includes(m));
}

function signingKeysIn(view: InsiderView): string[] {
  return [...view.readable].filter((id) => id.startsWith('signing-key:')).sort();
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'hearth-insider-'));
});
afterEach(() => removeDir(work));

test('with the file and one passphrase, each role decrypts exactly its data classes', async () => {
  const core = await castVault();
  try {
    const file = copyVault(core.vaultDir, work, 'copy');
    const as = (username: string) =>
      offlineRead(file, {
        username,
        passphrase: username === ADMIN.username ? ADMIN.passphrase : PASS,
      });

    const trainer = as('tara');
    expect(marksIn(trainer)).toEqual([MARK.practiceNote]);
    expect(trainer.kinds.has('case')).toBe(false);
    expect(trainer.kinds.has('allegation')).toBe(false);
    expect(trainer.readable.has(core.liveSessionId)).toBe(false);
    expect(trainer.auditEntries).toBe(0);
    expect(signingKeysIn(trainer)).toEqual(['signing-key:tara']);

    const interviewer = as('ivan');
    expect(marksIn(interviewer).sort()).toEqual(
      [MARK.blindAlias, MARK.openAllegation, MARK.liveNote, MARK.practiceNote].sort(),
    );
    expect(interviewer.readable.has(`allegation:${core.blindCaseId}`)).toBe(false);
    expect(interviewer.auditEntries).toBe(0);
    expect(signingKeysIn(interviewer)).toEqual(['signing-key:ivan']);

    const reviewer = as('rita');
    expect(marksIn(reviewer).sort()).toEqual(
      [MARK.blindAlias, MARK.openAllegation, MARK.liveNote].sort(),
    );
    expect(reviewer.auditEntries).toBe(0);

    const admin = as('admin');
    expect(marksIn(admin).sort()).toEqual(Object.values(MARK).sort());
    expect(admin.auditEntries).toBeGreaterThan(10);
    // Not even an admin holds another user's signing key.
    expect(signingKeysIn(admin)).toEqual(['signing-key:admin']);

    // The app agrees: the same roles see the same things.
    await signIn(core, 'tara');
    expect(await callError(core, 'cases.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    await signIn(core, 'ivan');
    expect((await call(core, 'cases.get', { caseId: core.blindCaseId })).allegationHidden).toBe(
      true,
    );
    expect(
      await callError(core, 'cases.get', { caseId: core.blindCaseId, revealAllegation: true }),
    ).toMatchObject({ code: 'FORBIDDEN' });

    // A reveal wraps the allegation key for ivan: now his passphrase opens it offline too.
    await signIn(core, 'admin');
    await call(core, 'cases.revealAllegationTo', { caseId: core.blindCaseId, username: 'ivan' });
    const revealed = offlineRead(copyVault(core.vaultDir, work, 'revealed'), {
      username: 'ivan',
      passphrase: PASS,
    });
    expect(revealed.plaintext).toContain(MARK.blindAllegation);
    expect(
      offlineRead(copyVault(core.vaultDir, work, 'rita'), { username: 'rita', passphrase: PASS })
        .plaintext,
    ).not.toContain(MARK.blindAllegation);
    const audit = await call(core, 'audit.list', {});
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['cases.revealAllegationTo', 'access.refused']),
    );
    expect((await call(core, 'vault.check', {})).ok).toBe(true);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an interviewer who rewrites his own profile as admin is refused at unlock and named by vault check', async () => {
  const core = await castVault();
  core.close();
  // Offline, with his own keys: a new version of his profile record saying role "admin".
  const db = new Database(vaultFile(core.vaultDir));
  const vaultId = blob(
    (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
  );
  const keys = new KeyStore(db, vaultId);
  const slot = openUserSlot(db, vaultId, 'ivan', PASS);
  keys.hold(slot.keyId, slot.key);
  const records = new RecordStore(db, keys, vaultId);
  const profile = records.get<Record<string, unknown>>('user:ivan');
  if (!profile) throw new Error('no profile');
  records.put(
    { ...profile.address, keyRef: 'class:directory', seq: profile.address.seq + 1 },
    {
      ...profile.value,
      role: 'admin',
    },
  );
  db.close();

  const again = makeCore(core.vaultDir);
  try {
    expect(
      await callError(again, 'vault.unlock', { username: 'ivan', passphrase: PASS }),
    ).toMatchObject({ code: 'TAMPERED', message: expect.stringMatching(/role/) });
    await signIn(again, 'admin');
    // Nor does the app let him act as admin: the forged role never signs in.
    const { ok, problems } = await call(again, 'vault.check', {});
    expect(ok).toBe(false);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'record', id: 'user:ivan' }),
        expect.objectContaining({ kind: 'role', id: 'user:ivan' }),
      ]),
    );
  } finally {
    again.close();
    removeDir(core.vaultDir);
  }
});

test("a removed user's keys from an old copy open nothing written after the removal", async () => {
  const core = await castVault();
  try {
    // While employed, ivan copies the file and keeps every key his passphrase reaches.
    const before = offlineRead(copyVault(core.vaultDir, work, 'old'), {
      username: 'ivan',
      passphrase: PASS,
    });
    expect(before.plaintext).toContain(MARK.liveNote);

    await signIn(core, 'admin');
    const removal = await call(core, 'users.remove', { username: 'ivan' });
    expect(removal.rotatedKeys).toBeGreaterThanOrEqual(4);
    expect((await call(core, 'users.list', {})).users.map((u) => u.username)).not.toContain('ivan');
    expect(
      await callError(core, 'vault.unlock', { username: 'ivan', passphrase: PASS }),
    ).toMatchObject({ code: 'BAD_PASSPHRASE' });

    // After the removal: a new case, a new note in a session ivan could read, new practice data.
    await signIn(core, 'admin');
    await call(core, 'cases.create', {
      reference: 'AFTER-1',
      childAlias: 'MARK-AFTER-ALIAS',
      childAgeYears: 6,
      language: 'en',
      allegationSummary: 'MARK-AFTER-ALLEGATION',
    });
    await signIn(core, 'iris');
    const { sessionId } = await call(core, 'sessions.start', {
      caseId: core.openCaseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'MARK-AFTER-NOTE' });
    await signIn(core, 'tara');
    const practice = await call(core, 'sessions.start', {
      protocolId: 'nichd',
      mode: 'practice',
      language: 'en',
      ageYears: 8,
    });
    await call(core, 'sessions.addNote', {
      sessionId: practice.sessionId,
      kind: 'question',
      text: 'MARK-AFTER-PRACTICE',
    });
    await call(core, 'vault.lock', {});

    const later = offlineRead(copyVault(core.vaultDir, work, 'later'), { keys: before.keys });
    expect(later.plaintext).not.toMatch(/MARK-AFTER/);
    // What he had already is not taken back (README): the old note is still readable to him.
    expect(later.plaintext).toContain(MARK.liveNote);
    // His old passphrase and slot have nothing to open in the later file.
    expect(() =>
      offlineRead(copyVault(core.vaultDir, work, 'slot'), { username: 'ivan', passphrase: PASS }),
    ).toThrow();

    // Everyone who remains still reads everything their role allows, old and new.
    const iris = offlineRead(copyVault(core.vaultDir, work, 'iris'), {
      username: 'iris',
      passphrase: PASS,
    });
    expect(iris.plaintext).toContain('MARK-AFTER-NOTE');
    expect(iris.plaintext).toContain(MARK.liveNote);
    await signIn(core, 'admin');
    expect((await call(core, 'cases.list', {})).cases.map((c) => c.reference).sort()).toEqual([
      'AFTER-1',
      'BLIND-1',
      'OPEN-1',
    ]);
    expect(
      await callError(core, 'cases.create', {
        reference: 'open-1',
        childAlias: 'Dup',
        childAgeYears: 6,
        language: 'en',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await call(core, 'vault.check', {})).toEqual({ ok: true, problems: [] });
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
