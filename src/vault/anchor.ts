// The audit anchor: the audit head's sequence number and MAC, kept outside the vault file (a
// small file in the app's data folder, and in every export's custody). The audit chain catches
// edits and deletions in the middle of the log; only a second place can show that its newest
// entries were cut off, or that the whole file was replaced by an older copy of itself.
// The anchor is signed by the staff key of the user who wrote it (the signed-in user, after each
// commit), and checked against the centre's certificates: someone with a copy of the folder but
// no passphrase cannot forge one. A second copy can be kept outside the vault folder (the app's
// user-data folder; the CLI's HEARTH_ANCHOR_COPY): both are compared at every unlock. Whoever
// holds a passphrase can still sign an anchor of their own, and whoever can delete both copies
// defeats it (README "What rollback detection cannot see").
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AuditHead, AuditSigner, SignerLookup } from './audit';
import { verifyDetached, CryptoError } from '../crypto';
import {
  type AnchorCheckpoint,
  checkpointFinding,
  checkpointSignatureProblem,
  isCheckpointShape,
} from './checkpoint';
import { canonicalTuple, toHex } from './encoding';
import { fromSqliteError } from './errors';

export const ANCHOR_FILE = 'hearth-vault.anchor.json';
const FORMAT = 'hearth-audit-anchor-v1';
/**
 * An anchor is small (its checkpoint lists the certified staff keys, 65 bytes each); anything
 * larger is not one (and is not read into memory).
 */
const MAX_ANCHOR_BYTES = 65536;

export interface Anchor extends AuditHead {
  format: typeof FORMAT;
  /** The vault's id, hex: an anchor of another vault is ignored, not compared. */
  vaultId: string;
  writtenAt: string;
  /** Ed25519 public key (hex) of the staff member whose sign-in wrote it; absent: unsigned. */
  signer?: string;
  /** Their signature (hex) over `anchorMessage`. */
  signature?: string;
  /**
   * Written unsigned by `vault restore` of older versions: the sha256 (hex) of the backup file
   * restored. Nothing proves the claim (anyone can write it without a key: red team round 7,
   * R7-7), so it no longer excuses anything: an unsigned anchor that carries it is reported as
   * RESTORE_UNCONFIRMED. Today's restore signs the anchor with the restoring admin's key.
   */
  restoredBackupSha256?: string;
  /**
   * vault_meta.audit_signed_from when the anchor was written (the start of signed audit), inside
   * the signature (message v2): moving the boundary in the file is then seen against any signed
   * anchor, even without the centre's statement (red team round 3, M1). Absent in older anchors.
   */
  auditSignedFrom?: number;
  /**
   * The newest admin checkpoint (checkpoint.ts): written by an admin session, carried forward
   * unchanged by everyone else's. It has its own admin signature, so the anchor's signature
   * need not cover it; stripping it is seen whenever the file has an in-file checkpoint.
   */
  checkpoint?: AnchorCheckpoint;
}

/**
 * The bytes an anchor's writer signs: JSON array ["hearth.audit-anchor.v1", vault id hex, seq,
 * mac hex, writtenAt, signer public key hex]; with `auditSignedFrom`, ["hearth.audit-anchor.v2",
 * the same fields, auditSignedFrom].
 */
export function anchorMessage(anchor: Omit<Anchor, 'format' | 'signature'>, signer: string) {
  if (anchor.auditSignedFrom !== undefined)
    return canonicalTuple(
      'hearth.audit-anchor.v2',
      anchor.vaultId,
      anchor.seq,
      anchor.mac,
      anchor.writtenAt,
      signer,
      anchor.auditSignedFrom,
    );
  return canonicalTuple(
    'hearth.audit-anchor.v1',
    anchor.vaultId,
    anchor.seq,
    anchor.mac,
    anchor.writtenAt,
    signer,
  );
}

/**
 * Why an anchor's signature cannot be trusted, or undefined: unsigned (written by a restore,
 * an older version, or by hand), a signature that does not verify, or a key the centre did not
 * certify.
 */
export const ANCHOR_NOT_SIGNED = 'it is not signed';

/**
 * The audit action older versions appended at an admin's sign-in to acknowledge an unsigned
 * restore anchor by itself. No longer written: anyone could write such an anchor without a key
 * (red team round 7, R7-7); `vault check` still reads the entries of older vaults.
 */
export const RESTORE_ACKNOWLEDGED = 'vault.restoreAcknowledged';

