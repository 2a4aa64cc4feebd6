// Admin checkpoints of the audit log (red team round 8, R8-T; round 7, R7-11).
//
// Every audit entry is signed by its author and each signature covers the MAC of the entry
// before it, but any staff member holds the chain key: they can re-author, re-MAC and re-sign
// every entry after the newest one that only an admin could have written (check-author-role.ts).
// Before this module such writes were rare (user management), so the re-authorable tail was
// weeks long. A checkpoint makes them regular: at every admin sign-in (and at the vault's
// creation) the admin's staff key commits to the current audit head twice:
//  - in the file: record `audit-checkpoint` (sealed under class:staff, admins only), naming the
//    head's sequence number and MAC, written by an audit entry `vault.checkpoint` that only an
//    admin may sign (ADMIN_ONLY). Rewriting anything before it breaks that entry's signature or
//    makes its signer a non-admin; `vault check` names it (CHECKPOINT_REWRITTEN,
//    AUDIT_AUTHOR_NOT_ALLOWED).
//  - outside the file, in the anchor (anchor.ts): `checkpoint`, the head at the admin session's
//    newest anchor write, signed by the admin, with the staff keys the centre certifies at that
//    moment. A non-admin's sign-in carries it forward unchanged. At unlock an anchor whose
//    checkpoint's entry is gone or different is ROLLED_BACK / CHECKPOINT_REWRITTEN; an anchor
//    signed by a key not on the checkpoint's staff list (a removed user) is ANCHOR_SIGNER_REMOVED;
//    an anchor without a checkpoint over a file that has one is ANCHOR_CHECKPOINT_MISSING.
// What remains: entries after the newest checkpoint (since the admin's last sign-in, in the file;
// since the admin session's last commit, in the anchor) can still be re-authored by a staff
// member; and whoever put back BOTH an older vault file and the anchor copies of that time
// (an old copy of the whole folder and of the user-data copy) is not seen (README).
import { verifyDetached, CryptoError } from '../crypto';
import type { AuditHead, AuditSigner, SignerLookup } from './audit';
import { canonicalTuple, toHex } from './encoding';
import type { RecordAddress } from './records';

/** The record id of the in-file checkpoint (one record, a new version at each admin sign-in). */
export const CHECKPOINT_RECORD_ID = 'audit-checkpoint';
/** Its container: its own, not the centre's (a vault whose centre key is gone gets no centre row). */
const CHECKPOINT_CONTAINER = 'audit';
/** The audit action that writes it. */
export const CHECKPOINT_ACTION = 'vault.checkpoint';

/** The in-file checkpoint: the head before the `vault.checkpoint` entry that wrote it. */
export interface CheckpointRecord {
  seq: number;
  /** hex MAC of entry `seq` (as stored in audit_log.mac). */
  mac: string;
  at: string;
  by: string;
}

/** Where version `version` (1, 2, ...) of the in-file checkpoint is sealed: admins only. */
export function checkpointAddress(version: number): RecordAddress {
  return {
    recordId: CHECKPOINT_RECORD_ID,
    containerId: CHECKPOINT_CONTAINER,
    kind: 'audit-checkpoint',
    seq: version,
    keyRef: 'class:staff',
  };
}

/** The anchor's checkpoint: signed by an admin's staff key (hex), over `checkpointMessage`. */
export interface AnchorCheckpoint extends AuditHead {
  at: string;
  /** Ed25519 public key (hex) of the admin who signed it. */
  signer: string;
  /** Public keys (hex, sorted) of every staff key the centre certified, not withdrawn, then. */
  staffKeys: string[];
  /**
   * Set only on the checkpoints `vault restore` signs: the sha256 (hex) of the backup restored.
   * An anchor copy older than such a checkpoint is history the restore replaced on purpose
   * (red team round 7, R7-9), not a rollback: see anchor.ts `supersededByRestore`.
   */
  restoredBackupSha256?: string;
  /** Signature (hex) by `signer`. */
  signature: string;
}

const HEX32 = /^[0-9a-f]{64}$/;

/**
 * The bytes an admin signs: JSON array ["hearth.audit-checkpoint.v1", vault id hex, seq, mac hex,
 * at, signer hex, staff keys joined with ","].
 */
