// Certificate history in `vault check` (red team round 3, M2). An admin holds the centre key and
// can certify a fresh key for any user name with any issuedAt: the centre's signature cannot
// tell. What the vault can tell, from the audit log: (1) two certificates for one user name
// valid at the same time (Hearth withdraws a user's key before another is certified for them,
// so this never happens in its own flows); (2) a certificate whose issuedAt is earlier than the
// audit entry that first wrote its record (backdated: it claims to predate the moment the
// centre actually signed it), or later than the entry that wrote it (future-dated).
import type { AuditRecordRef } from './audit';
import type { CertificateRecord } from './certificates';

/** Allowed distance (ms) between a certificate's issuedAt and its entry's time: same call. */
const SAME_WRITE_MS = 60_000;

const PREFIX = 'certificate:';

export interface CertificateHistoryProblem {
  id: string;
  detail: string;
}

/**
 * Collects, during the audit walk, when each certificate record version was written (entry time,
 * readable by audit-key holders only), then compares with the certificates in the vault.
 */
export class CertificateHistory {
  private readonly written = new Map<string, Array<{ version: number; at: string; seq: number }>>();

  visit(seq: number, refs: AuditRecordRef[] | undefined, at: string | undefined): void {
    if (at === undefined) return;
    for (const ref of refs ?? [])
      if (ref.id.startsWith(PREFIX) && ref.hash !== '') {
        const list = this.written.get(ref.id) ?? [];
        list.push({ version: ref.seq, at, seq });
        this.written.set(ref.id, list);
      }
  }

  /** Problems of the certificates `records` (every certificate record of the vault). */
  problems(records: CertificateRecord[]): CertificateHistoryProblem[] {
    const out: CertificateHistoryProblem[] = [];
    for (const r of records) {
      const s = r.certificate.statement;
      const id = `${PREFIX}${s.publicKey}`;
      const versions = this.written.get(id);
      const first = versions?.find((v) => v.version === 1);
      if (!first) continue; // written before the entries were readable, or the record pass names it
      const issued = Date.parse(s.issuedAt);
      const writtenAt = Date.parse(first.at);
      const latest = Math.max(...(versions ?? []).map((v) => Date.parse(v.at)));
      if (issued < writtenAt - SAME_WRITE_MS)
        out.push({
          id: `user:${s.username}`,
          detail: `CERT_BACKDATED: the certificate of ${s.username}'s staff key ${s.publicKey.slice(0, 16)}… says it was issued at ${s.issuedAt}, but the centre first wrote it at ${first.at} (audit entry ${first.seq}): backdated by the admin who issued it (${s.issuedBy}). Seals and exports by this key may claim a time it did not exist. Withdraw the certificate and report it.`,
        });
      else if (issued > latest + SAME_WRITE_MS)
        out.push({
          id: `user:${s.username}`,
          detail: `CERT_FUTURE_DATED: the certificate of ${s.username}'s staff key says it was issued at ${s.issuedAt}, after the last audit entry that wrote it (${new Date(latest).toISOString()}). Withdraw the certificate and report it.`,
        });
    }
    out.push(...overlapping(records));
    return out;
  }
}

/**
 * Pairs of certificates for one user name whose validity overlaps: from issuedAt to withdrawnAt
 * (or open). Hearth's own flows never certify a second key for a user while the first is valid.
 */
function overlapping(records: CertificateRecord[]): CertificateHistoryProblem[] {
  const byUser = new Map<string, CertificateRecord[]>();
  for (const r of records) {
    const list = byUser.get(r.certificate.statement.username) ?? [];
    list.push(r);
    byUser.set(r.certificate.statement.username, list);
  }
  const out: CertificateHistoryProblem[] = [];
  const span = (r: CertificateRecord) => ({
    from: Date.parse(r.certificate.statement.issuedAt),
    to: r.withdrawal ? Date.parse(r.withdrawal.statement.withdrawnAt) : Number.POSITIVE_INFINITY,
  });
  for (const [username, list] of byUser)
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = span(list[i]!);
        const b = span(list[j]!);
        if (a.from < b.to && b.from < a.to) {
          const [ka, kb] = [list[i]!, list[j]!].map((r) =>
            r.certificate.statement.publicKey.slice(0, 16),
          );
          out.push({
            id: `user:${username}`,
            detail: `CERT_OVERLAP: two staff keys are certified for ${username} at the same time (${ka}… and ${kb}…): either could have sealed or exported in their name. Hearth withdraws a key before certifying another; an admin certified the second one by hand. Withdraw the one that is not theirs and report it.`,
          });
        }
      }
  return out;
}