/**
 * The audit action `vault restore` appends, signed by the admin who restores (their passphrase
 * is asked for): the backup file's sha256 and the restored head. The same sign-in signs the
 * anchor copies, so a restore is never excused by an unsigned claim (red team round 7, R7-7).
 */
export const RESTORED = 'vault.restored';

export function anchorSignatureProblem(anchor: Anchor, lookup: SignerLookup): string | undefined {
  if (!anchor.signer || !anchor.signature) return ANCHOR_NOT_SIGNED;
  try {
    verifyDetached(
      Buffer.from(anchor.signature, 'hex'),
      anchorMessage(anchor, anchor.signer),
      Buffer.from(anchor.signer, 'hex'),
    );
  } catch (error) {
    if (error instanceof CryptoError) return 'its signature does not verify (edited or forged)';
    throw error;
  }
  const owner = lookup(anchor.signer);
  return 'problem' in owner ? 'it is signed by a key the centre has not certified' : undefined;
}

export function defaultAnchorFile(vaultDir: string): string {
  return join(vaultDir, ANCHOR_FILE);
}

/**
 * Open flags for reading an anchor copy (red team 19, R19-5): never through a symbolic link
 * (O_NOFOLLOW: a link to /dev/zero was read forever), never waiting for a writer (O_NONBLOCK: a
 * FIFO hung every unlock). Windows has neither flag and no such files to fear in this way.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of an anchor copy, read with bounded work: 'absent' when there is no entry at that
 * path; 'unreadable' when it is a symbolic link, not a regular file (a FIFO, a device, a
 * folder) or larger than MAX_ANCHOR_BYTES. At most MAX_ANCHOR_BYTES + 1 bytes are read (a file
 * that grows while read is still refused), whatever its stated size (R19-5: a 1.9 GiB sparse
 * file was read whole, 2.17 GB of memory, before the size was checked).
 */
function readAnchorBytes(file: string): Buffer | 'absent' | 'unreadable' {
  let fd: number;
  try {
    fd = openSync(file, READ_FLAGS);
  } catch (error) {
    // ELOOP (a symbolic link under O_NOFOLLOW), EACCES, ...: there is something, not an anchor.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unreadable';
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_ANCHOR_BYTES) return 'unreadable';
    const buffer = Buffer.alloc(MAX_ANCHOR_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, length);
      if (read === 0) break;
      length += read;
    }
    return length > MAX_ANCHOR_BYTES ? 'unreadable' : buffer.subarray(0, length);
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}

/**
 * Why an anchor copy that reads as 'unreadable' is not an anchor, for the person who sees the
 * finding: from lstat only (never opens the file, so never blocks). Undefined when it is gone.
 */
export function anchorFileProblem(file: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return 'it is a symbolic link, which Hearth never writes';
  if (!stat.isFile()) return 'it is not a regular file (a FIFO, a device or a folder)';
  if (stat.size > MAX_ANCHOR_BYTES)
    return `it is larger than ${MAX_ANCHOR_BYTES / 1024} KiB (an anchor is a few KiB)`;
  return 'it is not a valid anchor';
}

/** The anchor in `file`; 'absent' when there is none, 'unreadable' when it is not an anchor. */
export function readAnchor(file: string): Anchor | 'absent' | 'unreadable' {
  const text = readAnchorBytes(file);
  if (typeof text === 'string') return text;
  try {
    const value = JSON.parse(text.toString('utf8')) as Partial<Anchor>;
    if (
      value.format !== FORMAT ||
      typeof value.vaultId !== 'string' ||
      !Number.isSafeInteger(value.seq) ||
      typeof value.mac !== 'string' ||
      !/^[0-9a-f]{64}$/.test(value.mac) ||
      (value.signer !== undefined && !/^[0-9a-f]{64}$/.test(String(value.signer))) ||
      (value.signature !== undefined && !/^[0-9a-f]{128}$/.test(String(value.signature))) ||
      (value.restoredBackupSha256 !== undefined &&
        !/^[0-9a-f]{64}$/.test(String(value.restoredBackupSha256))) ||
      (value.auditSignedFrom !== undefined &&
        (!Number.isSafeInteger(value.auditSignedFrom) || value.auditSignedFrom < 1)) ||
      (value.checkpoint !== undefined && !isCheckpointShape(value.checkpoint))
    )
      return 'unreadable';
    return value as Anchor;
  } catch {
    return 'unreadable';
  }
}

