// The continuity summary a later session of an extended interview sees: for each earlier sealed
// session of the series, the kept keywords the child provably said first (child-topics.ts), the
// child's words as recorded (the latest version of each child note, with the child's own-language
// words when interpreted), the questions already asked with the child's answers (no-repeat rule),
// the phases covered, and what was not reached, listed for the record and never as gaps to close
// (a later session follows a disclosure and never presses: NICHD revised, Lamb et al. 2018;
// Hershkowitz et al. 2021; NCAC extended forensic interview; ABE 2022 further interviews). Everything is read from the sealed earlier sessions through the session
// service (role-checked, audited); nothing is summarised, inferred or reworded, so nothing on the
// screen can be a detail the child has not said (the NCAC extended forensic interview model and
// the NICHD two-session model build the later session on what the child said before).
import {
  childTopicsOf,
  firstSaying,
  questionLinesOf,
  questionsAskedOf,
  type SaidQuestion,
  type AskedQuestion,
  type ChildTopic,
  type HeldTopic,
} from './child-topics';
import { earlierLinkedSessions } from './extended';
import type { OriginalWords, SessionEvent } from './events';
import { carriedAcross, type CarriedReluctance } from './reluctance';
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
  /**
   * Kept keywords the child said first, in the current text of a child note (the only words a
   * reconnect line may carry), in order of first use.
   */
  topics: ChildTopic[];
  /** Kept keywords not offered: the interviewer said them first, or no child note holds them. */
  topicsHeld: HeldTopic[];
  childWords: ContinuityWords[];
  /** The questions asked, verbatim (latest version), with the child's next turn. */
  questionsAsked: AskedQuestion[];
  phasesCovered: Array<{ id: string; title: string }>;
  /**
   * Phases of that session's plan never entered, for the record, never as work left to do;
   * `optional`: planned only to follow a disclosure; `substantive`: about the allegation. Only
   * which phases the interviewer entered is known: nothing here says what the child did or did
   * not tell (a disclosure may come before "Next phase" is pressed). `teamBreak`: the
   * team-consultation break (a team step, never `substantive` here). A phase that elicits
   * information the child has not mentioned (NICHD's option-posing last resort) is never listed:
   * it is not something a later session plans.
   */
  phasesNotReached: Array<{
    id: string;
    title: string;
    optional: boolean;
    substantive: boolean;
    teamBreak?: true;
  }>;
  /**
   * Each time the interviewer noted the child's reluctance in that session (the live screen's
   * "Child reluctant"), with the session time and the phase it was noted in. A later session
   * starts its guidance with supportive prompts when any is listed (Hershkowitz et al. 2021).
   */
  reluctanceNoted: Array<{ elapsedMs: number; phaseId?: string; phaseTitle?: string }>;
  /**
   * Required checklist items left unticked in phases entered that are not about the allegation
   * (rapport, ground rules, closing); the transition and account phases' items are never listed.
   */
  leftOpen: Array<{ phaseTitle: string; label: string }>;
}

export interface Continuity {
  /** This session's place. */
  index: number;
  planned: number;
  /** The earlier sealed sessions of the series, oldest first. */
  sessions: ContinuitySession[];
  /**
   * The reluctance this session starts with (reluctance.ts carriedAcross): the earlier session
   * whose "Child reluctant" still stands at its end (its number and start date), passed on by any
   * session between that neither noted nor ended it; null when none stands. Revised NICHD
   * protocol: support for a reluctant child and a further interview (Hershkowitz, Lamb & Katz
   * 2014; Lamb et al. 2018; Hershkowitz et al. 2021).
   */
  reluctance: CarriedReluctance | null;
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
    reluctance: carriedAcross(earlier.map(reluctanceSession)),
    sessions: interviewerFirstAcrossSessions(
      earlier.map((s) => sessionContinuity(sessions, s.summary, s.events)),
      earlier.map((s) => ({ language: s.summary.language, questions: questionLinesOf(s.events) })),
    ),
  };
}

/**
 * The reluctance `sessionId` starts with, carried from its earlier sealed sessions (see
 * Continuity.reluctance), or null. Reads only what continuityOf reads (the same role checks and
 * audit); folds nothing but the reluctance events. Throws as SessionService.events does.
 */
export function carriedReluctanceOf(
  sessions: SessionService,
  sessionId: string,
): CarriedReluctance | null {
  const earlier = earlierLinkedSessions(sessions, sessionId).filter(
    (s) => s.summary.status === 'sealed',
  );
  return carriedAcross(earlier.map(reluctanceSession));
}