export function checkpointMessage(
  vaultIdHex: string,
  checkpoint: Omit<AnchorCheckpoint, 'signature'>,
): Uint8Array {
  if (checkpoint.restoredBackupSha256 !== undefined)
    return canonicalTuple(
      'hearth.audit-checkpoint.restore.v1',
      vaultIdHex,
      checkpoint.seq,
      checkpoint.mac,
      checkpoint.at,
      checkpoint.signer,
      checkpoint.staffKeys.join(','),
      checkpoint.restoredBackupSha256,
    );
  return canonicalTuple(
    'hearth.audit-checkpoint.v1',
    vaultIdHex,
    checkpoint.seq,
    checkpoint.mac,
    checkpoint.at,
    checkpoint.signer,
    checkpoint.staffKeys.join(','),
  );
}

/** Signs a checkpoint of `head` with an admin's staff key. */
export function signCheckpoint(
  vaultIdHex: string,
  head: AuditHead,
  at: string,
  signer: AuditSigner,
  staffKeys: string[],
  restoredBackupSha256?: string,
): AnchorCheckpoint {
  const unsigned = {
    seq: head.seq,
    mac: head.mac,
    at,
    signer: toHex(signer.publicKey),
    staffKeys: [...staffKeys].sort(),
    ...(restoredBackupSha256 !== undefined ? { restoredBackupSha256 } : {}),
  };
  return {
    ...unsigned,
    signature: toHex(signer.sign(checkpointMessage(vaultIdHex, unsigned))),
  };
}

/** Whether a parsed JSON value has the shape of an AnchorCheckpoint (signature not checked). */
export function isCheckpointShape(value: unknown): value is AnchorCheckpoint {
  const v = value as Partial<AnchorCheckpoint> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.seq) &&
    (v.seq ?? 0) >= 1 &&
    typeof v.mac === 'string' &&
    HEX32.test(v.mac) &&
    typeof v.at === 'string' &&
    v.at.length <= 64 &&
    typeof v.signer === 'string' &&
    HEX32.test(v.signer) &&
    typeof v.signature === 'string' &&
    /^[0-9a-f]{128}$/.test(v.signature) &&
    (v.restoredBackupSha256 === undefined ||
      (typeof v.restoredBackupSha256 === 'string' && HEX32.test(v.restoredBackupSha256))) &&
    Array.isArray(v.staffKeys) &&
    v.staffKeys.every((k) => typeof k === 'string' && HEX32.test(k))
  );
}

/**
 * Why a checkpoint cannot be trusted (undefined: it can): its signature does not verify, or its
 * signer is not a certified admin of this file.
 */
export function checkpointSignatureProblem(
  vaultIdHex: string,
  checkpoint: AnchorCheckpoint,
  lookup: SignerLookup,
): string | undefined {
  try {
    verifyDetached(
      Buffer.from(checkpoint.signature, 'hex'),
      checkpointMessage(vaultIdHex, checkpoint),
      Buffer.from(checkpoint.signer, 'hex'),
    );
  } catch (error) {
    if (error instanceof CryptoError)
      return "its admin checkpoint's signature does not verify (edited or forged)";
    throw error;
  }
  const owner = lookup(checkpoint.signer);
  if ('problem' in owner)
    return 'its admin checkpoint is signed by a key the centre has not certified';
  return owner.role === 'admin' ? undefined : 'its admin checkpoint is not signed by an admin';
}

/** What a trustworthy checkpoint says about the file (undefined: consistent). */
export type CheckpointFinding =
  | { status: 'rolled-back'; missing: number; anchorSeq: number }
  | { status: 'checkpoint-rewritten'; checkpointSeq: number }
  | { status: 'signer-removed'; signer: string; checkpointSeq: number };

/**
 * Compares a verified checkpoint with the file: the checkpointed entry must still be there with
 * the same MAC (else the log was cut, or re-written before it), and the anchor's own signer must
 * be the checkpoint's admin or on its staff list (else a key withdrawn before the checkpoint
 * signed the anchor: a removed user's own rollback, R7-11).
 */
export function checkpointFinding(
  checkpoint: AnchorCheckpoint,
  headSeq: number,
  macAt: (seq: number) => string | undefined,
  anchorSigner: string | undefined,
): CheckpointFinding | undefined {
  if (headSeq < checkpoint.seq)
    return { status: 'rolled-back', missing: checkpoint.seq - headSeq, anchorSeq: checkpoint.seq };
  if (macAt(checkpoint.seq) !== checkpoint.mac)
    return { status: 'checkpoint-rewritten', checkpointSeq: checkpoint.seq };
  if (
    anchorSigner !== undefined &&
    anchorSigner !== checkpoint.signer &&
    !checkpoint.staffKeys.includes(anchorSigner)
  )
    return { status: 'signer-removed', signer: anchorSigner, checkpointSeq: checkpoint.seq };
  return undefined;
}
