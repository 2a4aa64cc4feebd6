// Each migration on a fresh database, the runner's ordering and refusal of a newer database.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  defaultMigrationsDir,
  loadMigrations,
  migrate,
  schemaVersion,
  vaultFile,
} from '../../src/vault';
import { ADMIN, callError, makeCore, makeVault, removeDir, tempDir } from '../helpers/core';

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
}

test('0001_vault_core creates the vault tables on a fresh database and sets user_version', () => {
  const db = new Database(':memory:');
  const migrations = loadMigrations();
  expect(migrations[0]).toMatchObject({ version: 1, name: 'vault_core' });
  migrate(db, migrations.slice(0, 1));
  expect(schemaVersion(db)).toBe(1);
  expect(tables(db)).toEqual([
    'audit_log',
    'data_keys',
    'key_slots',
    'records',
    'unlock_attempts',
    'vault_meta',
  ]);
  // The constraints that protect the design hold.
  expect(() => db.prepare("INSERT INTO vault_meta VALUES (1, x'00', 'now')").run()).toThrow(
    /CHECK/,
  );
  expect(() =>
    db
      .prepare(
        "INSERT INTO key_slots (slot_id, kind, username, nonce, wrapped_key) VALUES ('s', 'user', NULL, x'00', x'00')",
      )
      .run(),
  ).toThrow(/CHECK/);
  db.close();
});

test('every migration applies in order on a fresh database, and re-running is a no-op', () => {
  const db = new Database(':memory:');
  const all = loadMigrations();
  expect(migrate(db, all)).toBe(all.length);
  expect(schemaVersion(db)).toBe(all.length);
  expect(migrate(db, all)).toBe(all.length);
  db.close();
});

test('a failing migration rolls back whole: neither its changes nor its version remain', () => {
  const dir = tempDir();
  try {
    copyFileSync(
      join(defaultMigrationsDir(), '0001_vault_core.sql'),
      join(dir, '0001_vault_core.sql'),
    );
    writeFileSync(
      join(dir, '0002_broken_step.sql'),
      'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);',
    );
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(dir))).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  } finally {
    removeDir(dir);
  }
});

test('badly named or gapped migration files are refused', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_gap.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
    writeFileSync(join(dir, '2_Bad-Name.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/NNNN_snake_name/);
  } finally {
    removeDir(dir);
  }
});

test('a vault written by a newer Hearth is refused with VAULT_TOO_NEW and left untouched', async () => {
  const core = await makeVault();
  core.close();
  const db = new Database(vaultFile(core.vaultDir));
  db.pragma(`user_version = ${loadMigrations().length + 1}`);
  db.close();
  const again = makeCore(core.vaultDir);
  try {
    const error = await callError(again, 'vault.unlock', {
      username: 'admin',
      passphrase: ADMIN.passphrase,
    });
    expect(error.code).toBe('VAULT_TOO_NEW');
    expect(error.message).toMatch(/newer version of Hearth/);
    again.close();
    const check = new Database(vaultFile(core.vaultDir));
    expect(schemaVersion(check)).toBe(loadMigrations().length + 1);
    check.close();
  } finally {
    removeDir(core.vaultDir);
  }
});

test('a file that is not a vault is refused clearly', async () => {
  const dir = tempDir();
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      vaultFile(dir),
      'this is not an SQLite database at all, just text bytes '.repeat(100),
    );
    const core = makeCore(dir);
    expect(await callError(core, 'vault.status', {})).toMatchObject({ code: 'VAULT_CORRUPT' });
    core.close();
  } finally {
    removeDir(dir);
  }
});