/**
 * The anchor's JSON is padded with spaces to this size (JSON.parse ignores them), so that each
 * update overwrites the same bytes of the same file.
 */
const ANCHOR_PADDED_BYTES = 4096;

/**
 * Writes the anchor, mode 0600. Not fsynced: it is written after every commit, and a crash can
 * at worst leave the previous head, which an intact log is never shorter than. The first write
 * (and any that would not fit) replaces the file atomically (write beside it, then rename); the
 * updates after every commit overwrite the padded file in place: on ext4 a rename over an
 * existing file forces the new file's data to disk (auto_da_alloc), which cost as much as the
 * note's own commit (issue #22: 5.5 ms of a 14 ms append). An in-place update is one write
 * of one 1 KiB block that stays allocated; a crash in the middle of it leaves an anchor that
 * does not parse, which the next unlock reports (fails closed), never a silently older one.
 */
export function writeAnchor(file: string, anchor: UnsignedAnchor, signer?: AuditSigner): void {
  writeAnchors([file], anchor, signer);
}

/** What a writer puts in an anchor before it is signed (see writeAnchor). */
export type UnsignedAnchor = Omit<
  Anchor,
  'format' | 'signer' | 'signature' | 'restoredBackupSha256' | 'auditSignedFrom' | 'checkpoint'
> & {
  restoredBackupSha256?: string;
  auditSignedFrom?: number;
  checkpoint?: AnchorCheckpoint;
};

/**
 * Writes the same anchor to every copy (the vault folder's and the one outside it), signed once:
 * the copies hold identical bytes, so one Ed25519 signature serves them all (issue #22: the
 * anchor was signed once per copy after every commit, a second signature per note).
 */
export function writeAnchors(
  files: readonly string[],
  anchor: UnsignedAnchor,
  signer?: AuditSigner,
): void {
  if (files.length === 0) return;
  const signed = signer
    ? (() => {
        const key = toHex(signer.publicKey);
        return { signer: key, signature: toHex(signer.sign(anchorMessage(anchor, key))) };
      })()
    : {};
  const json = JSON.stringify({ format: FORMAT, ...anchor, ...signed });
  for (const file of files) writeAnchorText(file, json);
}

/**
 * Writes an anchor that is already complete (signed elsewhere: `vault restore` copies the anchor
 * its admin signed to every copy), by the same safe procedure as writeAnchor.
 */
export function copyAnchor(file: string, anchor: Anchor): void {
  writeAnchorText(file, JSON.stringify(anchor));
}

function writeAnchorText(file: string, json: string): void {
  const partial = `${file}.partial`;
  const text = Buffer.from(json, 'utf8');
  const padded =
    text.length <= ANCHOR_PADDED_BYTES
      ? Buffer.concat([text, Buffer.alloc(ANCHOR_PADDED_BYTES - text.length, 0x20)])
      : text;
  if (padded.length === ANCHOR_PADDED_BYTES && overwriteInPlace(file, padded)) return;
  try {
    // A planted `.partial` (a symlink to another file) is removed, never followed: 'wx' creates
    // a new file or fails (red team round 5, F1).
    rmSync(partial, { force: true });
    writeFileSync(partial, padded, { mode: 0o600, flag: 'wx' });
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw fromSqliteError(error);
  }
}

/**
 * Overwrites an existing regular file of exactly `bytes.length` bytes (not a symlink) in place;
 * false when there is no such file (the caller then replaces it by rename).
 */
function overwriteInPlace(file: string, bytes: Buffer): boolean {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO planted at the anchor's path fails here (ENXIO: no reader) rather than
    // blocking until someone reads it (R19-5); it is then replaced by rename.
    fd = openSync(file, constants.O_WRONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0));
  } catch {
    return false;
  }
  try {
    const stat = fstatSync(fd);
    // Only our own private file is updated in place: a planted hard link (a second name outside
    // the folder) or a file others may read or write is replaced by rename instead, which breaks
    // the link and restores mode 0600 (red team round 5, F3).
    if (
      !stat.isFile() ||
      stat.size !== bytes.length ||
      stat.nlink !== 1 ||
      (stat.mode & 0o077) !== 0
    )
      return false;
    return writeSync(fd, bytes, 0, bytes.length, 0) === bytes.length;
  } catch (error) {
    throw fromSqliteError(error);
  } finally {
    closeSync(fd);
  }
}

