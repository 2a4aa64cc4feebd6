// `hearth vault drop-foreign-schema` (red team 22, RT22-2; schema-check.ts): the admin's way out
// of SCHEMA_FOREIGN. The file is never changed silently: the passphrase is checked first (the
// user's key slot opens; nothing is written), then the role: the user must be a certified admin,
// tried on a scratch copy (deleted afterwards), so the file changes for no one else; only then
// does the file as it is go to a backup copy (VACUUM INTO, 0600: the evidence, foreign objects
// included; R23-4: no copy is left for a non-admin), then the foreign objects are dropped (a
// foreign table with its automatic indexes; a changed or missing Hearth trigger, index or view
// is made again from the migrations; a changed or missing Hearth table never: restore instead)
// and the user signs in as usual. The
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
  isAutoIndex,
  type ForeignSchemaObject,
} from './schema-check';
import { Vault, type VaultOptions } from './vault';

/** What a foreign-schema check of a vault folder found (no key needed, nothing written). */
export function inspectVaultSchema(
  vaultDir: string,
  options: VaultOptions = {},
): ForeignSchemaObject[] {
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
    const table = foreign.find((o) => o.type === 'table' && o.why !== 'foreign');
    if (table)
      throw new HearthError(
        'TAMPERED',
        `The table ${JSON.stringify(table.name)} of the vault file was ${table.why === 'missing' ? 'dropped' : 'changed'} outside Hearth; Hearth does not remake or drop its own tables (their rows are the data). Nothing was changed. Restore the newest backup (hearth vault restore).`,
        { reason: 'SCHEMA_FOREIGN' },
      );
    if (existsSync(input.backupFile))
      throw new HearthError(
        'CONFLICT',
        `The backup file already exists: ${input.backupFile}. Nothing was changed.`,
      );
    const meta = db.prepare('SELECT vault_id FROM vault_meta WHERE singleton = 1').get() as
      { vault_id: Buffer } | undefined;
    if (!meta) throw new HearthError('VAULT_CORRUPT', 'The vault file has no vault identity.');
    // The passphrase first: nothing is written for a wrong one.
    openUserSlot(db, blob(meta.vault_id), input.username, input.passphrase).key.fill(0);
    // The role next, on a scratch copy with the objects removed (a sign-in writes, and the
    // real file must not change for anyone but a certified admin). Only then the backup copy:
    // no copy of the file is left behind for someone who is not an admin (R23-4).
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
      const trial = Vault.open(scratch, {
        ...options,
        anchorFile: undefined,
        anchorCopy: undefined,
      });
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
    db.prepare('VACUUM INTO ?').run(input.backupFile);
    chmodSync(input.backupFile, 0o600);
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

/** Objects are dropped in this order: what runs or reads first, tables last (R23-4). */
const DROP_ORDER = ['trigger', 'view', 'index', 'table'];

/**
 * Drops the foreign objects in one transaction; a changed Hearth object, and a missing Hearth
 * index, trigger or view (R23-5), is made again from the migrations. SQLite's automatic index
 * of a foreign table's UNIQUE or PRIMARY KEY goes with its table (dropping it alone fails).
 */
function dropAll(db: Db, foreign: ForeignSchemaObject[], migrations: Migration[]): void {
  const expected = expectedSchema(migrations, schemaVersion(db));
  const ordered = [...foreign].sort(
    (a, b) => DROP_ORDER.indexOf(a.type) - DROP_ORDER.indexOf(b.type),
  );
  db.transaction(() => {
    for (const object of ordered) {
      const drop = dropStatement(object);
      if (drop) db.exec(drop);
    }
    // Made again after every drop, so a remade trigger never fires on what is being removed.
    for (const object of ordered) {
      if (object.why === 'foreign' || isAutoIndex(object)) continue;
      const own = expected.get(`${object.type}:${object.name}`);
      if (own?.sql) db.exec(own.sql);
    }
  })();
}
