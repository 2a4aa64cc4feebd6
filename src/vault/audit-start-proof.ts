// Outside proof of where signed audit starts (red team round 6, R6-1). In an upgraded vault that
// the centre never committed, everything in the file that says where signed audit starts (the
// column, which entries carry signatures, an anchor, even the centre record, which an insider with
// an older copy of the file puts back) can be rewritten by anyone holding the audit chain key. So
// an admin commits the start only against a backup file, which the insider could not reach:
// - the backup's audit head (entry number and chain MAC) must be the vault's entry of that number,
//   so the log up to there is the one the backup holds (each MAC covers the one before it);
// - a backup made before the upgrade (no `audit_signed_from` column, migration 0004) has only
//   unsigned entries: signed audit starts after its head, at head + 1;
// - a backup made after it counts only if the centre had committed the start in it (it carries
//   the statement); one made before that commitment may copy the tampering (red team round 7,
//   R7-1) and is refused, as is a start beyond the backup's own log (R7-1d).
// A bundle cannot serve: its custody is the interview's, and names no vault audit entry.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { basename, isAbsolute, win32 } from 'node:path';
import { toHex } from './encoding';
import { fromSqliteError, HearthError } from './errors';

/** What a backup file says about the start of signed audit. */
export interface AuditStartProof {
  /** The backup's last audit entry (0 when its log is empty) and its chain MAC (hex). */
  head: { seq: number; mac: string };
  /** The first entry that must carry an author signature, according to the backup. */
  auditSignedFrom: number;
  /** True when the backup was made before signed audit (migration 0004). */
  beforeUpgrade: boolean;
}

const NEXT_STEP =
  'Give the newest backup file made before this vault was upgraded to signed audit, from your own offline media (not a copy in a shared folder), or restore the newest backup.';

/**
 * The backup path as typed or pasted, checked before anything opens it: surrounding quotes
 * (Windows "Copy as path" adds them) and spaces are removed. Errors (NOT_FOUND, nothing read):
 * reason BACKUP_PATH_RELATIVE for a path that does not start at a root or drive letter (it would
 * be resolved against Hearth's own working folder), BACKUP_IS_FOLDER for a folder.
 */
