// An allegation key version made when a case was made allegation-blind before sec28, vouched for
// by the signed audit entry that wrote the allegation under it (issue #15, the sec33 data-loss
// path). Before sec28 making a case blind made version 2+ without custody (it did not hold the
// version before it); since sec30 the migration leaves such a version uncertified (R15-1), so
// the allegation of every case made blind before sec28 was readable by no one after the upgrade.
// Such a version is accepted only on evidence the file's holder cannot make without an admin's
// signature: the allegation record sealed under it is the one a signed, chained audit entry wrote;
// that entry's author is a certified admin (only admins hold the staff key, so only they have
// ever made a case blind: cases.ts allegationHolders, unchanged since roles had keys); the same
// entry wrote the case record, which says allegation-blind; and the version is wrapped for the
// staff key by a wrap that authenticates, as Hearth wraps a blind case's allegation key. An
// interviewer's own version (R14-1, R15-1) or an outsider's (R15-3) has no such entry.
// (sec28/sec29 builds certified an admin's versions with the centre key, accepted as they are;
// an interviewer could not make a case blind in them either, so no clear-signed later version of
// an interviewer's exists to rescue.)
import type { Database } from 'better-sqlite3';
import type { AuditLog } from './audit';
import { certifiedSignerLookup } from './certificates';
import { statement } from './db';
import { tryParseKeyId, type KeyId, type KeyStore } from './key-store';
import type { RecordStore } from './records';

/** The signed entry that vouches for a blind version: its number and its admin author's staff key. */
export interface BlindVersionEntry {
  seq: number;
  signerKey: string;
}

/**
 * The signed audit entry that wrote `id` (allegation version 2+) when its case was made blind,
 * or undefined when the evidence above does not hold. Cost: two primary-key reads, one index
 * pointer, one entry check (as `AuditLog.claimAt`), one case record opened.
 */
export function blindVersionEntry(
  db: Database,
  audit: AuditLog,
  records: RecordStore,
  keys: KeyStore,
  id: KeyId,
): BlindVersionEntry | undefined {
  const parsed = tryParseKeyId(id);
  if (!parsed || !parsed.logical.startsWith('allegation:') || parsed.version < 2) return undefined;
  const caseId = parsed.logical.slice('allegation:'.length);
  const allegationId = parsed.logical;
  // The allegation record is sealed under this very version.
  const row = statement(db, 'SELECT key_ref, seq FROM records WHERE record_id = ?').get(
    allegationId,
  ) as { key_ref: string; seq: number } | undefined;
  if (!row || row.key_ref !== id) return undefined;
  // Wrapped as Hearth wraps a blind case's allegation key (cases.ts allegationHolders), by a wrap
  // that opens (a junk row naming the staff key is no wrap).
  const forStaff = keys
    .holdersOf(id)
    .some((h) => h.startsWith('class:staff@') && keys.wrappedUnder(id, h) === true);
  if (!forStaff) return undefined;
  const seq = audit.indexedEntry(allegationId);
  if (seq === undefined) return undefined;
  const claim = audit.claimAt(seq, certifiedSignerLookup(records));
  if (claim?.role !== 'admin') return undefined;
  const hash = records.hashOf(allegationId);
  if (!claim.refs.some((r) => r.id === allegationId && r.seq === row.seq && r.hash === hash))
    return undefined;
  const caseRef = claim.refs.find((r) => r.id === caseId && r.hash !== '');
  if (!caseRef) return undefined;
  if (records.seqOf(caseId) === caseRef.seq && records.hashOf(caseId) !== caseRef.hash)
    return undefined;
  // The case says blind now. The version that entry wrote may since be superseded by an edit
  // that kept it blind (an alias, a note): its hash is in the entry, its text no longer in the file.
  let blind: unknown;
  try {
    blind = records.get<{ allegationBlind?: unknown }>(caseId)?.value.allegationBlind;
  } catch {
    return undefined;
  }
  if (blind !== true) return undefined;
  return { seq, signerKey: claim.signerKey };
}
