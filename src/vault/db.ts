// Opening the vault's SQLite file with the durability and privacy settings DESIGN.md requires.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fromSqliteError, HearthError } from './errors';

export const VAULT_FILE = 'hearth-vault.db';

export function vaultFile(vaultDir: string): string {
  return join(vaultDir, VAULT_FILE);
}

export function vaultExists(vaultDir: string): boolean {
  return existsSync(vaultFile(vaultDir));
}

/**
 * Opens (or creates) the vault database and takes its exclusive lock at once, so that a second
 * process is refused with VAULT_IN_USE at open rather than at its first write.
 * - locking_mode=EXCLUSIVE: one process owns the vault; with WAL it also keeps the WAL index in
 *   memory, so no -shm file is written.
 * - synchronous=FULL: a commit is on disk when it returns (a note is acknowledged only then).
 * - secure_delete: freed pages are zeroed, so old ciphertext does not linger.
 */
export function openVaultDatabase(
  vaultDir: string,
  options: { create: boolean },
): Database.Database {
  const file = vaultFile(vaultDir);
  if (!options.create && !existsSync(file)) {
    throw new HearthError('VAULT_NOT_FOUND', 'No vault was found in this folder.');
  }
  if (options.create) mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: !options.create, timeout: 100 });
    if (options.create) chmodSync(file, 0o600);
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    // What is in the schema may not call functions with side effects (RT22-2, schema-check.ts).
    db.pragma('trusted_schema = OFF');
    db.exec('BEGIN IMMEDIATE; COMMIT');
    return db;
  } catch (error) {
    db?.close();
    throw fromSqliteError(error);
  }
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection. Preparing costs tens of microseconds,
 * more than the insert itself on hot paths such as appending a note.
 */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/**
 * Rows inserted, updated or deleted on this connection since it opened (SQLite's
 * total_changes(), trigger programs included): compared before and after a transaction, it tells
 * whether the commit wrote anything (a commit that wrote nothing writes no WAL frame and syncs
 * nothing). Cost: one cached statement.
 */
export function totalChanges(db: Database.Database): number {
  return (statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
}