export type AnchorVerdict =
  | { status: 'ok' }
  | { status: 'absent' | 'other-vault' }
  /**
   * The copy is not an anchor. `file` and `problem` (anchorFileProblem), when the caller knows
   * them, name which copy and why, for the message (R19-5).
   */
  | { status: 'unreadable'; file?: string; problem?: string }
  /**
   * The anchor is readable but its signature is missing, invalid or by an uncertified key;
   * `restoredBackupSha256`: an unsigned anchor written by `vault restore` (see Anchor).
   */
  | { status: 'unsigned'; problem: string; restoredBackupSha256?: string }
  /** The log is shorter than the anchor: `missing` entries were cut off or the file is older. */
  | { status: 'rolled-back'; missing: number; anchorSeq: number }
  /** The entry at the anchor's sequence is not the one anchored: another history replaced it. */
  | { status: 'replaced'; anchorSeq: number }
  /**
   * The signed anchor recorded another start of signed audit than the file's
   * vault_meta.audit_signed_from: the boundary was moved (signatures stripped as "legacy").
   */
  | { status: 'start-moved'; anchorSignedFrom: number; fileSignedFrom: number }
  /** The entry the anchor's admin checkpoint names has another MAC: re-written before it (R8-T). */
  | { status: 'checkpoint-rewritten'; checkpointSeq: number }
  /**
   * The anchor is signed by a staff key that was not on the staff list of its admin checkpoint:
   * a key withdrawn before then (a removed user putting back an older copy, R7-11).
   */
  | { status: 'signer-removed'; signer: string; checkpointSeq: number }
  /** The file holds an in-file admin checkpoint but the anchor carries none (stripped). */
  | { status: 'checkpoint-missing'; problem: string };

/**
 * Compares the file's audit log with the anchor. `macAt(seq)` gives the stored MAC (hex) of an
 * entry, from the cleartext column (no key needed).
 */
export function compareWithAnchor(
  anchor: Anchor | 'absent' | 'unreadable',
  vaultIdHex: string,
  head: AuditHead | undefined,
  macAt: (seq: number) => string | undefined,
  lookup?: SignerLookup,
  start?: {
    /** vault_meta.audit_signed_from now. */
    fileSignedFrom: number;
    /**
     * True only when this process itself just upgraded the file from before signed audit
     * (migration 0004) and no centre statement exists: then, and only then, the unsigned anchor
     * an older Hearth wrote at the last legacy entry is accepted (it cannot be signed).
     */
    legacyAnchorAllowed: boolean;
  },
  /** True when the file holds an in-file checkpoint: a signed anchor must then carry one. */
  checkpointRequired = false,
): AnchorVerdict {
  if (anchor === 'absent' || anchor === 'unreadable') return { status: anchor };
  if (anchor.vaultId !== vaultIdHex) return { status: 'other-vault' };
  const problem = lookup ? anchorSignatureProblem(anchor, lookup) : undefined;
  // The anchor an older Hearth wrote before signed audit existed (migration 0004): unsigned by
  // design, and exactly at the last legacy entry with nothing after it. Accepted only in the
  // process that ran the upgrade (a flag no file can set: red team round 3, M1 wrote such an
  // anchor by hand); the first signed unlock replaces it; `vault check` keeps the
  // LEGACY_UNSIGNED notice for everything before.
  const signedFrom = start?.legacyAnchorAllowed ? start.fileSignedFrom : undefined;
  if (
    problem === ANCHOR_NOT_SIGNED &&
    signedFrom !== undefined &&
    anchor.signer === undefined &&
    anchor.restoredBackupSha256 === undefined &&
    anchor.seq === signedFrom - 1 &&
    (head?.seq ?? 0) === anchor.seq &&
    macAt(anchor.seq) === anchor.mac
  )
    return { status: 'ok' };
  if (problem)
    return {
      status: 'unsigned',
      problem,
      ...(problem === ANCHOR_NOT_SIGNED &&
      anchor.restoredBackupSha256 &&
      (head?.seq ?? 0) === anchor.seq &&
      macAt(anchor.seq) === anchor.mac
        ? { restoredBackupSha256: anchor.restoredBackupSha256 }
        : {}),
    };
  const headSeq = head?.seq ?? 0;
  // The admin checkpoint before the anchor's own head: an insider re-signs the head, but not it.
  if (lookup && anchor.checkpoint) {
    const why = checkpointSignatureProblem(vaultIdHex, anchor.checkpoint, lookup);
    if (why) return { status: 'checkpoint-missing', problem: why };
    const found = checkpointFinding(anchor.checkpoint, headSeq, macAt, anchor.signer);
    if (found) return found;
  } else if (lookup && checkpointRequired)
    return {
      status: 'checkpoint-missing',
      problem: 'it carries no admin checkpoint, though the vault file has one',
    };
  if (headSeq < anchor.seq)
    return { status: 'rolled-back', missing: anchor.seq - headSeq, anchorSeq: anchor.seq };
  if (macAt(anchor.seq) !== anchor.mac) return { status: 'replaced', anchorSeq: anchor.seq };
  if (
    start !== undefined &&
    anchor.auditSignedFrom !== undefined &&
    anchor.auditSignedFrom !== start.fileSignedFrom
  )
    return {
      status: 'start-moved',
      anchorSignedFrom: anchor.auditSignedFrom,
      fileSignedFrom: start.fileSignedFrom,
    };
  return { status: 'ok' };
}

