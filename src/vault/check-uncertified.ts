// An audit entry after the log's signed-audit start without a certified author (red team 15,
// R15-6): an interviewer signed his removal of a whole case with a random key instead of his own,
// and the check said only "signed by a staff key the centre has not certified", not which entry
// or what it did, while the removal still counted. Such an entry now counts for nothing
// (session-claims.ts, check-author-role.ts, check.ts); this words its finding.
import type { AuditRecordRef } from './audit';
import type { VaultProblem } from './check';

/** How many record ids an uncertified entry's finding lists before "and N more". */
const LISTED_REFS = 12;

/**
 * The finding for an audit entry after the signed-audit start without a certified signer (red
 * team 15, R15-6): its entry number, why its signature does not count (`why`, from the walk),
 * the staff key in its clear signer column, and the records it removes and writes, none of
 * which counts (the record pass names what that leaves unvouched or missing).
 */
export function uncertifiedEntryProblem(
  seq: number,
  why: string,
  entry: { action?: string; refs: AuditRecordRef[] },
  signerKey: string | undefined,
): VaultProblem {
  const list = (refs: AuditRecordRef[]) => {
    const ids = refs.map((r) => r.id);
    const more = ids.length - LISTED_REFS;
    return ids.slice(0, LISTED_REFS).join(', ') + (more > 0 ? ` and ${more} more` : '');
  };
  const removes = entry.refs.filter((r) => r.hash === '');
  const writes = entry.refs.filter((r) => r.hash !== '');
  const parts = [
    ...(removes.length ? [`removes ${list(removes)}`] : []),
    ...(writes.length ? [`writes ${list(writes)}`] : []),
  ];
  const touched = parts.length ? parts.join('; ') : 'names no record';
  const key = signerKey ? `${signerKey.slice(0, 16)}…` : 'none';
  return {
    kind: 'audit',
    id: String(seq),
    code: 'AUDIT_SIGNER_UNCERTIFIED',
    values: {
      entry: seq,
      action: entry.action ?? 'action not readable',
      key,
      removed: removes.length,
      written: writes.length,
    },
    detail: `Audit entry ${seq} (${entry.action ?? 'action not readable'}, staff key ${key}) has no certified author, though it was written after the start of signed audit (${why}). It ${touched}: none of it counts, so each record it alone vouches for is named below as missing or not audited. Restore the newest backup and report it.`,
  };
}
