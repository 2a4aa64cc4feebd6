// Red team 21, R21-2 (high) and sec47 (a). The sec46 repair rewrites a profile that holds the
// first admin's passphrase at an admin's sign-in and signs the new version. Every role holds the
// directory key, so an interviewer re-sealed a profile in place (the admin's, or his own with a
// `passphrase` field added) with his own content, and the admin's sign-in signed it: his edit
// became an admin's audited write and vault check went clean. Now only a profile whose hash its
// own audit entry committed to (vault.create's, or an old removal's) is repaired; anything else
// is left unsigned and named by vault check. And (a): a first admin removed by the old Hearth
// before any repair kept the passphrase in her removed profile; it is now repaired too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import type * as ProfileRepair from '../../../src/vault/profile-repair';
import type { RecordAddress } from '../../../src/vault/records';
import type * as Users from '../../../src/vault/users';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { openAsInsider, PASS } from '../../helpers/insider';
import { copyVault, offlineRead } from '../../helpers/offline-insider';

jest.setTimeout(240_000);

// The old Hearth: vault.create wrote the whole create input into the first admin's profile, a removal kept
// every stored field, and there was no repair.
let mockOldHearth = true;
jest.mock('../../../src/vault/users', () => {
  const actual = jest.requireActual<typeof Users>('../../../src/vault/users');
  return {
    ...actual,
    createUserRecords: (
      put: (address: RecordAddress, value: unknown) => unknown,
      profile: Parameters<typeof actual.createUserRecords>[1],
    ) =>
      actual.createUserRecords(
        (address, value) =>
          put(
            address,
            mockOldHearth && address.kind === 'user' && profile.createdBy === profile.username
              ? { ...(value as object), passphrase: 'correct horse battery staple' }
              : value,
          ) as ReturnType<Parameters<typeof actual.createUserRecords>[0]>,
        profile,
      ),
    writeRemovedProfile: (...args: Parameters<typeof actual.writeRemovedProfile>) => {
      if (!mockOldHearth) return actual.writeRemovedProfile(...args);
      const [put, records, username, removal] = args;
      const found = records.get<Users.UserProfile>(`user:${username}`)!;
      return put({ ...found.address, seq: found.address.seq + 1 }, { ...found.value, ...removal });
    },
  };
});
jest.mock('../../../src/vault/profile-repair', () => {
  const actual = jest.requireActual<typeof ProfileRepair>('../../../src/vault/profile-repair');
  return {
    ...actual,
    repairProfileSecrets: (...args: Parameters<typeof actual.repairProfileSecrets>) =>
      mockOldHearth ? [] : actual.repairProfileSecrets(...args),
  };
});

const SECRET = 'correct horse battery staple';

/**
 * As `who` with the file and his passphrase: re-seals `recordId` in place (same version, same
 * audit pointer) with `change` applied to what it holds.
 */
function resealInPlace(
  dir: string,
  who: string,
  recordId: string,
  change: (value: Record<string, unknown>) => Record<string, unknown>,
): void {
  const insider = openAsInsider(dir, who);
  try {
    const found = insider.records.get<Record<string, unknown>>(recordId)!;
    const pointer = insider.db
      .prepare(
        'SELECT audit_chain_key_id, audit_nonce, audit_sealed_seq FROM records WHERE record_id = ?',
      )
      .get(recordId) as Record<string, unknown>;
    insider.db.prepare('DELETE FROM records WHERE record_id = ?').run(recordId);
    insider.records.put(found.address, change(found.value));
    insider.db
      .prepare(
        `UPDATE records SET audit_chain_key_id = @audit_chain_key_id, audit_nonce = @audit_nonce,
           audit_sealed_seq = @audit_sealed_seq WHERE record_id = @id`,
      )
      .run({ ...pointer, id: recordId });
  } finally {
    insider.db.close();
  }
}

function profileVersion(dir: string, username: string): number {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    return (
      db.prepare('SELECT seq FROM records WHERE record_id = ?').get(`user:${username}`) as {
        seq: number;
      }
    ).seq;
  } finally {
    db.close();
  }
}

