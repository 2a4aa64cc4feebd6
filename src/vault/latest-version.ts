// Whether a record read by id is the version Hearth last wrote, where the file can tell without a
// walk of the audit log (sec59; red team 24 R24-1). Every write points the record's row at its own
// audit entry (the sealed pointer in the row, migration 0008), and that entry commits to the
// version's ciphertext hash. An older copy of the record's payload put back over the row (an
// older nonce, ciphertext and seq) leaves the newest pointer in place: its entry then commits to
// another hash, which is the "not the latest" vault check names (RECORD_NOT_LATEST). Where it
// cannot tell: the whole older row put back, pointer included (the pointer's associated data
// binds the record id, not the version), names the older entry, which commits to the older copy;
// only vault check's walk, which sees the newer entry, names that.
import { HearthError } from './errors';
import { MALFORMED_HASH } from './records';
import type { Vault } from './vault';

/** The migration task that builds every record's pointer (migrations/0005; api/state.ts). */
export const AUDIT_INDEX_TASK = 'audit-index';

/**
 * Refuses (TAMPERED, reason RECORD_NOT_LATEST) `recordId` when its audit pointer's entry verifies
 * (chains, certified signature) but commits to another version than the row holds. `label`: how
 * the message names the record ("Case record"). Nothing when the pointer or its entry is missing
 * or damaged (no pointer yet in a vault before migration 0005's task; a damaged entry is vault
 * check's to name, RecordEntry `entryDamaged`). Cost: three primary-key reads, one MAC, one
 * Ed25519 verification; for single-record reads (a case opened or changed), not listings.
 */
export function assertRecordLatest(vault: Vault, recordId: string, label: string): void {
  const hash = vault.records.hashOf(recordId);
  if (hash === undefined || hash === MALFORMED_HASH) return;
  // Red team 26, R26-2: an older copy put back with its pointer columns set to NULL passed as
  // "no pointer yet", and one ordinary edit then wrote over the newer version for good. Every
  // write sets the pointer, and a vault whose pointers are not built yet has the migration task
  // pending: outside that, a record without one is unproven, not legacy.
  if (!vault.audit.hasPointer(recordId) && !vault.pendingTask(AUDIT_INDEX_TASK))
    throw new HearthError(
      'TAMPERED',
      `${label} ${recordId} has lost the sealed pointer to the audit entry that wrote it (its pointer columns were cleared outside Hearth), so Hearth cannot tell it is the version last written: an older copy may have been put back. It is not shown and nothing is written over it. An admin runs a vault check (hearth vault check; it names RECORD_NOT_LATEST), then restores the newest backup (hearth vault restore).`,
      { reason: 'RECORD_NOT_LATEST' },
    );
  const found = vault.audit.entryForRecord(recordId, hash, vault.signerLookup());
  if (found.ok || found.entryDamaged || found.auditSeq === undefined) return;
  throw new HearthError(
    'TAMPERED',
    `${label} ${recordId} is not the version Hearth last wrote (audit entry ${found.auditSeq} wrote another): an older copy was put back outside Hearth. It is not shown and nothing is written over it. An admin runs a vault check (hearth vault check; it names RECORD_NOT_LATEST), then restores the newest backup (hearth vault restore).`,
    { reason: 'RECORD_NOT_LATEST' },
  );
}
