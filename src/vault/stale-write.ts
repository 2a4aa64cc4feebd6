// The read guard against writes made with kept old keys (red team round 13, R13-1; residual
// closed in sec27). A removed user's old copy of the file holds the old versions of every key
// she could reach (rotation wraps them under the new ones, so they still open) and the old audit
// chain key; with them she wrote a new version of a case record, appended its entry and every
// reader saw it. `vault check` names such writes (check-removed-writer.ts). Before sec27 only
// `cases.get` refused them on read; now every record read does (sessions, events, notes,
// summaries, practice and staff records alike), through RecordStore's read guard, and the
// refusal names the entry, its certified signer and, when the signer's certificate was
// withdrawn before it, where (so `sessions.verify` can name SIGNER_WITHDRAWN per event).
import type { AuditLog } from './audit';
import { certifiedSignerLookup, type CertificateRecord } from './certificates';
import { HearthError } from './errors';
import type { KeyStore } from './key-store';
import type { ReadGuard, RecordStore } from './records';

/** The refusal's reason code (TAMPERED details.reason), shared with vault check's finding. */
export const STALE_KEY_VERSION = 'STALE_KEY_VERSION';

/** Who wrote a refused record, as far as the log proves it (usernames and entry numbers only). */
export interface StaleWrite {
  /** The audit entry that wrote the record's current version. */
  entry: number;
  /** Its certified signer, when the entry's MAC and signature verify. */
  signer?: string;
  /** The entry that wrote the withdrawal of the signer's certificate, when it came before. */
  withdrawnAt?: number;
}

/**
 * The words of a refusal (and of a session verdict's reason): what was found, never content,
 * with the codes `vault check` uses for the same findings and the next step.
 */
export function staleWriteReason(write: StaleWrite): string {
  const by = write.signer ? `, signed by ${write.signer}` : '';
  const withdrawn =
    write.withdrawnAt !== undefined
      ? `, whose certificate was withdrawn earlier, in audit entry ${write.withdrawnAt} (SIGNER_WITHDRAWN)`
      : '';
  return `was written in audit entry ${write.entry}${by}${withdrawn}, after a user removal, with a key version the removal replaced (STALE_KEY_VERSION): a removed user's old copy of the vault file can do this, Hearth cannot. It is not shown. Run a vault check (it names the entry and its signer) and tell an administrator, who can restore the newest backup.`;
}

/** Describes the write of a refused record (cost only on refusal: one MAC, one signature). */
function describe(records: RecordStore, audit: AuditLog, entry: number): StaleWrite {
  const out: StaleWrite = { entry };
  const signed = audit.signerAt(entry, certifiedSignerLookup(records));
  const key = audit.signerKeyAt(entry);
  if (!signed?.signer || !key) return out;
  out.signer = signed.signer;
  try {
    const cert = records.get<CertificateRecord>(`certificate:${key}`);
    const at = cert?.value.withdrawal ? audit.indexedEntry(cert.address.recordId) : undefined;
    if (at !== undefined && at < entry) out.withdrawnAt = at;
  } catch (error) {
    if (!(error instanceof HearthError)) throw error; // vault check names an unreadable one
  }
  return out;
}

/**
 * A guard refusing a record sealed under a key version that is no longer current *and* written
 * by an audit entry chained with an older chain key than an earlier entry used: Hearth writes
 * only under current versions and opens every epoch under the current chain key, so both
 * together mean a kept old key (a removal rotated everything the removed user could reach).
 * Records written before a rotation pass (their entry precedes the newer chain key). Costs
 * nothing for a record under its current key version; otherwise one index pointer and one
 * lookup (AuditLog.writtenUnderStaleChain). TAMPERED, reason STALE_KEY_VERSION, details `entry`,
 * `signer`, `withdrawnAt` where known.
 */
export function staleWriteGuard(keys: KeyStore, audit: AuditLog, records: RecordStore): ReadGuard {
  return (recordId, keyRef) => {
    const at = keyRef.lastIndexOf('@');
    if (at < 0 || keys.currentId(keyRef.slice(0, at)) === keyRef) return;
    if (!audit.writtenUnderStaleChain(recordId)) return;
    const entry = audit.indexedEntry(recordId);
    const write = entry === undefined ? undefined : describe(records, audit, entry);
    throw new HearthError(
      'TAMPERED',
      write
        ? `Record ${recordId} ${staleWriteReason(write)}`
        : `Record ${recordId} was written after a user removal with a key version the removal replaced (STALE_KEY_VERSION). It is not shown. Run a vault check and tell an administrator.`,
      { reason: STALE_KEY_VERSION, ...(write ?? {}) },
    );
  };
}
