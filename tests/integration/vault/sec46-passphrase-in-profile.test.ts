// Security review sec46 (issue #15): the first admin's passphrase was stored in her profile
// record (class:directory, which every role reads), so a copy of the file and any staff
// passphrase gave it away offline. Records are now written from named, schema-checked fields:
// no passphrase or recovery key typed into Hearth appears in any record, audit entry or file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, call, makeVault, plaintextHits, removeDir } from '../../helpers/core';
import { copyVault, offlineRead, type InsiderView } from '../../helpers/offline-insider';

// Every unlock runs Argon2id; no test here is about speed.
jest.setTimeout(180_000);

const PASS = 'a long enough staff passphrase';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'hearth-sec46-'));
});
afterEach(() => removeDir(work));

test("an interviewer's passphrase and a copy of the file do not reveal the admin's passphrase", async () => {
  const core = await makeVault();
  try {
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan Interviewer',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    const view = offlineRead(copyVault(core.vaultDir, work, 'copy'), {
      username: 'ivan',
      passphrase: PASS,
    });
    // He reads the admin's profile (names and roles are for everyone), but not her passphrase.
    expect(view.readable.has(`user:${ADMIN.username}`)).toBe(true);
    expect(view.plaintext).not.toContain(ADMIN.passphrase);
    expect(view.plaintext).not.toMatch(/passphrase/i);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('no passphrase or recovery key used through the API appears in any record, audit entry or file', async () => {
  const core = await makeVault();
  const staff = [
    { username: 'ivan', displayName: 'Ivan Interviewer', role: 'interviewer' },
    { username: 'tara', displayName: 'Tara Trainer', role: 'trainer' },
    { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer' },
    { username: 'aldo', displayName: 'Aldo Advocate', role: 'advocate' },
    { username: 'amy', displayName: 'Amy Admin', role: 'admin' },
  ] as const;
  // Each passphrase is distinct, so a hit names which one leaked.
  const passphrases = new Map<string, string>([[ADMIN.username, ADMIN.passphrase]]);
  const secrets: string[] = [ADMIN.passphrase, core.recoveryKey];
  try {
    for (const user of staff) {
      const passphrase = `staff secret of ${user.username} 7Q`;
      passphrases.set(user.username, passphrase);
      secrets.push(passphrase);
      await call(core, 'users.add', { ...user, passphrase });
    }
    // The first admin changes hers; the interviewer forgets his and recovers.
    const adminNew = 'a changed admin passphrase 4K';
    await call(core, 'vault.changePassphrase', {
      currentPassphrase: ADMIN.passphrase,
      newPassphrase: adminNew,
    });
    passphrases.set(ADMIN.username, adminNew);
    secrets.push(adminNew);
    const cases = [
      await call(core, 'cases.create', {
        reference: 'SEC46-1',
        childAlias: 'Robin',
        childAgeYears: 9,
        language: 'en',
        allegationSummary: 'open allegation',
      }),
      await call(core, 'cases.create', {
        reference: 'SEC46-2',
        childAlias: 'Sky',
        childAgeYears: 8,
        language: 'en',
        allegationSummary: 'blind allegation',
        allegationBlind: true,
      }),
    ];
    await call(core, 'vault.lock', {});
    const ivanNew = 'ivan recovered passphrase 9Z';
    const recovered = await call(core, 'vault.recover', {
      username: 'ivan',
      recoveryKey: core.recoveryKey,
      newPassphrase: ivanNew,
    });
    passphrases.set('ivan', ivanNew);
    secrets.push(ivanNew, recovered.recoveryKey);
    const live = await call(core, 'sessions.start', {
      caseId: cases[0]!.caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId: live.sessionId, kind: 'child', text: 'x' });
    await call(core, 'vault.unlock', { username: 'tara', passphrase: passphrases.get('tara')! });
    const practice = await call(core, 'sessions.start', {
      protocolId: 'nichd',
      mode: 'practice',
      language: 'en',
      ageYears: 8,
    });
    await call(core, 'sessions.addNote', {
      sessionId: practice.sessionId,
      kind: 'question',
      text: 'Tell me everything.',
    });
    await call(core, 'vault.unlock', { username: 'amy', passphrase: passphrases.get('amy')! });
    expect((await call(core, 'vault.check', {})).problems).toEqual([]);
    await call(core, 'vault.lock', {});

    // Every record any one of them can open (the admins' views hold every audit entry; each
    // user's own view adds her personal records), and every file in the vault folder.
    const file = copyVault(core.vaultDir, work, 'copy');
    const views: InsiderView[] = [...passphrases].map(([username, passphrase]) =>
      offlineRead(file, { username, passphrase }),
    );
    const plaintext = views.map((v) => v.plaintext).join('\n');
    const audit = views.map((v) => v.auditText).join('\n');
    expect(views[0]!.auditEntries).toBeGreaterThan(20);
    expect(views.reduce((n, v) => n + v.readable.size, 0)).toBeGreaterThan(30);
    const variants = secrets.flatMap((s) => [s, s.replace(/[-\s]/g, '')]);
    expect(variants.filter((s) => plaintext.includes(s))).toEqual([]);
    expect(variants.filter((s) => audit.includes(s))).toEqual([]);
    expect(plaintext).not.toMatch(/"(passphrase|newPassphrase|currentPassphrase|recoveryKey)"/);
    expect(plaintextHits(core.vaultDir, variants)).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