/** The audit action an admin's sign-in records an anchor finding under (its detail: the verdict). */
export const ROLLBACK_DETECTED = 'vault.rollbackDetected';

/**
 * Whether `status` is a rollback the anchor saw (ROLLED_BACK, a replaced or re-written history,
 * a moved start of signed audit, a removed user's signature): reported to the admin who signs in,
 * and only an admin may sign in over one (red team round 7, R7-11).
 */
export function isRollbackFinding(status: AnchorVerdict['status']): boolean {
  return (
    status === 'rolled-back' ||
    status === 'replaced' ||
    status === 'start-moved' ||
    status === 'checkpoint-rewritten' ||
    status === 'signer-removed'
  );
}

/** The verdicts that leave rollback unchecked: no trustworthy anchor to compare with. */
export type AnchorMissingStatus =
  'absent' | 'unreadable' | 'other-vault' | 'unsigned' | 'checkpoint-missing';

/**
 * Whether `status` leaves rollback unchecked: only an admin may sign in over one (red team
 * round 8, R8-A), and vault check names each recorded one ANCHOR_MISSING.
 */
export function isAnchorMissing(status: unknown): status is AnchorMissingStatus {
  return (
    status === 'absent' ||
    status === 'unreadable' ||
    status === 'other-vault' ||
    status === 'unsigned' ||
    status === 'checkpoint-missing'
  );
}

/** A sentence for a person, naming what the anchor shows. */
export function describeVerdict(verdict: AnchorVerdict): string | undefined {
  switch (verdict.status) {
    case 'ok':
      return undefined;
    case 'rolled-back':
      return `ROLLED_BACK: the audit log ends at entry ${verdict.anchorSeq - verdict.missing}, but this computer recorded entry ${verdict.anchorSeq}: ${verdict.missing} audit ${verdict.missing === 1 ? 'entry is' : 'entries are'} missing. Newest changes were removed or the vault file was replaced by an older copy. Restore the newest backup, or report it.`;
    case 'replaced':
      return `ROLLED_BACK: audit entry ${verdict.anchorSeq} is not the one this computer recorded: the vault file was replaced by another copy with a different history.`;
    case 'start-moved':
      return `AUDIT_START_MOVED: the vault file says audit entries are signed from entry ${verdict.fileSignedFrom} on, but this computer recorded ${verdict.anchorSignedFrom}: the start of signed audit was moved outside Hearth, which makes stripped author signatures look like entries from an older version. Run a vault check, restore the newest backup, or report it.`;
    case 'checkpoint-rewritten':
      return `CHECKPOINT_REWRITTEN: audit entry ${verdict.checkpointSeq}, which an admin's sign-in checkpointed, is no longer the one the admin signed: the audit log up to it was re-written outside Hearth under another staff key. Run a vault check, restore the newest backup, and report it.`;
    case 'signer-removed':
      return `ANCHOR_SIGNER_REMOVED: the audit anchor is signed by a staff key that was no longer certified at the admin checkpoint of entry ${verdict.checkpointSeq} (a removed user): an older copy of the vault was put back. Restore the newest backup, and report it.`;
    case 'checkpoint-missing':
      return `ANCHOR_CHECKPOINT_MISSING: the audit anchor outside the vault file cannot be trusted: ${verdict.problem}. A rollback of this vault, or a re-written audit log, cannot be ruled out. Run a vault check, compare with your newest backup, and report it.`;
    case 'absent':
      return 'The audit anchor outside the vault file is missing (deleted?): rollback of this vault cannot be ruled out since it was last written. A new anchor starts from this unlock; restore the anchor file from a backup if you have one, or report it.';
    case 'unreadable':
      if (verdict.file)
        return `The audit anchor ${verdict.file} is damaged${verdict.problem ? ` (${verdict.problem})` : ''}: rollback of this vault cannot be ruled out. Hearth replaces it with a new anchor from this unlock; if you did not put that file there, report it.`;
      return 'The audit anchor outside the vault file is damaged: rollback of this vault cannot be ruled out. A new anchor starts from this unlock; report it.';
    case 'other-vault':
      return 'The audit anchor in this folder belongs to another vault: rollback of this vault cannot be checked. A new anchor starts from this unlock; report it.';
    case 'unsigned':
      if (verdict.restoredBackupSha256)
        return `RESTORE_UNCONFIRMED: the audit anchor claims a restore from a backup (sha256 ${verdict.restoredBackupSha256}), but it is not signed. Hearth's own restore (hearth vault restore) signs it with the restoring admin's key, so this claim was written by hand or by an older Hearth: the newest changes may have been cut off or the file replaced by an older copy. If you did not restore this backup yourself with an older Hearth, this is a rollback: report it, and restore the newest backup with hearth vault restore.`;
      return `The audit anchor outside the vault file cannot be trusted: ${verdict.problem}. Rollback of this vault cannot be ruled out since it was last written (a restore from backup also leaves an unsigned anchor). A new signed anchor starts from this unlock; if you did not restore a backup, report it.`;
  }
}