/** An earlier session as carriedAcross reads it: its events before the seal. */
function reluctanceSession(s: { summary: SessionSummary; events: readonly SessionEvent[] }) {
  const sealedAt = s.events.find((e) => e.type === 'sealed')?.seq ?? Number.POSITIVE_INFINITY;
  return {
    index: s.summary.extended?.index ?? 1,
    sessionId: s.summary.sessionId,
    startedAt: s.summary.startedAt,
    events: s.events.filter((e) => e.seq < sealedAt),
  };
}

/**
 * The interviewer-first check across the series, in time order (practitioner review 7, P7-5): a
 * word the child said first in session k is held back when the interviewer said it in an earlier
 * session j < k (e.g. a place from the team's information in session 1, used by the child in
 * session 2), with session j and the time. Source monitoring across interviews: a detail first
 * supplied by an adult is later reported as the child's (La Rooy, Lamb & Pipe 2009; Katz &
 * Hershkowitz 2013). `said`: per session, in the same order, its language and its questions.
 * Only sealed sessions are read (continuityOf), so the record each check rests on is fixed.
 */
function interviewerFirstAcrossSessions(
  list: ContinuitySession[],
  said: ReadonlyArray<{ language: string; questions: readonly SaidQuestion[] }>,
): ContinuitySession[] {
  return list.map((s, k) => {
    const topics: ChildTopic[] = [];
    const held: HeldTopic[] = [...s.topicsHeld];
    for (const topic of s.topics) {
      let first: { session: number; atMs: number } | undefined;
      for (let j = 0; j < k && !first; j++) {
        const q = firstSaying(said[j]!.questions, topic.keyword, said[k]!.language);
        if (q) first = { session: list[j]!.index, atMs: q.elapsedMs };
      }
      if (first)
        held.push({
          keyword: topic.keyword,
          reason: 'interviewer-first',
          interviewerAtMs: first.atMs,
          interviewerSession: first.session,
        });
      else topics.push(topic);
    }
    return { ...s, topics, topicsHeld: held };
  });
}

function sessionContinuity(
  sessions: SessionService,
  summary: SessionSummary,
  all: readonly SessionEvent[],
): ContinuitySession {
  const sealedAt = all.find((e) => e.type === 'sealed')?.seq ?? Number.POSITIVE_INFINITY;
  const events = all.filter((e) => e.seq < sealedAt);
  const phases = sessions.plan(summary.sessionId).sessions.flatMap((s) => s.phases);
  const { topics, held } = childTopicsOf(events, summary.language);
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
    topics,
    topicsHeld: held,
    childWords: childWordsOf(events),
    questionsAsked: questionsAskedOf(
      events,
      phases.flatMap((p) => p.prompts),
      summary.language,
    ),
    phasesCovered: phases.filter((p) => entered.has(p.id)).map(({ id, title }) => ({ id, title })),
    phasesNotReached: phases
      .filter((p) => !entered.has(p.id) && !p.elicitsUnmentioned)
      .map(({ id, title, optional, substantive, teamBreak }) => ({
        id,
        title,
        optional,
        substantive: substantive && !teamBreak,
        ...(teamBreak ? { teamBreak } : {}),
      })),
    reluctanceNoted: standingReluctance(events).flatMap((e) => {
      if (e.type !== 'reluctance-noted') return [];
      const title = phases.find((p) => p.id === e.phaseId)?.title;
      return [
        {
          elapsedMs: e.elapsedMs,
          ...(e.phaseId ? { phaseId: e.phaseId } : {}),
          ...(title ? { phaseTitle: title } : {}),
        },
      ];
    }),
    leftOpen: phases
      .filter((p) => entered.has(p.id) && !p.substantive)
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

/**
 * The events with each withdrawn "Child reluctant" left out: a `reluctance-withdrawn` takes back
 * the latest `reluctance-noted` still standing before it (the live screen's Undo), so a later
 * session does not start from a mistaken press. The sealed record keeps both events.
 */
function standingReluctance<E extends { type: string }>(events: readonly E[]): E[] {
  const kept: E[] = [];
  for (const e of events) {
    if (e.type !== 'reluctance-withdrawn') {
      kept.push(e);
      continue;
    }
    const last = kept.map((k) => k.type).lastIndexOf('reluctance-noted');
    if (last >= 0) kept.splice(last, 1);
  }
  return kept;
}
