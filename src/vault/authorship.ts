// Authorship of a group of records (a session's events), checked per record without walking the
// audit log: each record's current version must be committed to by the audit entry the audit
// index names for it (migrations/0005), that entry must chain to the one before it and carry a
// valid signature by a certified staff key, and the certified owner must be the author the
// record itself names. This is what makes an unsealed interview's notes as tamper-evident as the
// audit log: a colleague who re-encrypts a note offline has to change the author's signed audit
// entry too, and cannot re-sign it; pointing the index at an entry of their own names the wrong
// author, or (for any but the newest event) an entry written after the events that follow it.
// Whole-log properties (gaps, deletions, every entry's chain MAC) are `vault check`'s.
import type { SignerLookup } from './audit';
import type { Vault } from './vault';

/**
 * The first record whose authorship fails: its seq, the reason, and (when the entry itself
 * failed rather than the record: RecordEntry `entryDamaged`) the audit entry, if known.
 */
export interface AuthorshipProblem {
  recordSeq: number;
  reason: string;
  auditSeq?: number;
  entryDamaged?: true;
}

/**
 * The first problem with the records under `idPrefix` + ':' (ids '<prefix>:<seq padded>', in
 * sequence order), or undefined: `{ recordSeq, reason }`, recordSeq being the record's own
 * sequence (the event number for session events). `authorOf(recordSeq)`: the user name the
 * record says wrote it (an event's `by`), or undefined when unknown. Reasons: no or a bad audit
 * index entry, an entry that is missing, does not chain, is unsigned, signed by an uncertified
 * key or does not commit to the current version; a signer other than the stated author; an
 * entry older than the previous record's (written out of order: rewritten later). Cost: a few
 * primary-key reads and one Ed25519 verification per record, independent of the vault's size.
 * `otherSigner(recordSeq, signer)`, when given, is asked about a record whose certified signer
 * is not its stated author: returning true accepts it (the caller names the signer as the
 * writer; red team round 9, R9-7), false reports it as a problem as without the callback.
 */
export function recordsAuthorshipProblem(
  vault: Vault,
  idPrefix: string,
  authorOf: (recordSeq: number) => string | undefined,
  lookup: SignerLookup = vault.signerLookup(),
  otherSigner?: (recordSeq: number, signer: string) => boolean,
): AuthorshipProblem | undefined {
  let previous: { recordSeq: number; auditSeq: number; mismatch?: string } = {
    recordSeq: 0,
    auditSeq: 0,
  };
  // Where signed audit starts, read once (it opens the centre key's commitment record).
  const authorship = vault.audit.newAuthorship();
  for (const [id, row] of vault.records.hashesByIdPrefix(idPrefix)) {
    const recordSeq = Number(id.slice(id.lastIndexOf(':') + 1));
    const found = vault.audit.entryForRecord(id, row.hash, lookup, authorship);
    if (!found.ok)
      return {
        recordSeq,
        reason: found.problem,
        ...(found.auditSeq !== undefined ? { auditSeq: found.auditSeq } : {}),
        ...(found.entryDamaged ? { entryDamaged: true as const } : {}),
      };
    const author = authorOf(recordSeq);
    const mismatch =
      found.signer !== undefined && found.signer !== author
        ? `says it was written by ${author ?? 'nobody'}, but its audit entry ${found.auditSeq} is signed by ${found.signer}: rewritten outside Hearth`
        : undefined;
    if (mismatch !== undefined && !otherSigner?.(recordSeq, found.signer!))
      return { recordSeq, reason: mismatch };
    // Records are appended in order; one rewritten later sits in an entry after its successors'.
    // An accepted other signer on such a record was a rewrite, not an append: named as such.
    if (found.auditSeq < previous.auditSeq)
      return {
        recordSeq: previous.recordSeq,
        reason:
          previous.mismatch ??
          `was written by audit entry ${previous.auditSeq}, after the entry of the record that follows it (${found.auditSeq}): rewritten outside Hearth`,
      };
    previous = { recordSeq, auditSeq: found.auditSeq, ...(mismatch ? { mismatch } : {}) };
  }
  return undefined;
}

/**
 * The certified signer of the audit entry that wrote each of the records `idPrefix` + ':' +
 * `recordSeq` named in `recordSeqs` (red team round 10, R10-1/R10-2/R10-16: who a session's
 * interviewer is and whether a seal is hers is decided by who signed, never by a claimed `by`).
 * Returns recordSeq -> username, only for records whose entry the audit index names, that
 * chains, commits to the record's current version and carries a certified signature; a record
 * without one (legacy unsigned audit, or a problem `recordsAuthorshipProblem` reports) is left
 * out, and the caller falls back to what the record says. Cost: per record asked, three
 * primary-key reads and one Ed25519 verification.
 */
export function certifiedSignersOf(
  vault: Vault,
  idPrefix: string,
  recordSeqs: ReadonlySet<number>,
  lookup: SignerLookup = vault.signerLookup(),
): Map<number, string> {
  const signers = new Map<number, string>();
  if (recordSeqs.size === 0) return signers;
  const authorship = vault.audit.newAuthorship();
  const seqOf = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));
  // Only the records asked about are read and hashed (the rest of the prefix: ids only).
  for (const [id, row] of vault.records.hashesByIdPrefix(idPrefix, (id) =>
    recordSeqs.has(seqOf(id)),
  )) {
    const recordSeq = seqOf(id);
    const found = vault.audit.entryForRecord(id, row.hash, lookup, authorship);
    if (found.ok && found.signer !== undefined) signers.set(recordSeq, found.signer);
  }
  return signers;
}