/** Severity order: the worst verdict of several anchor copies is the one reported. */
const SEVERITY: Record<AnchorVerdict['status'], number> = {
  ok: 0,
  absent: 1,
  'other-vault': 2,
  unreadable: 3,
  unsigned: 4,
  replaced: 5,
  'start-moved': 6,
  'checkpoint-missing': 4,
  'rolled-back': 7,
  'signer-removed': 8,
  'checkpoint-rewritten': 9,
};

/**
 * The verdict of several anchor copies (the vault folder's and the one outside it): the worst
 * one, naming which copy says so when they disagree. A copy that is merely older than the other
 * is not a problem (the log is longer than both); a copy that is missing while the other is fine
 * is reported as absent, so deleting one copy does not go unnoticed.
 */
export function worstVerdict(verdicts: Array<{ file: string; verdict: AnchorVerdict }>): {
  file: string;
  verdict: AnchorVerdict;
} {
  return verdicts.reduce((worst, v) =>
    SEVERITY[v.verdict.status] > SEVERITY[worst.verdict.status] ? v : worst,
  );
}

/**
 * A genuine restore (red team round 7, R7-9) writes its admin-signed anchor to the copies it was
 * given; a copy it was not given (the app's user-data copy, when `hearth vault restore` ran
 * without HEARTH_ANCHOR_COPY) still names the later, replaced history and would read as
 * ROLLED_BACK for good. Such a copy is set aside (its verdict becomes ok) when another copy is
 * ok and carries the restoring admin's checkpoint (`restoredBackupSha256`, inside the admin's
 * signature), and the stale copy was written before that checkpoint. The next sign-in rewrites
 * every copy. An insider cannot forge the restore checkpoint; replaying an old one over a newer
 * copy fails the time order, unless they also re-sign the newer copy with their own key, which
 * rewrites both copies (README "What rollback detection cannot see").
 */
export function supersededByRestore(
  copies: Array<{ file: string; anchor: Anchor | 'absent' | 'unreadable'; verdict: AnchorVerdict }>,
): Array<{ file: string; verdict: AnchorVerdict }> {
  const restore = copies.find(
    (c) =>
      c.verdict.status === 'ok' &&
      typeof c.anchor === 'object' &&
      c.anchor.checkpoint?.restoredBackupSha256 !== undefined,
  );
  const restoredAt =
    restore && typeof restore.anchor === 'object' ? restore.anchor.checkpoint?.at : undefined;
  return copies.map(({ file, anchor, verdict }) =>
    restoredAt !== undefined &&
    (verdict.status === 'rolled-back' ||
      verdict.status === 'replaced' ||
      verdict.status === 'checkpoint-rewritten') &&
    typeof anchor === 'object' &&
    anchor.writtenAt < restoredAt
      ? { file, verdict: { status: 'ok' } }
      : { file, verdict },
  );
}