test.each([
  [
    "the admin's profile, renamed",
    'admin',
    (v: Record<string, unknown>) => ({ ...v, displayName: 'Ivan Interviewer' }),
  ],
  [
    'his own profile, a passphrase field added and renamed',
    'ivan',
    (v: Record<string, unknown>) => ({ ...v, displayName: 'Centre Director', passphrase: 'x' }),
  ],
])(
  'R21-2: an interviewer re-seals %s in place; the admin signs in; nothing is signed, check names it',
  async (_name, target, change) => {
    mockOldHearth = true;
    const core = await makeVault();
    const work = mkdtempSync(join(tmpdir(), 'r21-repair-'));
    try {
      mockOldHearth = false;
      await call(core, 'users.add', {
        username: 'ivan',
        displayName: 'Ivan Interviewer',
        role: 'interviewer',
        passphrase: PASS,
      });
      await call(core, 'vault.lock', {});
      core.close();
      resealInPlace(core.vaultDir, 'ivan', `user:${target}`, change);
      const before = profileVersion(core.vaultDir, target);

      const again = makeCore(core.vaultDir);
      try {
        await call(again, 'vault.unlock', {
          username: ADMIN.username,
          passphrase: ADMIN.passphrase,
        });
        // No repair entry in the admin's name (and, below, no new version).
        const { entries } = await call(again, 'audit.list', { limit: 50 });
        expect(
          entries.map((e: { action: string; target?: string }) => `${e.action} ${e.target}`),
        ).not.toContain(`users.repairProfile user:${target}`);
        const check = await call(again, 'vault.check', {});
        const named = check.problems
          .filter((p) => p.id === `user:${target}`)
          .map((p) => p.code)
          .sort();
        expect(named).toEqual(['PROFILE_SECRET_NOT_REPAIRED', 'RECORD_NOT_LATEST']);
        const finding = check.problems.find(
          (p) => p.code === 'PROFILE_SECRET_NOT_REPAIRED' && p.id === `user:${target}`,
        )!;
        expect(finding.detail).toContain('rewritten outside Hearth');
        expect(finding.values).toEqual({ username: target, fields: 'passphrase' });
        expect(JSON.stringify(check)).not.toContain(SECRET);
        await call(again, 'vault.lock', {});
      } finally {
        again.close();
      }
      expect(profileVersion(core.vaultDir, target)).toBe(before);
      // The admin's key signed nothing about it: the rewritten version is still the one on file.
      expect(
        offlineRead(copyVault(core.vaultDir, work, 'after'), {
          username: ADMIN.username,
          passphrase: ADMIN.passphrase,
        }).auditText,
      ).not.toMatch(new RegExp(`users\\.repairProfile","target":"user:${target}"`));
    } finally {
      removeDir(work);
      removeDir(core.vaultDir);
    }
  },
);

test('sec47 (a): the first admin removed by the old Hearth before any repair: her removed profile is repaired at the next admin sign-in', async () => {
  mockOldHearth = true;
  const core = await makeVault();
  const work = mkdtempSync(join(tmpdir(), 'r21-removed-'));
  const ada = 'another admin passphrase, long enough';
  try {
    await call(core, 'users.add', {
      username: 'ada',
      displayName: 'Ada Lovelace',
      role: 'admin',
      passphrase: ada,
    });
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan Interviewer',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ada', passphrase: ada });
    await call(core, 'users.remove', { username: ADMIN.username });
    await call(core, 'vault.lock', {});
    // The old file: her removed profile still holds it, for every role.
    expect(
      offlineRead(copyVault(core.vaultDir, work, 'old'), { username: 'ivan', passphrase: PASS })
        .plaintext,
    ).toContain(SECRET);

    mockOldHearth = false;
    await call(core, 'vault.unlock', { username: 'ada', passphrase: ada });
    const { entries } = await call(core, 'audit.list', { limit: 5 });
    expect(
      entries.map((e: { action: string; target?: string }) => `${e.action} ${e.target}`),
    ).toContain('users.repairProfile user:admin');
    const check = await call(core, 'vault.check', {});
    expect(check.problems).toEqual([]);
    await call(core, 'vault.lock', {});
    const after = offlineRead(copyVault(core.vaultDir, work, 'new'), {
      username: 'ivan',
      passphrase: PASS,
    });
    expect(after.plaintext).not.toContain(SECRET);
  } finally {
    core.close();
    removeDir(work);
    removeDir(core.vaultDir);
  }
});

test('R21-5: a repair mark without a usable date is worded without one (no "until" and an empty date)', async () => {
  mockOldHearth = true;
  const core = await makeVault();
  try {
    mockOldHearth = false;
    await call(core, 'users.add', {
      username: 'ivan',
      displayName: 'Ivan Interviewer',
      role: 'interviewer',
      passphrase: PASS,
    });
    await call(core, 'vault.lock', {});
    // The admin's sign-in repairs her profile (version 2, marked with the time).
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const dated = (await call(core, 'vault.check', {})).problems.find(
      (p) => p.id === 'user:admin',
    )!;
    expect(dated.code).toBe('PROFILE_HELD_SECRET');
    expect(dated.detail).toMatch(/held their passphrase until \d{4}-\d\d-\d\dT.*, when/);
    await call(core, 'vault.lock', {});
    core.close();
    resealInPlace(core.vaultDir, 'ivan', 'user:admin', (v) => ({ ...v, secretRemovedAt: ' ' }));
    const again = makeCore(core.vaultDir);
    try {
      await call(again, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const problems = (await call(again, 'vault.check', {})).problems.filter(
        (p) => p.id === 'user:admin',
      );
      expect(problems.map((p) => p.code).sort()).toEqual([
        'PROFILE_HELD_SECRET_UNDATED',
        'RECORD_NOT_LATEST',
      ]);
      const undated = problems.find((p) => p.code === 'PROFILE_HELD_SECRET_UNDATED')!;
      expect(undated.detail).not.toMatch(/until\s*[;.,]/);
      expect(undated.detail).toContain('the date of that repair is not recorded');
    } finally {
      again.close();
    }
  } finally {
    removeDir(core.vaultDir);
  }
});