export function backupPath(given: string): string {
  const file = given
    .trim()
    .replace(/^(["'])(.*)\1$/s, '$2')
    .trim();
  const shown = basename(file) || file;
  if (!isAbsolute(file) && !win32.isAbsolute(file))
    throw new HearthError(
      'NOT_FOUND',
      `${shown}: give the full path of the backup file, starting with / or a drive letter.`,
      { reason: 'BACKUP_PATH_RELATIVE' },
    );
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    // Missing or unreadable: the open below says so.
  }
  if (folder)
    throw new HearthError('NOT_FOUND', `${shown}: is a folder. Choose the backup file inside it.`, {
      reason: 'BACKUP_IS_FOLDER',
    });
  return file;
}

/**
 * Reads `file` (read-only, never written) as a backup of the vault `vaultIdHex`. Errors:
 * NOT_FOUND / VAULT_CORRUPT (not a readable Hearth vault file; reason BACKUP_UNREADABLE or
 * NOT_A_VAULT), CONFLICT (a backup of another vault; reason OTHER_VAULT), IO_ERROR / DISK_FULL.
 * Messages name the file's base name only; `details.reason` lets a screen word each case.
 */
export function readAuditStartProof(given: string, vaultIdHex: string): AuditStartProof {
  let db: Database.Database | undefined;
  const file = backupPath(given);
  const shown = basename(file);
  try {
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch {
      throw new HearthError(
        'NOT_FOUND',
        `${shown}: cannot be opened as a backup file. ${NEXT_STEP}`,
        {
          reason: 'BACKUP_UNREADABLE',
        },
      );
    }
    const meta = db
      .prepare("SELECT name FROM pragma_table_info('vault_meta') WHERE name = 'audit_signed_from'")
      .get();
    const row = db.prepare('SELECT * FROM vault_meta WHERE singleton = 1').get() as
      { vault_id: Buffer; audit_signed_from?: number } | undefined;
    if (!row || !Buffer.isBuffer(row.vault_id))
      throw new HearthError(
        'VAULT_CORRUPT',
        `${shown}: is not a Hearth vault backup. ${NEXT_STEP}`,
        {
          reason: 'NOT_A_VAULT',
        },
      );
    if (row.vault_id.toString('hex') !== vaultIdHex)
      throw new HearthError(
        'CONFLICT',
        `${shown}: is a backup of another vault, so it proves nothing about this one. ${NEXT_STEP}`,
        { reason: 'OTHER_VAULT' },
      );
    const last = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; mac: Buffer } | undefined;
    const head = last ? { seq: last.seq, mac: toHex(last.mac) } : { seq: 0, mac: '' };
    const beforeUpgrade = meta === undefined;
    // A backup made after the upgrade but before the centre committed the start copies exactly
    // the state under suspicion (red team round 7, R7-1: a backup made now of a tampered file,
    // or a tampered file dropped into the backups folder); its column proves nothing.
    const statement = db
      .prepare("SELECT name FROM pragma_table_info('vault_meta') WHERE name = 'audit_start'")
      .get()
      ? (db.prepare('SELECT audit_start AS t FROM vault_meta').get() as { t: unknown }).t
      : null;
    if (!beforeUpgrade && (statement === null || statement === undefined))
      throw new HearthError(
        'CONFLICT',
        `${shown}: was made after the upgrade to signed audit but before the centre committed where it starts, so it may copy the very change in question and proves nothing. ${NEXT_STEP}`,
        { reason: 'BACKUP_UNCOMMITTED' },
      );
    const auditSignedFrom = beforeUpgrade ? head.seq + 1 : Number(row.audit_signed_from);
    if (!Number.isSafeInteger(auditSignedFrom) || auditSignedFrom < 1)
      throw new HearthError(
        'VAULT_CORRUPT',
        `${shown}: its start of signed audit is not readable. ${NEXT_STEP}`,
        {
          reason: 'NOT_A_VAULT',
        },
      );
    return { head, auditSignedFrom, beforeUpgrade };
  } catch (error) {
    if (error instanceof HearthError) throw error;
    const cause = fromSqliteError(error);
    const ioProblem = cause.code === 'DISK_FULL' || cause.code === 'IO_ERROR';
    throw new HearthError(
      ioProblem ? cause.code : 'VAULT_CORRUPT',
      `${shown}: is not a readable Hearth vault backup. ${NEXT_STEP}`,
      ioProblem ? {} : { reason: 'NOT_A_VAULT' },
    );
  } finally {
    db?.close();
  }
}

/**
 * Compares the proof with the vault's own audit log (`macAt(seq)`: the chain MAC hex of entry
 * `seq`, undefined when the log has no such entry) and its column, and returns the start to
 * commit. Errors: TAMPERED (the log differs from the backup's, or lost entries: restore; reason
 * LOG_REWRITTEN); CONFLICT (reason BACKUP_TOO_EARLY: a backup from before the upgrade ends before the file's boundary, so it cannot tell
 * the entries between from ones whose signatures were stripped: give a later backup).
 */
export function startFromProof(
  proof: AuditStartProof,
  column: number,
  macAt: (seq: number) => string | undefined,
): number {
  if (proof.head.seq > 0) {
    const mac = macAt(proof.head.seq);
    if (mac === undefined)
      throw new HearthError(
        'TAMPERED',
        `The backup's audit log reaches entry ${proof.head.seq}, but this vault's ends before it: entries were removed outside Hearth. Restore the newest backup (hearth vault restore).`,
        { reason: 'LOG_REWRITTEN' },
      );
    if (mac !== proof.head.mac)
      throw new HearthError(
        'TAMPERED',
        `This vault's audit entry ${proof.head.seq} is not the backup's: the audit log up to there was rewritten outside Hearth. Nothing is committed. Restore the newest backup (hearth vault restore).`,
        { reason: 'LOG_REWRITTEN' },
      );
  }
  // Impossible values are refused, not committed for good (red team round 7, R7-1d): a start
  // beyond the backup's own log. (A start above the file's column is possible: an insider may
  // have lowered the column, R6-2.)
  if (proof.auditSignedFrom > proof.head.seq + 1)
    throw new HearthError(
      'CONFLICT',
      `The backup says signed audit starts at entry ${proof.auditSignedFrom}, but its own audit log ends at entry ${proof.head.seq}: that start is impossible, so the backup was altered. Nothing is committed. ${NEXT_STEP}`,
      { reason: 'START_IMPOSSIBLE' },
    );
  if (proof.beforeUpgrade && proof.auditSignedFrom < column)
    throw new HearthError(
      'CONFLICT',
      `The backup ends at audit entry ${proof.head.seq}, before the upgrade, but the vault file excuses entries up to ${column - 1}: entries ${proof.auditSignedFrom}-${column - 1} were either written after that backup and before the upgrade, or lost their signatures outside Hearth, and the backup cannot tell which. Nothing is committed. Give a backup made later (the last one before the upgrade); if there is none, restore the newest backup.`,
      { reason: 'BACKUP_TOO_EARLY' },
    );
  return proof.auditSignedFrom;
}
