// Is a file given to `restore` a Hearth backup at all? Before the file is opened as a vault, say
// plainly which of the usual wrong files it is (newcomer review: a text file, a PDF, an empty file,
// another program's database and a cut-off copy all met "VAULT_CORRUPT ... Restore it from a
// backup", advice that goes in a circle when the file IS the backup). Two verdicts, both input
// to fix, never a problem with the vault already in place:
// - NOT_A_BACKUP: empty, not a database, or a database without Hearth's vault_meta table;
// - BACKUP_DAMAGED: a Hearth backup that is cut off (shorter than its own header says) or that
//   fails SQLite's integrity check.
// The header fields read here follow "Database File Format" (sqlite.org/fileformat2.html §1.3):
// the 16-byte magic string at offset 0, the page size at 16 (big-endian; 1 means 65536) and the
// database size in pages at 28, valid when the change counter at 24 equals the one at 92.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { HearthError } from './errors';

/** Why a file is not a backup Hearth can restore (HearthError details.reason). */
export type BackupFileReason =
  'EMPTY' | 'NOT_A_DATABASE' | 'OTHER_DATABASE' | 'TRUNCATED' | 'FAILS_INTEGRITY_CHECK';

/** details.fields of the INVALID_INPUT a wrong backup file gives: which verdict, for wording. */
export const NOT_A_BACKUP_FIELD = 'backup.notHearthBackup';
export const BACKUP_DAMAGED_FIELD = 'backup.damaged';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

const WHAT: Record<BackupFileReason, string> = {
  EMPTY: 'it is empty (0 bytes)',
  NOT_A_DATABASE: 'it is not a database file',
  OTHER_DATABASE: 'it is a database, but not a Hearth vault (it has no vault_meta table)',
  TRUNCATED: 'it is shorter than its own header says, so the copy was cut off',
  FAILS_INTEGRITY_CHECK: "it fails SQLite's integrity check",
};

/**
 * The error for a wrong backup file: INVALID_INPUT (input to fix, exit 2 in the CLI) naming the
 * file by its base name, with details.fields [NOT_A_BACKUP_FIELD | BACKUP_DAMAGED_FIELD] and
 * details.reason, so the CLI and screens can word it in the user's language.
 */
export function backupFileError(file: string, reason: BackupFileReason): HearthError {
  const damaged = reason === 'TRUNCATED' || reason === 'FAILS_INTEGRITY_CHECK';
  const message = damaged
    ? `${basename(file)}: the backup is damaged: ${WHAT[reason]}. Use another copy of this backup (for example the one on your offline media). The vault here was not changed.`
    : `${basename(file)}: this file is not a Hearth backup: ${WHAT[reason]}. Choose the file that hearth vault backup (or Back up in the app) wrote. The vault here was not changed.`;
  return new HearthError('INVALID_INPUT', message, {
    fields: [damaged ? BACKUP_DAMAGED_FIELD : NOT_A_BACKUP_FIELD],
    reason,
  });
}

/** The first bytes of `file` (fewer when it is shorter). */
function head(file: string, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that `file` looks like a Hearth backup before it is restored, by its size, its SQLite
 * header and, with `tables`, its tables (see the file comment). Returns nothing for a file that
 * passes (inspectVaultFile then checks its integrity and version); throws
 * backupFileError(shownAs, reason) for EMPTY, NOT_A_DATABASE, TRUNCATED, and with `tables`
 * OTHER_DATABASE or FAILS_INTEGRITY_CHECK (SQLite cannot open it as a database at all).
 * Other read errors (permissions) are passed on for fromSqliteError.
 * Without `tables` it only reads the first 100 bytes: safe on the user's own file. With it, the
 * file is opened read-only, which for a database in WAL mode creates side files beside it, so
 * restore passes `tables` only on its private staged copy.
 * @param shownAs the name the error gives (the user's file, when `file` is a private copy)
 */
export function checkBackupFile(
  file: string,
  shownAs: string = file,
  { tables = true }: { tables?: boolean } = {},
): void {
  const size = statSync(file).size;
  if (size === 0) throw backupFileError(shownAs, 'EMPTY');
  const header = head(file, HEADER_BYTES);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw backupFileError(shownAs, 'NOT_A_DATABASE');
  }
  if (header.length < HEADER_BYTES) throw backupFileError(shownAs, 'TRUNCATED');
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const sizeValid = header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0;
  if (pageSize >= 512 && (size % pageSize !== 0 || (sizeValid && size < pages * pageSize)))
    throw backupFileError(shownAs, 'TRUNCATED');
  if (!tables) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vault_meta'")
      .get();
    if (table === undefined) throw backupFileError(shownAs, 'OTHER_DATABASE');
  } catch (error) {
    if (error instanceof HearthError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
      throw backupFileError(shownAs, 'FAILS_INTEGRITY_CHECK');
    throw error;
  } finally {
    db?.close();
  }
}
