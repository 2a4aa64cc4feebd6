// Red team 23, R23-4 (medium) and R23-5 (low), through the file with no key:
// - R23-4: a planted table with a UNIQUE constraint made `hearth vault drop-foreign-schema` fail
//   (SQLite's automatic index of the constraint was dropped first, which SQLite refuses), so
//   every sign-in stayed refused; and the backup copy of the file was written before the role
//   check, so a non-admin's attempt left a full copy behind. Now the automatic index goes with its
//   table, and the copy is made only after the user is proven an admin.
// - R23-5: a dropped Hearth index or trigger (or table) was never named by the schema check. Now
//   it is (kind and name; vault check SCHEMA_MISSING). It runs nothing, so sign-in goes on, and
//   drop-foreign-schema makes a missing index or trigger again from the migrations (a missing
//   table: restore).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dropForeignSchema, inspectVaultSchema, vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, makeCase, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

const named = (dir: string) => inspectVaultSchema(dir).map((o) => `${o.type}:${o.name}:${o.why}`);

function exec(dir: string, sql: string): void {
  const db = new Database(vaultFile(dir));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

test('a planted table with a UNIQUE constraint: a non-admin is refused and no copy is left; the admin removes it and signs in', async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r23-4-'));
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'KEEP-1');
    await call(core, 'vault.lock', {});
    core.close();
    exec(core.vaultDir, 'CREATE TABLE planted (token TEXT UNIQUE, note TEXT);');
    expect(named(core.vaultDir)).toEqual(['index:sqlite_autoindex_planted_1:foreign', 'table:planted:foreign']);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    expect((await callError(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase })).code).toBe(
      'TAMPERED',
    );
    core.close();

    // Not an admin: refused, the file unchanged, and no copy of it anywhere in the folder.
    const notAdmin = join(work, 'not-admin.db');
    await expect(
      dropForeignSchema(core.vaultDir, { username: 'ola', passphrase: PASS, backupFile: notAdmin }),
    ).rejects.toThrow(/Only an admin/);
    expect(existsSync(notAdmin)).toBe(false);
    expect(readdirSync(work)).toEqual([]);
    expect(named(core.vaultDir)).toHaveLength(2);

    const copy = join(work, 'as-it-was.db');
    const result = await dropForeignSchema(core.vaultDir, {
      username: 'admin',
      passphrase: ADMIN.passphrase,
      backupFile: copy,
    });
    expect(result.dropped.map((o) => o.name).sort()).toEqual(['planted', 'sqlite_autoindex_planted_1']);
    expect(existsSync(copy)).toBe(true);
    expect(named(core.vaultDir)).toEqual([]);

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    expect((await call(core, 'cases.list', {})).cases).toHaveLength(1);
    const problems = await checkAsAdmin(core);
    expect(problems.map((p) => [p.code, p.id])).toEqual([]);
    await call(core, 'vault.lock', {});
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test("a dropped Hearth index and trigger are named by the schema check and vault check, and the admin's repair makes them again; a dropped Hearth table is named and never remade", async () => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r23-5-'));
  try {
    await call(core, 'vault.lock', {});
    core.close();
    exec(core.vaultDir, 'DROP INDEX key_wraps_by_holder; DROP TRIGGER key_wraps_version_bound_insert;');
    expect(named(core.vaultDir)).toEqual([
      'index:key_wraps_by_holder:missing',
      'trigger:key_wraps_version_bound_insert:missing',
    ]);
    // Nothing missing runs inside Hearth's changes: sign-in goes on, and vault check names both
    // (kind and name).
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    await signInAs(core, 'ola');
    const missing = (await checkAsAdmin(core)).filter((p) => p.code === 'SCHEMA_MISSING');
    expect(missing.map((p) => p.id)).toEqual(['index:key_wraps_by_holder', 'trigger:key_wraps_version_bound_insert']);
    expect(missing[0]!.detail).toContain('drop-foreign-schema');
    await call(core, 'vault.lock', {});
    core.close();

    await dropForeignSchema(core.vaultDir, {
      username: 'admin',
      passphrase: ADMIN.passphrase,
      backupFile: join(work, 'before-repair.db'),
    });
    expect(named(core.vaultDir)).toEqual([]);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    expect((await checkAsAdmin(core)).filter((p) => p.code === 'SCHEMA_MISSING')).toEqual([]);
    await call(core, 'vault.lock', {});
    core.close();

    exec(core.vaultDir, 'DROP TABLE unlock_attempts;');
    expect(named(core.vaultDir)).toEqual(['table:unlock_attempts:missing']);
    await expect(
      dropForeignSchema(core.vaultDir, {
        username: 'admin',
        passphrase: ADMIN.passphrase,
        backupFile: join(work, 'table.db'),
      }),
    ).rejects.toThrow(/dropped outside Hearth.*Restore the newest backup/);
    expect(existsSync(join(work, 'table.db'))).toBe(false);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
