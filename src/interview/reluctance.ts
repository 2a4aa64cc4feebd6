// The child's reluctance as the sealed events record it, folded without I/O (issue #18, review
// B3/E2). The revised NICHD protocol tracks reluctance from rapport on and meets it with
// non-suggestive support and, for a child who stays reluctant, a further interview (Hershkowitz,
// Lamb & Katz 2014; Lamb et al. 2018; Hershkowitz et al. 2021: support in session 1 predicted
// cooperation in session 2). So reluctance noted in one session of an extended interview holds into
// the next until the interviewer records that it ended. What is folded here is only what the
// interviewer pressed: "Child reluctant" (`reluctance-noted`), its Undo (`reluctance-withdrawn`)
// and "Reluctance ended" (`reluctance-ended`). Hearth infers nothing from the child's words.

/** The events the fold reads; any other type passes through unchanged. */
export interface ReluctanceEvent {
  type: string;
  /** Milliseconds since that session started. */
  elapsedMs: number;
}

/** Reluctance carried into a session from an earlier session of its extended interview. */
export interface CarriedReluctance {
  /** The session's place in the series (1-based) where the standing "Child reluctant" was pressed. */
  session: number;
  sessionId: string;
  /** When that session started (ISO 8601, UTC): the date the live screen shows. */
  startedAt: string;
  /** When, in that session, the latest standing press was made (ms since it started). */
  notedAtMs: number;
}

/** The reluctance state after a session's events (see foldReluctance). */
export interface ReluctanceState {
  /** Reluctance holds: a press of this session stands, or a carried one not yet ended. */
  active: boolean;
  /**
   * This session's presses that stand (not withdrawn, not ended), oldest first, by session time.
   * A press before a `reluctance-ended` no longer stands, but its Undo can still take it back.
   */
  standingMs: number[];
  /** The carried reluctance while it holds (none noted here since); null otherwise. */
  carried: CarriedReluctance | null;
  /** The session time of the latest `reluctance-ended`, or null. */
  endedAtMs: number | null;
}

/** The state before any event: `carried` from an earlier session, if any. */
export function initialReluctance(carried: CarriedReluctance | null = null): ReluctanceState {
  return { active: carried !== null, standingMs: [], carried, endedAtMs: null };
}

/**
 * One event applied (a new object; `state` is not changed). `reluctance-noted` adds a standing
 * press; `reluctance-withdrawn` takes back the latest press still standing (the live screen's
 * Undo, so a mistaken press is never carried); `reluctance-ended` ends every standing press and
 * the carried reluctance. Other events leave the state as it is.
 */
export function stepReluctance(state: ReluctanceState, event: ReluctanceEvent): ReluctanceState {
  switch (event.type) {
    case 'reluctance-noted': {
      const standingMs = [...state.standingMs, event.elapsedMs];
      return { ...state, standingMs, active: true };
    }
    case 'reluctance-withdrawn': {
      const standingMs = state.standingMs.slice(0, -1);
      return { ...state, standingMs, active: standingMs.length > 0 || state.carried !== null };
    }
    case 'reluctance-ended':
      return { active: false, standingMs: [], carried: null, endedAtMs: event.elapsedMs };
    default:
      return state;
  }
}

/**
 * The reluctance state after `events` (one session's, in sealed order), starting from `carried`
 * (the earlier sessions' standing reluctance, see carriedAcross). Pure: same events, same state.
 */
export function foldReluctance(
  events: readonly ReluctanceEvent[],
  carried: CarriedReluctance | null = null,
): ReluctanceState {
  return events.reduce(stepReluctance, initialReluctance(carried));
}

/** One earlier sealed session of an extended interview, as carriedAcross reads it. */
export interface ReluctanceSession {
  /** Its place in the series (1-based). */
  index: number;
  sessionId: string;
  startedAt: string;
  /** Its events before the seal, in sealed order. */
  events: readonly ReluctanceEvent[];
}

/**
 * The reluctance a later session starts with, from the earlier sealed sessions of its series
 * (oldest first), or null. A session whose own press stands at its end becomes the source (its
 * number and start date); a session with no press of its own passes on what it was carried; a
 * `reluctance-ended` (or the Undo of the only press) ends it. Example: noted in session 1, nothing
 * in session 2: session 3 starts with reluctance carried from session 1.
 */
export function carriedAcross(sessions: readonly ReluctanceSession[]): CarriedReluctance | null {
  let carried: CarriedReluctance | null = null;
  for (const s of sessions) {
    const end = foldReluctance(s.events, carried);
    const latest = end.standingMs[end.standingMs.length - 1];
    carried =
      latest !== undefined
        ? { session: s.index, sessionId: s.sessionId, startedAt: s.startedAt, notedAtMs: latest }
        : end.carried;
  }
  return carried;
}
