// Red team 25 (not scored): the backoff rows (unlock_attempts) are clear and in the file, so one
// edited row (no key) locked one user out for 900 s: Hearth capped only locks beyond its longest
// delay. Now a lock is cut to what the row's own failure count allows from now (none below 5
// failures) and a row of the wrong type is replaced, at the next attempt: that attempt says so
// when a lock remains (RATE_LIMITED, reason BACKOFF_EDITED), the sign-in's audit entry records
// what was cut, and `vault check` names such rows beforehand (BACKOFF_EDITED). A lock consistent
// with its count (10 failures: 900 s) is what ten wrong passphrases at the sign-in screen give
// anyone; it cannot be told from an edit (ARCHITECTURE, "Backoff is not MAC'd").
import Database from 'better-sqlite3';
import { delayAfterFailures, vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { PASS, vaultWithStaff, type Core, type Problem } from '../../helpers/red-team';

jest.setTimeout(300_000);

const NOW = Date.parse('2026-12-03T12:00:00Z');

async function vaultWithRow(failures: string, lockedUntil: string): Promise<string> {
  const core: Core = await vaultWithStaff([['ivan', 'interviewer']]);
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(core.vaultDir));
  db.prepare(
    `INSERT INTO unlock_attempts (bucket, failures, locked_until_ms) VALUES ('user:ivan', ${failures}, ${lockedUntil})`,
  ).run();
  db.close();
  return core.vaultDir;
}

async function checkNames(dir: string): Promise<Problem[]> {
  const core = makeCore(dir, { now: () => NOW });
  try {
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return ((await call(core, 'vault.check', {})).problems as Problem[]).filter((p) => p.code === 'BACKOFF_EDITED');
  } finally {
    core.close();
  }
}

const ROWS: Array<[string, string, string]> = [
  ['no failures, locked for 900 s', '0', String(NOW + 900_000)],
  ['lock time as text', '0', "'x'"],
  ['failure count as text', "'many'", String(NOW + 900_000)],
  ['lock time as a real number', '0', String(NOW + 900_000.5)],
];

test.each(ROWS)('%s: named by the check, cut at the next attempt, the user signs in, the entry records it', async (_name, failures, lockedUntil) => {
  const dir = await vaultWithRow(failures, lockedUntil);
  try {
    const named = await checkNames(dir);
    expect(named.map((p) => p.values?.bucket)).toEqual(['user:ivan']);
    const core = makeCore(dir, { now: () => NOW });
    try {
      // Before the fix: RATE_LIMITED, "Try again in 900 seconds" (or a text lock capped to 900 s).
      await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      await call(core, 'vault.lock', {});
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const entries = (await call(core, 'audit.list', { limit: 1000 })).entries as Array<{ actor: string; action: string; detail?: Record<string, unknown> }>;
      const ivan = entries.filter((e) => e.actor === 'ivan' && e.action === 'vault.unlock').at(-1);
      expect(String(ivan?.detail?.backoffEdited)).toMatch(/locks sign-in for|not a whole number/);
      expect((await call(core, 'vault.check', {})).problems.filter((p) => p.code === 'BACKOFF_EDITED')).toEqual([]);
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('a lock longer than its failures allow is cut to theirs, and the refusal says it was edited', async () => {
  const dir = await vaultWithRow('6', String(NOW + 900_000));
  try {
    const core = makeCore(dir, { now: () => NOW });
    try {
      const refused = await callError(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      expect(refused.code).toBe('RATE_LIMITED');
      expect(refused.reason).toBe('BACKOFF_EDITED');
      expect(refused.message).toContain(`Try again in ${delayAfterFailures(6) / 1000} seconds`);
      expect(refused.message).toMatch(/changed outside Hearth/);
    } finally {
      core.close();
    }
    const later = makeCore(dir, { now: () => NOW + delayAfterFailures(6) + 1 });
    try {
      await call(later, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    } finally {
      later.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('a lock its failures do give (10 failures, 900 s) is kept: it is what ten wrong passphrases give', async () => {
  const dir = await vaultWithRow('10', String(NOW + delayAfterFailures(10)));
  try {
    expect(await checkNames(dir)).toEqual([]);
    const core = makeCore(dir, { now: () => NOW });
    try {
      const refused = await callError(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
      expect(refused.code).toBe('RATE_LIMITED');
      expect(refused.reason).toBeUndefined();
      expect(refused.message).toContain(`Try again in ${delayAfterFailures(10) / 1000} seconds`);
    } finally {
      core.close();
    }
  } finally {
    removeDir(dir);
  }
});
