// Red team 26, R26-1, the kind: any change that fails inside its transaction after it made new key
// material (users.remove's rotation, a passphrase change's new user key, a new user's keys, an
// allegation key revealed to someone, a new case's allegation key) must leave this sign-in's keys
// in memory exactly as the file: before the fix, the versions made stayed "current" in memory and
// the next write was sealed under a key the file never stored (lost for everyone). The failure is
// a full disk (SQLite's page limit on the vault's own connection, SQLITE_FULL): it strikes in
// the middle of the change, after keys were made. Each case then makes the one write after the
// failure in the same sign-in and reads it back after lock, and vault check stays clean.
import type { Database } from 'better-sqlite3';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  makeCase,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

type Attempt = (
  core: Core,
  ids: { caseId: string },
) => Promise<{ ok: boolean; error?: { code: string } }>;

/**
 * Signs the admin in, makes an allegation-blind case, runs `attempt` with the disk full (every
 * new page refused), then frees it; returns the outcome's code.
 */
async function failWithDiskFull(core: Core, attempt: Attempt): Promise<string> {
  const vault = await signInAs(core, ADMIN.username);
  const caseId = await makeCase(core, 'BLIND-1', true);
  const db = (vault as unknown as { db: Database }).db;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  let outcome: { ok: boolean; error?: { code: string } };
  try {
    outcome = await attempt(core, { caseId });
  } finally {
    db.pragma('max_page_count = 1073741823');
  }
  return outcome.ok ? 'ok' : (outcome.error?.code ?? '?');
}

const attempts: Array<[string, Attempt]> = [
  [
    'users.remove (rotation of every key the user reached)',
    (core) => core.invoke('users.remove', { username: 'ola' }),
  ],
  [
    'vault.changePassphrase (a new version of the own user key)',
    (core) =>
      core.invoke('vault.changePassphrase', {
        currentPassphrase: ADMIN.passphrase,
        newPassphrase: 'a whole new passphrase 2026',
      }),
  ],
  [
    'users.add (a user key, a personal key, their wraps)',
    (core) =>
      core.invoke('users.add', {
        username: 'nina',
        displayName: 'Nina',
        role: 'interviewer',
        passphrase: 'nina passphrase for test 1',
      }),
  ],
  [
    'cases.revealAllegationTo (an allegation key wrapped for someone)',
    (core, ids) =>
      core.invoke('cases.revealAllegationTo', { caseId: ids.caseId, username: 'rita' }),
  ],
  [
    'cases.create (a new allegation key)',
    (core) =>
      core.invoke('cases.create', {
        reference: 'FULL-1',
        childAlias: 'Y',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'S',
        allegationBlind: true,
      }),
  ],
];

test.each(attempts)(
  '%s failing on a full disk leaves memory as the file: the next case reads back',
  async (_name, attempt) => {
    let core: Core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['rita', 'reviewer'],
    ]);
    try {
      await signInAs(core, 'ola');
      await makeCase(core, 'BEFORE-1');
      expect(await failWithDiskFull(core, attempt)).toBe('DISK_FULL');
      const after = await makeCase(core, 'AFTER-1');
      await call(core, 'vault.lock', {});
      core.close();
      core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
      await signInAs(core, ADMIN.username);
      const got = await core.invoke('cases.get', { caseId: after });
      expect(got.ok ? 'ok' : got.error.code).toBe('ok');
      await makeCase(core, 'AFTER-2');
      expect((await checkAsAdmin(core)).map((p) => `${p.code}: ${p.id}`)).toEqual([]);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);
