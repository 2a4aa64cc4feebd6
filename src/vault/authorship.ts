// Authorship of a group of records (a session's events): each record must be the version the
// audit log says was written, and the audit entry that wrote it must carry a valid signature by
// a certified staff key. This is what makes an unsealed interview's notes as tamper-evident as
// the audit log: a colleague who re-encrypts a note offline has to change the author's signed
// audit entry too, and cannot re-sign it.
import type { AuditLog } from './audit';
import type { Vault } from './vault';

export type AuditVerification = ReturnType<AuditLog['verify']>;

/** Walks the audit log once with author signatures checked (for several `recordsProblem` calls). */
export function verifyAuditAuthors(vault: Vault): AuditVerification {
  return vault.audit.verify(vault.signerLookup());
}

/**
 * The first problem with the records under `idPrefix` + ':' (ids '<prefix>:<seq padded>'), or
 * undefined: `{ recordSeq, reason }`, recordSeq being the record's own sequence (the event
 * number for session events). Reasons: not in the audit log, not the version written, or
 * written by an audit entry whose author signature fails.
 */
export function recordsAuthorshipProblem(
  vault: Vault,
  audit: AuditVerification,
  idPrefix: string,
): { recordSeq: number; reason: string } | undefined {
  const badEntries = new Map(audit.problems.map((p) => [p.seq, p.detail]));
  const written = new Map<string, { hash: string; auditSeq: number }>();
  for (const entry of audit.written)
    for (const ref of entry.records)
      if (ref.id.startsWith(`${idPrefix}:`))
        written.set(ref.id, { hash: ref.hash, auditSeq: entry.seq });
  for (const [id, row] of vault.records.hashesByIdPrefix(idPrefix)) {
    const audited = written.get(id);
    const recordSeq = Number(id.slice(id.lastIndexOf(':') + 1));
    if (!audited)
      return { recordSeq, reason: 'is not in the audit log: it was written outside Hearth' };
    if (audited.hash !== row.hash)
      return {
        recordSeq,
        reason: `is not the version its author wrote (audit entry ${audited.auditSeq}): rewritten outside Hearth`,
      };
    const bad = badEntries.get(audited.auditSeq);
    if (bad)
      return {
        recordSeq,
        reason: `was written by audit entry ${audited.auditSeq}, which fails: ${bad}`,
      };
    const signer = audit.authorship.signers.get(audited.auditSeq);
    if (signer === undefined && audited.auditSeq >= audit.authorship.signedFrom)
      return {
        recordSeq,
        reason: `was written by audit entry ${audited.auditSeq}, which has no certified author`,
      };
  }
  return undefined;
}
