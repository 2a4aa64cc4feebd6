// What comes next in an extended interview, from the sessions of one case: after session k of n
// is sealed, session k+1 is planned until someone starts it. Ids and numbers only, never content.
import type { SessionSummary } from '../live/use-session';

type Placed = Pick<SessionSummary, 'sessionId' | 'status' | 'extended'>;

/**
 * The next session of `session`'s extended interview that is still to be planned: `{ index,
 * planned }` when `session` is sealed, has a place k < n, and none of `caseSessions` already
 * holds place k+1 of the same series; otherwise null (single session, last one, not sealed yet,
 * or the next one already started).
 */
export function nextPlannedSession(
  session: Placed,
  caseSessions: readonly Placed[],
): { index: number; planned: number } | null {
  const place = session.extended;
  if (!place || session.status !== 'sealed' || place.index >= place.planned) return null;
  const index = place.index + 1;
  const started = caseSessions.some(
    (s) => s.extended?.seriesId === place.seriesId && s.extended.index === index,
  );
  return started ? null : { index, planned: place.planned };
}
