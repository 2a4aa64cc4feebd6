// Where a session's records live in the vault: its metadata, its events and its summary, each
// with the record id, container, kind and key that seals it. The other session modules address
// records only through these helpers, so the layout is written down once.
import type { RecordAddress } from '../vault';
import type { SessionMeta, SessionMode } from './events';

export const SESSION_KIND = 'session';
export const EVENT_KIND = 'event';
/** One per session, rewritten with every event: what listing and verify read (see summaryAddress). */
export const SUMMARY_KIND = 'session-summary';

/** Practice sessions are training data (practice key); live and imported ones are case data. */
export const sessionClass = (mode: SessionMode): string =>
  mode === 'practice' ? 'class:practice' : 'class:case';

/**
 * The session's summary record: the listing fields plus the verify anchor (event count and chain
 * head after the last event). Sealed under the same data-class key as the session's metadata and
 * stored in the same container (its case, or its mode), rewritten in the transaction of every
 * event so that it is never behind; each version is committed to by that event's audit entry.
 */
export const summaryAddress = (meta: SessionMeta, seq: number): RecordAddress => ({
  recordId: `summary:${meta.sessionId}`,
  containerId: meta.caseId ?? meta.mode,
  kind: SUMMARY_KIND,
  seq,
  keyRef: sessionClass(meta.mode),
});

export const metaAddress = (meta: SessionMeta): RecordAddress => ({
  recordId: meta.sessionId,
  containerId: meta.caseId ?? meta.mode,
  kind: SESSION_KIND,
  seq: meta.version,
  keyRef: sessionClass(meta.mode),
});

/** Event ids sort in sequence order: '<session>:<seq padded to 10 digits>'. */
export function eventRecordId(sessionId: string, seq: number): string {
  return `${sessionId}:${String(seq).padStart(10, '0')}`;
}

export const eventAddress = (sessionId: string, seq: number): RecordAddress => ({
  recordId: eventRecordId(sessionId, seq),
  containerId: sessionId,
  kind: EVENT_KIND,
  seq,
  keyRef: `session:${sessionId}`,
});
