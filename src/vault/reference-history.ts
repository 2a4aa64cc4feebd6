// Which case a case reference was last given to, as the signed audit log says (sec59; red team
// 25's residual after sec57). A case's reference is free when no case row holds its blind index
// (cases.ts assertReferenceFree). Deleting a case row together with its case-order rows, no key
// needed, removed that blind index, and the reference could be given to a new case: two children
// under one reference across the centre's files. Now every write that gives a case a reference
// (cases.create, and an edit that changes it) also points `caseref:<tag>` in the audit index at
// its own audit entry (AuditLog.pointAt, as key certificates do): tag = the keyed blind index of
// the reference under another purpose, so the file alone does not link a pointer to a case row.
// On a reference that looks free, the pointer's entry is read (chained, signed, certified): if
// the case it wrote is no longer in the file, or the entry does not verify, the reference is not
// given out again (CONFLICT, reason REFERENCE_OF_DELETED_CASE) and the refusal says what to do.
// Cost: on creation, one pointer read; one entry check when a pointer exists (a reference
// used before). Residuals (docs/ARCHITECTURE.md): the pointer row itself can be deleted without
// a key (then only vault check names the deleted case); pointers are keyed by the current case
// key, so those written before a rotation of class:case are not found after it; cases created
// before sec59 have no pointer.
import { certifiedSignerLookup } from './certificates';
import { toHex } from './encoding';
import { HearthError } from './errors';
import type { Vault } from './vault';

const POINTER_PREFIX = 'caseref:';
const TAG_PURPOSE = 'case-reference-given';

/** The audit index id that names the entry which last gave a case `normalized` (a reference). */
function pointerId(vault: Vault, normalized: string): string {
  return POINTER_PREFIX + referenceTag(vault, normalized);
}

/** The reference's tag (hex, keyed BLAKE2b under TAG_PURPOSE: the file alone does not name it). */
function referenceTag(vault: Vault, normalized: string): string {
  return toHex(vault.blindIndex(TAG_PURPOSE, normalized));
}

/**
 * The reference's tag as sealed in the detail of the audit entry that gives a case the
 * reference (`refTag`, sec61, R26-5): the first 16 bytes of the same keyed tag, base64url (22
 * characters, to keep the entry's body under the audit pad floor: R13-6). No keyless edit can
 * remove it from the log, so vault check names a reference given again while the case it was
 * given to is gone from the file (check-reference-reuse.ts), even with the pointer row deleted.
 */
export function referenceEntryTag(vault: Vault, normalized: string): string {
  return Buffer.from(vault.blindIndex(TAG_PURPOSE, normalized).subarray(0, 16)).toString(
    'base64url',
  );
}

/**
 * Points the reference's history at the newest audit entry: call inside the transaction, right
 * after the `vault.write` that gave a case the reference (`normalized`: normalizeReference).
 */
export function recordReferenceGiven(vault: Vault, normalized: string): void {
  const head = vault.audit.head();
  if (head) vault.audit.pointAt(pointerId(vault, normalized), head.seq);
}

/**
 * Refuses (CONFLICT, reason REFERENCE_OF_DELETED_CASE) a reference that looks free when the
 * audit log says it was given to a case that is no longer in the vault file, or when the entry
 * that gave it does not verify. Names the case id or entry number only (never the reference).
 * Nothing when the reference has no history, or the case it was given to is still there (it was
 * renamed since: the reference was freed by Hearth).
 */
export function assertReferenceNotOfDeletedCase(vault: Vault, normalized: string): void {
  const seq = vault.audit.indexedEntry(pointerId(vault, normalized));
  if (seq === undefined) return;
  const claim = vault.audit.claimAt(seq, certifiedSignerLookup(vault.records));
  const given = claim?.refs.find(
    (r) => r.id.startsWith('case_') && !r.id.includes(':') && r.hash !== '',
  );
  if (claim && given && vault.records.has(given.id)) return;
  throw new HearthError(
    'CONFLICT',
    claim && given
      ? `This case reference was given to case ${given.id} (audit entry ${seq}), which is no longer in the vault file: it was deleted outside Hearth. The reference is not given to a new case. An admin runs a vault check (hearth vault check), then restores the newest backup (hearth vault restore); the case comes back with it.`
      : `This case reference was given to a case in audit entry ${seq}, which cannot be verified (changed outside Hearth), so Hearth cannot tell the reference is free. An admin runs a vault check (hearth vault check), then restores the newest backup (hearth vault restore).`,
    { reason: 'REFERENCE_OF_DELETED_CASE' },
  );
}
