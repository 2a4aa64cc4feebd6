// Backups: an online copy made with SQLite's backup API while the app holds the vault. The copy
// holds the same ciphertext and key slots, so it is exactly as protected as the vault; restoring
// needs a passphrase as before. A backup is one self-contained file (rollback journal, not WAL),
// mode 0600, with nothing left beside it. Restore (restore.ts) only reads it (a write-protected
// USB stick is fine) and is signed by an admin of the backup.
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { toHex } from './encoding';
import { fromSqliteError, HearthError } from './errors';
import { loadMigrations } from './migrate';
import type { ProgressListener } from './check';
import type { Vault } from './vault';

export const SIDE_FILES = ['-wal', '-shm', '-journal'];

export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true });
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a candidate file (read-only) and confirms it is a Hearth vault this version can open.
 * Errors name `shownAs` (the file the user chose), never a temporary copy. Returns the vault id
 * and the audit head (cleartext columns), which the anchor takes after a restore.
 */
export function inspectVaultFile(
  file: string,
  shownAs: string,
  migrationsDir?: string,
): { vaultId: string; head?: { seq: number; mac: string } } {
  let db: Database.Database | undefined;
  const named = (error: HearthError) =>
    new HearthError(error.code, `${basename(shownAs)}: ${error.message}`, error.details);
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
      throw new HearthError(
        'VAULT_CORRUPT',
        'This file is not a complete Hearth vault backup. Choose another backup file.',
      );
    const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; mac: Buffer } | undefined;
    return {
      vaultId: meta.vault_id.toString('hex'),
      ...(head ? { head: { seq: head.seq, mac: toHex(head.mac) } } : {}),
    };
  } catch (error) {
    throw named(fromSqliteError(error));
  } finally {
    db?.close();
  }
}

/** One refusal of a backup destination: INVALID_INPUT naming `field`, which a screen words. */
function badDestination(field: string, message: string): HearthError {
  return new HearthError('INVALID_INPUT', message, { fields: [field] });
}

/**
 * Checks a backup destination before anything is copied or audited, and creates the empty
 * `partial` file the copy is written into, so each way a path can be wrong gets its own error
 * with a next step (SQLite's own open failure says only "cannot open"):
 * - `outFile` is a folder: INVALID_INPUT, fields ['backup.isFolder'];
 * - a file exists there: CONFLICT (Hearth never overwrites);
 * - the folder does not exist: NOT_FOUND;
 * - a part of the folder path is a file: INVALID_INPUT, fields ['backup.parentNotFolder'];
 * - the folder cannot be written (EACCES, EPERM, EROFS): INVALID_INPUT, fields ['backup.noPermission'];
 * - anything else: IO_ERROR / DISK_FULL via fromSqliteError.
 * Messages name no path (a path can hold a child's name).
 */
function claimBackupDestination(outFile: string, partial: string): void {
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(outFile);
  } catch {
    existing = undefined; // absent (or unreadable): the open below says which
  }
  if (existing?.isDirectory())
    throw badDestination(
      'backup.isFolder',
      'The backup destination is a folder. Add a file name to the path, for example hearth-backup.db.',
    );
  if (existing)
    throw new HearthError(
      'CONFLICT',
      'A file already exists at the backup destination; choose a new name.',
    );
  let fd: number;
  try {
    // A leftover or planted `.partial` (even a symlink to another file) is removed, never
    // followed: 'wx' creates a new file or fails (red team round 5, F1).
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing to remove, or a path the open below explains (not a folder, no permission)
    }
    fd = openSync(partial, 'wx', 0o600);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT')
      throw new HearthError(
        'NOT_FOUND',
        'The backup destination folder does not exist. Create it or choose another folder.',
      );
    if (code === 'ENOTDIR')
      throw badDestination(
        'backup.parentNotFolder',
        'A part of the backup destination path is a file, not a folder. Check the path.',
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw badDestination(
        'backup.noPermission',
        'Hearth may not write in the backup destination folder (no permission, or read-only). Choose another folder.',
      );
    throw fromSqliteError(error);
  }
  closeSync(fd);
}

/**
 * Copies the open vault to `outFile` (which must not exist) with SQLite's online backup;
 * `onProgress('copy', percent)` as pages are copied, then ('verify', 100) once the copy was
 * reopened and checked. Returns the path and size in bytes.
 */
export async function backupVault(
  vault: Vault,
  outFile: string,
  onProgress?: ProgressListener,
): Promise<{ path: string; bytes: number }> {
  vault.require('vault.backup');
  const partial = `${outFile}.partial`;
  claimBackupDestination(outFile, partial);
  try {
    vault.transact(() =>
      vault.audit.append({
        at: vault.nowIso(),
        actor: vault.user?.username ?? '',
        action: 'vault.backup',
      }),
    );
    onProgress?.('copy', 0);
    const { totalPages } = await vault.db.backup(partial, {
      progress: ({ totalPages: total, remainingPages }) => {
        onProgress?.(
          'copy',
          total === 0 ? 100 : Math.round(((total - remainingPages) / total) * 100),
        );
        return 1024; // pages per step: the app stays responsive between steps
      },
    });
    onProgress?.('copy', 100);
    // One self-contained file: switch the copy from WAL to a rollback journal (so opening it
    // read-only later needs no -wal/-shm beside it), then make it private like the vault.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    fsyncPath(partial);
    inspectVaultFile(partial, outFile);
    onProgress?.('verify', 100);
    for (const suffix of SIDE_FILES) rmSync(partial + suffix, { force: true });
    renameSync(partial, outFile);
    fsyncPath(dirname(outFile));
    return {
      path: outFile,
      bytes: totalPages * (vault.db.pragma('page_size', { simple: true }) as number),
    };
  } catch (error) {
    removeWithSideFiles(partial);
    throw fromSqliteError(error);
  }
}

/** sha256 (hex) of a file of any size, read in 4 MiB chunks (restore is synchronous). */
export function sha256FileSync(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(4 * 1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
      hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
