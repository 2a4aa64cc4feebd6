// Backups: an online copy made with SQLite's backup API. The copy holds the same ciphertext and
// key slots, so it is exactly as protected as the vault; restoring needs a passphrase as before.
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { openVaultDatabase, vaultExists, vaultFile } from './db';
import { fromSqliteError, HearthError } from './errors';
import { loadMigrations } from './migrate';
import type { Vault } from './vault';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads a candidate file and confirms it is a Hearth vault this version can open. */
function inspectVaultFile(file: string, migrationsDir?: string): { vaultId: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > loadMigrations(migrationsDir).length) {
      throw new HearthError(
        'VAULT_TOO_NEW',
        'This backup was made by a newer version of Hearth. Update Hearth to restore it.',
      );
    }
    const meta = db.prepare('SELECT vault_id FROM vault_meta WHERE singleton = 1').get() as
      { vault_id: Buffer } | undefined;
    const ok = (db.pragma('quick_check', { simple: true }) as string) === 'ok';
    if (!meta || !ok)
      throw new HearthError('VAULT_CORRUPT', 'This file is not a complete Hearth vault backup.');
    return { vaultId: meta.vault_id.toString('hex') };
  } catch (error) {
    throw fromSqliteError(error);
  } finally {
    db?.close();
  }
}

export async function backupVault(
  vault: Vault,
  outFile: string,
): Promise<{ path: string; bytes: number }> {
  vault.require('vault.backup');
  if (existsSync(outFile))
    throw new HearthError(
      'CONFLICT',
      'A file already exists at the backup destination; choose a new name.',
    );
  if (!existsSync(dirname(outFile)))
    throw new HearthError('NOT_FOUND', 'The backup destination folder does not exist.');
  vault.transact(() =>
    vault.audit.append({
      at: vault.nowIso(),
      actor: vault.user?.username ?? '',
      action: 'vault.backup',
    }),
  );
  const partial = `${outFile}.partial`;
  try {
    const { totalPages } = await vault.db.backup(partial);
    fsyncPath(partial);
    inspectVaultFile(partial);
    renameSync(partial, outFile);
    fsyncPath(dirname(outFile));
    return {
      path: outFile,
      bytes: totalPages * (vault.db.pragma('page_size', { simple: true }) as number),
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw fromSqliteError(error);
  }
}

/**
 * Restores a backup into vaultDir. Refuses while the vault there is open elsewhere. With
 * `replace`, the current vault is kept beside it as hearth-vault.db.before-restore-<time>.
 */
export function restoreVault(
  backupFile: string,
  vaultDir: string,
  options: { replace?: boolean; now?: () => number; migrationsDir?: string } = {},
): { vaultId: string; previous?: string } {
  if (!existsSync(backupFile))
    throw new HearthError('NOT_FOUND', 'The backup file does not exist.');
  const { vaultId } = inspectVaultFile(backupFile, options.migrationsDir);
  const target = vaultFile(vaultDir);
  let previous: string | undefined;
  if (vaultExists(vaultDir)) {
    if (!options.replace)
      throw new HearthError(
        'VAULT_EXISTS',
        'A vault already exists here; pass --replace to keep it aside and restore.',
      );
    // Opening takes the exclusive lock: this fails with VAULT_IN_USE if Hearth has it open.
    openVaultDatabase(vaultDir, { create: false }).close();
    const stamp = new Date((options.now ?? Date.now)()).toISOString().replace(/[:.]/g, '-');
    previous = `${target}.before-restore-${stamp}`;
    renameSync(target, previous);
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${previous}-wal`);
  }
  const partial = join(vaultDir, `.restore-${process.pid}.partial`);
  try {
    mkdirSync(vaultDir, { recursive: true, mode: 0o700 });
    copyFileSync(backupFile, partial);
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(vaultDir);
  } catch (error) {
    rmSync(partial, { force: true });
    throw fromSqliteError(error);
  }
  return { vaultId, ...(previous ? { previous } : {}) };
}
