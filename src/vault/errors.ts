// The one error type the core turns into `{ code, message }`. Messages are written for a person
// and never contain plaintext of a case, note or transcript.
export type HearthErrorCode =
  | 'INVALID_INPUT'
  | 'BAD_ENCODING'
  | 'BAD_TRANSCRIPT'
  | 'UNKNOWN_CHANNEL'
  | 'VAULT_NOT_FOUND'
  | 'VAULT_EXISTS'
  | 'VAULT_LOCKED'
  | 'VAULT_IN_USE'
  | 'VAULT_TOO_NEW'
  | 'VAULT_CORRUPT'
  | 'BAD_PASSPHRASE'
  | 'BAD_RECOVERY_KEY'
  | 'RATE_LIMITED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TAMPERED'
  | 'SESSION_SEALED'
  | 'DISK_FULL'
  | 'IO_ERROR'
  | 'INTERNAL';

export interface HearthErrorDetails {
  /** For RATE_LIMITED: milliseconds until the next attempt is allowed. */
  retryAfterMs?: number;
  /** For BAD_TRANSCRIPT and BAD_ENCODING: 1-based line of the transcript, when known. */
  line?: number;
  /** For BAD_TRANSCRIPT and BAD_ENCODING: the importer's own code or rule (UNMAPPED_LABELS,
   * BAD_TIMING, ...). For vault.confirmAuditStart: which step refused (BACKUP_UNREADABLE,
   * NOT_A_VAULT, OTHER_VAULT, BACKUP_TOO_EARLY, LOG_REWRITTEN, CENTRE_KEY_MISSING,
   * ALREADY_COMMITTED, STATEMENT_INVALID, STATEMENT_SIGNED), so a screen words each case. For
   * TAMPERED on seal, addendum or export: SEAL_REMOVED when a seal was removed or replaced.
   */
  reason?: string;
  /**
   * For INVALID_INPUT: the dotted paths of the fields that broke a rule ("original.language",
   * "username"), so a screen can say which field and which rule. Names only, never values.
   */
  fields?: string[];
  /** For INVALID_INPUT BACKUP_LOG_DAMAGED (restore-verify.ts): the backup's audit entries that do not verify. */
  entries?: number[];
}

export class HearthError extends Error {
  constructor(
    readonly code: HearthErrorCode,
    message: string,
    readonly details: HearthErrorDetails = {},
  ) {
    super(message);
    this.name = 'HearthError';
  }
}

/** Maps a better-sqlite3 or file-system error to a HearthError without passing its message on. */
export function fromSqliteError(error: unknown): HearthError {
  if (error instanceof HearthError) return error;
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL') {
      return new HearthError(
        'DISK_FULL',
        'The disk is full: nothing was saved by this action. Free some space and try again.',
      );
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return new HearthError(
        'VAULT_IN_USE',
        'The vault is open in another Hearth window or process. Close it there first.',
      );
    }
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return new HearthError(
        'VAULT_CORRUPT',
        'The vault file is damaged or is not a Hearth vault. Restore it from a backup.',
      );
    }
    if (
      code.startsWith('SQLITE_IOERR') ||
      code === 'SQLITE_CANTOPEN' ||
      code === 'SQLITE_READONLY'
    ) {
      return new HearthError(
        'IO_ERROR',
        'The vault file could not be read or written. Check the disk and its permissions.',
      );
    }
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new HearthError(
      'DISK_FULL',
      'The disk is full: nothing was saved by this action. Free some space and try again.',
    );
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    // A file-system error (EACCES, EIO, ENOENT, ...): its message holds a path, so only the code is kept.
    return new HearthError(
      'IO_ERROR',
      `A file could not be read or written (${code}). Check the disk, the folder and its permissions.`,
    );
  }
  return new HearthError('INTERNAL', 'An unexpected storage error occurred. Nothing was changed.');
}
