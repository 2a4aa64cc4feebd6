// The continuity summary a later session of an extended interview sees: for each earlier sealed
// session of the series, the topics the interviewer marked in the child's words, the child's
// words as recorded (the latest version of each child note, with the child's own-language words
// when interpreted), the phases covered, and what remains (phases not reached, required checklist
// items left open). Everything is read from the sealed earlier sessions through the session
// service (role-checked, audited); nothing is summarised, inferred or reworded, so nothing on the
// screen can be a detail the child has not said (the NCAC extended forensic interview model and
// the NICHD two-session model build the later session on what the child said before).
import { earlierLinkedSessions } from './extended';
import type { OriginalWords, SessionEvent } from './events';
import type { SessionService, SessionSummary } from './sessions';

/** One child turn of an earlier session, as recorded. */
export interface ContinuityWords {
  /** Milliseconds since that session started. */
  elapsedMs: number;
  /** The turn in the interview's language (the interpreter's rendering when interpreted). */
  text: string;
  interpreted?: boolean;
  /** The child's own-language words, verbatim, beside an interpreted rendering. */
  original?: OriginalWords;
}

/** One earlier session of the series as the continuity summary shows it. */
export interface ContinuitySession {
  sessionId: string;
  index: number;
  startedAt: string;
  interviewer: string;
  /** Keywords the interviewer marked in the child's words, in order of first use. */
  topics: string[];
  childWords: ContinuityWords[];
  phasesCovered: Array<{ id: string; title: string }>;
  /**
   * Phases of that session's plan never entered; `optional`: not recommended in that plan
   * (e.g. NCAC's account phases, planned only to follow a disclosure: never a gap to close by
   * asking).
   */
  phasesNotReached: Array<{ id: string; title: string; optional: boolean }>;
  /** Required checklist items of phases entered that were never ticked. */
  leftOpen: Array<{ phaseTitle: string; label: string }>;
}

export interface Continuity {
  /** This session's place. */
  index: number;
  planned: number;
  /** The earlier sealed sessions of the series, oldest first. */
  sessions: ContinuitySession[];
}

/**
 * The continuity summary for `sessionId`: its place and every earlier sealed session of its
 * extended interview (same case and series, followed through `previousSessionId`). Sessions not
 * sealed are left out (a later session starts only after the earlier one is sealed; an unsealed
 * record is not yet what the child said in that session). `sessions` is empty for a single
 * session or session 1. Throws as SessionService.events does (FORBIDDEN, NOT_FOUND, TAMPERED).
 */
export function continuityOf(sessions: SessionService, sessionId: string): Continuity {
  const me = sessions.summary(sessionId);
  const earlier = earlierLinkedSessions(sessions, sessionId).filter(
    (s) => s.summary.status === 'sealed',
  );
  return {
    index: me.extended?.index ?? 1,
    planned: me.extended?.planned ?? 1,
    sessions: earlier.map((s) => sessionContinuity(sessions, s.summary, s.events)),
  };
}

function sessionContinuity(
  sessions: SessionService,
  summary: SessionSummary,
  all: readonly SessionEvent[],
): ContinuitySession {
  const sealedAt = all.find((e) => e.type === 'sealed')?.seq ?? Number.POSITIVE_INFINITY;
  const events = all.filter((e) => e.seq < sealedAt);
  const phases = sessions.plan(summary.sessionId).sessions.flatMap((s) => s.phases);
  const entered = new Set(events.flatMap((e) => (e.type === 'phase-entered' ? [e.phaseId] : [])));
  // The session starts in its plan's first phase (src/protocols/guidance.ts).
  if (phases[0]) entered.add(phases[0].id);
  const done = new Set(
    events.flatMap((e) =>
      e.type === 'checklist-item-done' ? [`${e.phaseId}\u0000${e.itemId}`] : [],
    ),
  );
  return {
    sessionId: summary.sessionId,
    index: summary.extended?.index ?? 1,
    startedAt: summary.startedAt,
    interviewer: summary.interviewer,
    topics: summary.keywords,
    childWords: childWordsOf(events),
    phasesCovered: phases.filter((p) => entered.has(p.id)).map(({ id, title }) => ({ id, title })),
    phasesNotReached: phases
      .filter((p) => !entered.has(p.id))
      .map(({ id, title, optional }) => ({ id, title, optional })),
    leftOpen: phases
      .filter((p) => entered.has(p.id))
      .flatMap((p) =>
        p.checklist
          .filter((c) => c.required && !done.has(`${p.id}\u0000${c.id}`))
          .map((c) => ({ phaseTitle: p.title, label: c.label })),
      ),
  };
}

/** The latest version of every child note, in the order first written. */
function childWordsOf(events: readonly SessionEvent[]): ContinuityWords[] {
  const latest = new Map<string, ContinuityWords>();
  for (const e of events) {
    if (e.type !== 'note' || e.kind !== 'child') continue;
    const first = latest.get(e.noteId);
    latest.set(e.noteId, {
      elapsedMs: first?.elapsedMs ?? e.elapsedMs,
      text: e.text,
      ...(e.interpreted ? { interpreted: true } : {}),
      ...(e.original ? { original: e.original } : {}),
    });
  }
  return [...latest.values()];
}
