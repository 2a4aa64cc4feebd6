// A session's anchor: the event count and chain head its summary record seals, rewritten in the
// transaction of every event (session-records.ts summaryAddress). Red team 26, R26-7: the last
// event of a running interview deleted with plain SQLite (with or without its audit entry) was
// written again at the next write (the next note, or the interruption marker of the next
// sign-in took its place), the deletion was never named, and vault check blamed the interviewer
// (EVENT_REWRITTEN). The summary still counts the deleted event, and a keyless attacker cannot
// lower that count (the summary is sealed under the session's class key, and an older summary
// row put back is RECORD_NOT_LATEST). So before the first write of a process into a session,
// its anchor is compared with the events the vault holds: events missing at the end refuse the
// write with TAMPERED EVENT_MISSING, and nothing is written. `vault check` names the same events
// RECORD_MISSING (session-verify.ts rewrittenRecords: `missingEvents`).
import { AUDIT_SESSION_INDEX_TASK, HearthError, type Vault } from '../vault';
import type { SessionMeta } from './events';
import { eventRecordId, SUMMARY_KIND, summaryAddress } from './session-records';
import type { StoredSummary } from './session-summary';

/** The migration task (0003) that builds the summaries of sessions made before summaries. */
export const SUMMARY_TASK = 'session-summaries';

/**
 * The per-session verify anchor: the event count and chain head sealed in the session's summary.
 * Undefined when the session has none, it fails authentication, or it is not where the
 * session's own summary lives: in the session's container under the key of its own data class
 * (red team round 12, R12-2: a trainer wrote a case session's summary under the practice key
 * with a made-up head). Reads one record (one AEAD opening); never throws a HearthError.
 */
export function storedAnchor(
  vault: Vault,
  meta: SessionMeta,
): { eventCount: number; head: string } | undefined {
  const { sessionId } = meta;
  try {
    const found = vault.records.get<StoredSummary>(`summary:${sessionId}`);
    if (!found || found.address.kind !== SUMMARY_KIND || found.value.sessionId !== sessionId)
      return undefined;
    const own = summaryAddress(meta, found.address.seq);
    if (
      found.address.containerId !== own.containerId ||
      logicalKey(found.address.keyRef) !== own.keyRef
    )
      return undefined;
    if (!Number.isSafeInteger(found.value.eventCount) || found.value.eventCount < 0)
      return undefined;
    return { eventCount: found.value.eventCount, head: found.value.head };
  } catch (error) {
    if (error instanceof HearthError) return undefined;
    throw error;
  }
}

/** A stored key reference without its version ('class:case@2' -> 'class:case'). */
function logicalKey(keyRef: string): string {
  const at = keyRef.lastIndexOf('@');
  return at < 0 ? keyRef : keyRef.slice(0, at);
}

/**
 * The positions after `present` (the highest event the vault holds in order) up to the anchor's
 * `eventCount` whose rows are gone, ascending; empty when the anchor counts no more events than
 * the vault holds. Cost: one primary-key lookup per counted position (nothing decrypted).
 * A row that stands beyond a gap is not missing (the record pass judges it).
 */
export function missingTailEvents(
  vault: Vault,
  sessionId: string,
  eventCount: number,
  present: number,
): number[] {
  const missing: number[] = [];
  for (let seq = present + 1; seq <= eventCount; seq++)
    if (vault.records.seqOf(eventRecordId(sessionId, seq)) === undefined) missing.push(seq);
  return missing;
}

/** The words of EVENT_MISSING: what is missing, that nothing was written, the way out. */
export function eventMissingMessage(missing: readonly number[], eventCount: number): string {
  const which =
    missing.length === 1
      ? `event ${missing[0]!}`
      : `events ${missing[0]!} to ${missing[missing.length - 1]!}`;
  return `EVENT_MISSING: this interview's record counts ${eventCount} events, but ${which} ${missing.length === 1 ? 'is' : 'are'} gone from the vault file (deleted outside Hearth). Nothing was written, so the deletion is not covered over. Ask an administrator to run a vault check (hearth vault check; it names the missing event) and to restore the newest backup (hearth vault restore).`;
}

/**
 * Refuses (TAMPERED, reason EVENT_MISSING; or SUMMARY_MISSING when the session's summary itself
 * is gone although every summary was built) the first write into a session whose anchor counts
 * events the vault no longer holds. `lastSeq`: the highest event read in order. Called by
 * SessionContext.prepareWrite before anything is written (no interruption marker either).
 * Cost: one summary read (one AEAD opening) and one lookup per counted event beyond `lastSeq`.
 */
export function assertNoEventMissing(
  vault: Vault,
  meta: SessionMeta,
  lastSeq: number,
  summarySeq: number,
): void {
  if (summarySeq === 0) {
    // A session without a summary is one made before summaries, built at a reader's sign-in
    // while the migration task is pending; once it is done, or when the audit log wrote one,
    // a missing summary was deleted, and writing one now would cover that over.
    if (!vault.pendingTask(SUMMARY_TASK) || summaryEverWritten(vault, meta.sessionId))
      throw new HearthError(
        'TAMPERED',
        "SUMMARY_MISSING: this interview's summary record (its event count and chain head) is gone from the vault file (deleted outside Hearth), so Hearth cannot tell whether events are missing. Nothing was written. Ask an administrator to run a vault check (hearth vault check) and to restore the newest backup (hearth vault restore).",
        { reason: 'SUMMARY_MISSING' },
      );
    return;
  }
  const anchor = storedAnchor(vault, meta);
  if (!anchor || anchor.eventCount <= lastSeq) return;
  const missing = missingTailEvents(vault, meta.sessionId, anchor.eventCount, lastSeq);
  if (missing.length === 0) return;
  throw new HearthError('TAMPERED', eventMissingMessage(missing, anchor.eventCount), {
    reason: 'EVENT_MISSING',
  });
}

/**
 * Whether an audit entry ever wrote `summary:<session>` (so a summary that is gone was deleted,
 * not never built): through the per-session audit index (migrations/0009) when it is built,
 * else one walk of the log (cost: the index's entries for this session, or the whole log). For the summary migration and the write path, only for a session
 * that has no summary row (a vault from before summaries, or a deletion): never on the usual
 * path. An entry that fails authentication is skipped (`vault check` names it).
 */
export function summaryEverWritten(vault: Vault, sessionId: string): boolean {
  const id = `summary:${sessionId}`;
  let written = false;
  const visit = (_seq: number, refs: ReadonlyArray<{ id: string }> | undefined) => {
    if (!written && refs?.some((r) => r.id === id)) written = true;
  };
  // The index is built in the sign-in's migrations before the summaries are (api/state.ts), so
  // the walk is for a sign-in whose index build failed; an index row deleted outside Hearth
  // hides the write here, and the rebuilt summary is then RECORD_VERSION_REWRITTEN in the check.
  if (vault.pendingTask(AUDIT_SESSION_INDEX_TASK)) vault.audit.walk(visit);
  else vault.audit.sessionEntries(sessionId, 1, visit);
  return written;
}
