// `hearth vault drop-foreign-schema` (red team 22, RT22-2; schema-check.ts): the admin's way out
// of SCHEMA_FOREIGN. The file is never changed silently: the passphrase is checked first (the
// user's key slot opens; nothing is written), then the file as it is goes to a backup copy
// (VACUUM INTO, 0600: the evidence, foreign objects included), then the foreign objects are
// dropped (a changed Hearth trigger, index or view is made again from the migrations; a changed
// table is never dropped: restore instead) and the user signs in as usual. The user must be a
// certified admin: tried first on a scratch copy, so the file changes for no one else. The
// signed `vault.schemaRepaired` entry names each object's kind and name and the copy's file
// name (never an object's SQL).
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { initCrypto } from '../crypto';
import { ANCHOR_FILE } from './anchor';
import { blob } from './encoding';
import { openVaultDatabase, vaultFile } from './db';
import { HearthError } from './errors';
import { openUserSlot } from './key-slots';
import { loadMigrations, schemaVersion, type Migration } from './migrate';
import {
  dropStatement,
  expectedSchema,
  foreignSchemaObjects,
  type ForeignSchemaObject,
} from './schema-check';
import { Vault, type VaultOptions } from './vault';

/** What a foreign-schema check of a vault folder found (no key needed, nothing written). */
export function inspectVaultSchema(vaultDir: string, options: VaultOptions = {}): ForeignSchemaObject[] {
  const db = openVaultDatabase(vaultDir, { create: false });
  try {
    return foreignSchemaObjects(db, loadMigrations(options.migrationsDir));
  } finally {
    db.close();
  }
}

/**
 * Removes the schema objects Hearth did not make, after a backup copy, as a certified admin
 * (see the file comment). Returns what was removed (empty: nothing foreign, nothing changed).
 * Errors: BAD_PASSPHRASE (nothing changed), TAMPERED for a changed table (nothing changed),
 * FORBIDDEN when the user is not an admin (nothing changed), CONFLICT when `backupFile`
 * exists.
 */
export async function dropForeignSchema(
  vaultDir: string,
  input: { username: string; passphrase: string; backupFile: string },
  options: VaultOptions = {},
): Promise<{ dropped: ForeignSchemaObject[]; backupFile: string }> {
  await initCrypto();
  const migrations = loadMigrations(options.migrationsDir);
  const db = openVaultDatabase(vaultDir, { create: false });
  let foreign: ForeignSchemaObject[];
  try {
    foreign = foreignSchemaObjects(db, migrations);
    if (foreign.length === 0) return { dropped: [], backupFile: input.backupFile };
    const table = foreign.find((o) => o.type === 'table' && o.why === 'changed');
    if (table)
      throw new HearthError(
        'TAMPERED',
        `The table ${JSON.stringify(table.name)} of the vault file was changed outside Hearth; Hearth does not drop its own tables. Nothing was changed. Restore the newest backup (hearth vault restore).`,
        { reason: 'SCHEMA_FOREIGN' },
      );
    if (existsSync(input.backupFile))
      throw new HearthError('CONFLICT', `The backup file already exists: ${input.backupFile}. Nothing was changed.`);
    const meta = db.prepare('SELECT vault_id FROM vault_meta WHERE singleton = 1').get() as
      { vault_id: Buffer } | undefined;
    if (!meta) throw new HearthError('VAULT_CORRUPT', 'The vault file has no vault identity.');
    // The passphrase first: nothing is written for a wrong one.
    openUserSlot(db, blob(meta.vault_id), input.username, input.passphrase).key.fill(0);
    db.prepare('VACUUM INTO ?').run(input.backupFile);
    chmodSync(input.backupFile, 0o600);
    // The role next, on a scratch copy with the objects removed (a sign-in writes, and the
    // real file must not change for anyone but a certified admin).
    const scratch = mkdtempSync(join(tmpdir(), 'hearth-schema-'));
    try {
      db.prepare('VACUUM INTO ?').run(vaultFile(scratch));
      const copy = openVaultDatabase(scratch, { create: false });
      try {
        dropAll(copy, foreign, migrations);
      } finally {
        copy.close();
      }
      // The anchor too, so the trial sign-in compares as the real one would.
      const anchor = join(vaultDir, ANCHOR_FILE);
      if (existsSync(anchor)) copyFileSync(anchor, join(scratch, ANCHOR_FILE));
      const trial = Vault.open(scratch, { ...options, anchorFile: undefined, anchorCopy: undefined });
      const notAdmin = new HearthError(
        'FORBIDDEN',
        'Only an admin removes database objects Hearth did not make. Nothing was changed. Ask an admin.',
      );
      try {
        if (trial.unlock(input.username, input.passphrase).role !== 'admin') throw notAdmin;
      } catch (error) {
        // A non-admin's sign-in refused for another reason (an admin first) is the same answer.
        if (error instanceof HearthError && error.code === 'FORBIDDEN') throw notAdmin;
        throw error;
      } finally {
        trial.close();
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    dropAll(db, foreign, migrations);
  } finally {
    db.close();
  }
  const vault = Vault.open(vaultDir, options);
  try {
    vault.unlock(input.username, input.passphrase);
    vault.recordSchemaRepair(foreign, basename(input.backupFile));
    vault.lock();
  } finally {
    vault.close();
  }
  return { dropped: foreign, backupFile: input.backupFile };
}

/** Drops the foreign objects in one transaction; a changed Hearth object is made again. */
function dropAll(db: Db, foreign: ForeignSchemaObject[], migrations: Migration[]): void {
  const expected = expectedSchema(migrations, schemaVersion(db));
  db.transaction(() => {
    for (const object of foreign) {
      db.exec(dropStatement(object));
      const own = object.why === 'changed' ? expected.get(`${object.type}:${object.name}`) : undefined;
      if (own?.sql) db.exec(own.sql);
    }
  })();
}
