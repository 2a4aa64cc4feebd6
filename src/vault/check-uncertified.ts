// An audit entry after the log's signed-audit start without a certified author (red team 15,
// R15-6): an interviewer signed his removal of a whole case with a random key instead of his own,
// and the check said only "signed by a staff key the centre has not certified", not which entry
// or what it did, while the removal still counted. Such an entry now counts for nothing
// (session-claims.ts, check-author-role.ts, check.ts); this words its finding.
import type { AuditRecordRef } from './audit';
import type { SignInAttribution } from './check-attribution';
import type { VaultProblem } from './check';

/** How many record ids an uncertified entry's finding lists before "and N more". */
const LISTED_REFS = 12;

/**
 * The finding for an audit entry after the signed-audit start without a certified signer (red
 * team 15, R15-6): its entry number, why its signature does not count (`why`, from the walk),
 * the staff key in its clear signer column, and the records it removes and writes, none of
 * which counts (the record pass names what that leaves unvouched or missing). Red team 16
 * (R16-5): it names the sign-in the entry was written in and that sign-in's certified author,
 * and when the clear key is a certified staff key whose owner's signature does not verify, it
 * says the entry claims that owner's key and the owner did not sign it (never "staff key
 * <her prefix>", which read as if she wrote it).
 */
export function uncertifiedEntryProblem(
  seq: number,
  why: string,
  entry: { action?: string; refs: AuditRecordRef[] },
  signerKey: string | undefined,
  /** The certified owner of the clear signer key, if it is a staff key the centre certified. */
  claimedOwner: string | undefined,
  signIn: SignInAttribution,
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
  const action = entry.action ?? 'action not readable';
  const author = signIn.author;
  const code =
    `${claimedOwner ? 'AUDIT_SIGNATURE_NOT_OWNER' : 'AUDIT_SIGNER_UNCERTIFIED'}${author ? '' : '_UNATTRIBUTED'}` as const;
  const who = claimedOwner
    ? `claims ${claimedOwner}'s staff key, but ${claimedOwner} did not sign it (${why})`
    : `staff key ${key}, has no certified author, though it was written after the start of signed audit (${why})`;
  const where = author
    ? `It was written in sign-in ${signIn.epoch}, whose certified author is ${author.username} (audit entry ${author.entry})`
    : signIn.epoch === undefined
      ? "The sign-in it was written in cannot be named (it names none, or its text does not open under that sign-in's key)"
      : `It was written in sign-in ${signIn.epoch}, which has no entry signed by a certified author (made outside Hearth)`;
  return {
    kind: 'audit',
    id: String(seq),
    code,
    values: {
      entry: seq,
      action,
      ...(claimedOwner ? { claimed: claimedOwner } : { key }),
      removed: removes.length,
      written: writes.length,
      epoch: signIn.epoch ?? 0,
      ...(author ? { epochAuthor: author.username, epochEntry: author.entry } : {}),
    },
    detail: `Audit entry ${seq} (${action}) ${who}. ${where}. It ${touched}: none of it counts, so each record it alone vouches for is named below as missing or not audited. Restore the newest backup and report it.`,
  };
}
