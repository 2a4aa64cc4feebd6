// Extended (multi-session) forensic interviews (NCAC extended forensic interview model): the
// sessions of one case linked, in order, as one interview. The link is an `extended-link` event in
// each session's own chain, so the seal of every session proves its place ("session k of n") and
// the session it continues. `extendedInterview` lists what earlier sessions covered as phases
// only; the continuity summary with the child's words is continuity.ts (issue #17).
import {
  extendedSessionGuidance,
  isProtocolError,
  extendedRulesPhases,
  type ExtendedSessionGuidance,
} from '../protocols';
import { HearthError, newId } from '../vault';
import type { SessionEvent } from './events';
import type { SessionService, SessionSummary } from './sessions';

/** The stored link: this session is number `index` of `planned` in series `seriesId`. */
export interface ExtendedLinkBody {
  type: 'extended-link';
  /** "ext_" + 32 hex: one id for every session of the extended interview. */
  seriesId: string;
  index: number;
  planned: number;
  /** The session this one continues (absent for the first). */
  previousSessionId?: string;
  /**
   * The protocol's rules phases (ground rules, narrative practice) the session before never
   * entered, read from its sealed chain when this link was made; absent when it reached them.
   * This session then plans them in full (src/protocols/extended.ts, practitioner review 11,
   * P11-2). Sealed here so every relaunch, screen and export plans the same session.
   */
  rulesPhasesNotReached?: string[];
}

export interface ExtendedLinkInput {
  /** Number of sessions the team planned (2 to the protocol's maximum). */
  plannedSessions: number;
  /** The earlier session this one continues; absent: this session starts the series. */
  previousSessionId?: string;
}

export interface ExtendedInterviewView {
  seriesId: string;
  index: number;
  planned: number;
  /** Every linked session of the series, in order, with the phases each entered (ids, titles). */
  sessions: Array<{
    sessionId: string;
    index: number;
    status: SessionSummary['status'];
    startedAt: string;
    phasesCovered: Array<{ id: string; title: string }>;
  }>;
  /** This session's planned phases and the protocol's rules for later sessions, with sources. */
  guidance: ExtendedSessionGuidance;
}

function linkOf(events: readonly SessionEvent[]): ExtendedLinkBody | undefined {
  const e = events.find((x) => x.type === 'extended-link');
  return e?.type === 'extended-link'
    ? {
        type: e.type,
        seriesId: e.seriesId,
        index: e.index,
        planned: e.planned,
        ...(e.previousSessionId ? { previousSessionId: e.previousSessionId } : {}),
        ...(e.rulesPhasesNotReached ? { rulesPhasesNotReached: [...e.rulesPhasesNotReached] } : {}),
      }
    : undefined;
}

/**
 * The protocol's rules phases that sealed session `sessionId` never entered (ids only, no
 * content). A session starts in its plan's first phase; any other is entered by a
 * `phase-entered` event, as the continuity summary reads it (continuity.ts).
 */
function rulesPhasesNotReached(
  sessions: SessionService,
  sessionId: string,
  protocolId: string,
): string[] {
  const rules = extendedRulesPhases(protocolId);
  if (rules.length === 0) return [];
  const planned = sessions.plan(sessionId).sessions.flatMap((s) => s.phases.map((p) => p.id));
  const entered = new Set(
    sessions.events(sessionId).flatMap((e) => (e.type === 'phase-entered' ? [e.phaseId] : [])),
  );
  if (planned[0]) entered.add(planned[0]);
  // A phase the earlier session did not plan (a later session without the missed rules) was
  // not given there either.
  return rules.filter((id) => !entered.has(id));
}

/** The error names its rule in `fields` (`extended.<rule>`), so the screen says it in its language. */
function invalid(rule: string, message: string): never {
  throw new HearthError('INVALID_INPUT', `Invalid input. ${message}`, {
    fields: [`extended.${rule}`],
  });
}

/** What the link needs to know of the session being linked (before or after it exists). */
export interface LinkingSession {
  mode: SessionSummary['mode'];
  caseId?: string;
  protocolId: string;
  ageYears: number;
  language: SessionSummary['language'];
}

/**
 * Builds the link for a session `me` (already started, or about to be: sessions.start checks the
 * link before it writes anything): a new series (index 1) or the next session after
 * `previousSessionId` (same case and protocol; its series and count). Throws HearthError
 * INVALID_INPUT, with `fields: ['extended.<rule>']` and the fix, for: a practice session
 * (`notLive`), a protocol without an extended model or a count out of range (`planned`), an
 * earlier session of another case (`otherCase`) or protocol (`otherProtocol`), one that is not part
 * of an extended interview (`notLinked`, or `notLinkedSealed`: a sealed one can no longer be numbered), a count that
 * differs from the series' (`plannedDiffers`), an earlier session still open, not yet sealed
 * (`previousOpen`), and a series already complete (`complete`);
 * NOT_FOUND when the earlier session does not exist or is not readable.
 */
export function extendedLinkBody(
  sessions: SessionService,
  me: LinkingSession,
  input: ExtendedLinkInput,
): ExtendedLinkBody {
  if (me.mode !== 'live' || !me.caseId)
    invalid('notLive', 'sessionId: only live sessions of a case form an extended interview.');
  try {
    // Validates the protocol's multi-session model and the count (ProtocolError otherwise).
    extendedSessionGuidance(me.protocolId, me.ageYears, me.language, 1, input.plannedSessions);
  } catch (error) {
    if (isProtocolError(error))
      invalid(
        'planned',
        `plannedSessions: ${error.message}. Choose a number within the protocol's limit, or one session.`,
      );
    throw error;
  }
  if (input.previousSessionId === undefined) {
    return {
      type: 'extended-link',
      seriesId: newId('ext'),
      index: 1,
      planned: input.plannedSessions,
    };
  }
  const prev = sessions.summary(input.previousSessionId);
  if (prev.caseId !== me.caseId)
    invalid(
      'otherCase',
      "previousSessionId: the earlier session belongs to another case. Choose a session of this child's case.",
    );
  if (prev.protocolId !== me.protocolId)
    invalid(
      'otherProtocol',
      `previousSessionId: the earlier session followed the "${prev.protocolId}" protocol. Choose that protocol for this session, or start a new extended interview.`,
    );
  const prevLink = linkOf(sessions.events(input.previousSessionId));
  if (!prevLink && prev.status === 'sealed')
    invalid(
      'notLinkedSealed',
      'previousSessionId: that interview was sealed as a single session, and a sealed record cannot be numbered afterwards. Start this session as session 1 of a new extended interview; the earlier interview stays its own sealed record.',
    );
  if (!prevLink)
    invalid(
      'notLinked',
      'previousSessionId: that session is not part of an extended interview; link it first (as session 1).',
    );
  if (prevLink.index >= prevLink.planned)
    invalid(
      'complete',
      `previousSessionId: that was the last of ${prevLink.planned} planned sessions; plan a new extended interview with the team.`,
    );
  if (prevLink.planned !== input.plannedSessions)
    invalid(
      'plannedDiffers',
      `plannedSessions: the extended interview was planned with ${prevLink.planned} sessions.`,
    );
  // A later session begins after the earlier one has ended: in the NCAC extended forensic
  // interview model and the two-session model (Hershkowitz et al., 2021) each session is its own
  // completed interview, and the next one builds on what it covered. Two open sessions of one
  // series would each go on adding to "what was covered"; in Hearth a session ends by its seal.
  if (prev.status !== 'sealed')
    invalid(
      'previousOpen',
      `previousSessionId: session ${prevLink.index} of this extended interview is still open. Finish and seal session ${prevLink.index} first, then start this one.`,
    );
  const notReached = rulesPhasesNotReached(sessions, input.previousSessionId, me.protocolId);
  return {
    type: 'extended-link',
    seriesId: prevLink.seriesId,
    index: prevLink.index + 1,
    planned: prevLink.planned,
    previousSessionId: input.previousSessionId,
    ...(notReached.length > 0 ? { rulesPhasesNotReached: notReached } : {}),
  };
}

/** Refuses a second link: the place of a session in its series is written once. */
export function assertNotLinked(sessions: SessionService, sessionId: string): void {
  if (linkOf(sessions.events(sessionId)))
    throw new HearthError('CONFLICT', 'This session is already linked to an extended interview.');
}

/**
 * The extended interview `sessionId` belongs to: every linked session of its case in order, the
 * phases each entered (no content), and this session's guidance. Throws HearthError CONFLICT when
 * the session is not linked.
 */
export function extendedInterview(
  sessions: SessionService,
  sessionId: string,
): ExtendedInterviewView {
  const me = sessions.summary(sessionId);
  const link = linkOf(sessions.events(sessionId));
  if (!link || !me.caseId)
    throw new HearthError(
      'CONFLICT',
      'This session is not part of an extended interview. Link it first (sessions.linkExtended).',
    );
  const linked = sessions
    .list({ caseId: me.caseId })
    .flatMap((s) => {
      const events = sessions.events(s.sessionId);
      const l = linkOf(events);
      if (!l || l.seriesId !== link.seriesId) return [];
      const titles = new Map(
        sessions
          .plan(s.sessionId)
          .sessions.flatMap((ps) => ps.phases.map((p) => [p.id, p.title] as const)),
      );
      const covered = [
        ...new Set(events.flatMap((e) => (e.type === 'phase-entered' ? [e.phaseId] : []))),
      ];
      return [
        {
          sessionId: s.sessionId,
          index: l.index,
          status: s.status,
          startedAt: s.startedAt,
          phasesCovered: covered.map((id) => ({ id, title: titles.get(id) ?? id })),
        },
      ];
    })
    .sort((a, b) => a.index - b.index);
  return {
    seriesId: link.seriesId,
    index: link.index,
    planned: link.planned,
    sessions: linked,
    guidance: extendedSessionGuidance(
      me.protocolId,
      me.ageYears,
      me.language,
      link.index,
      link.planned,
    ),
  };
}

/** One line for the timeline and the exported transcript: "session 2 of 3 (ext_…), after s_…". */
export function extendedLinkText(body: ExtendedLinkBody): string {
  return `session ${body.index} of ${body.planned} of extended interview ${body.seriesId}${
    body.previousSessionId ? `, continues session ${body.previousSessionId}` : ''
  }`;
}

/** One session of an extended interview as an export lists it: ids, place and seal, no content. */
export interface ExtendedSeriesEntry {
  sessionId: string;
  index: number;
  status: SessionSummary['status'];
  /** The sealed chain head and event count (sealed sessions only). */
  sealHead?: string;
  eventCount?: number;
  sealedAt?: string;
}

/** The series a session belongs to, as recorded at export time (export manifest). */
export interface ExtendedSeriesRecord {
  seriesId: string;
  index: number;
  planned: number;
  previousSessionId?: string;
  /** Every linked session of the series this user can read, in order. */
  sessions: ExtendedSeriesEntry[];
}

/**
 * The extended interview `sessionId` belongs to, for its export: its link and every linked
 * session of the case with its seal head (so a prosecutor holding several bundles can tell they
 * belong together and whether one is missing). Undefined when the session is not linked.
 */
export function extendedSeriesRecord(
  sessions: SessionService,
  sessionId: string,
): ExtendedSeriesRecord | undefined {
  const me = sessions.summary(sessionId);
  const link = linkOf(sessions.events(sessionId));
  if (!link || !me.caseId) return undefined;
  const entries = sessions.list({ caseId: me.caseId }).flatMap((s): ExtendedSeriesEntry[] => {
    // Read from each session's own chain, not its summary (summaries before 0.1 lack `extended`).
    const events = sessions.events(s.sessionId);
    const l = linkOf(events);
    if (!l || l.seriesId !== link.seriesId) return [];
    const sealed = events.find((e) => e.type === 'sealed');
    return [
      {
        sessionId: s.sessionId,
        index: l.index,
        status: s.status,
        ...(sealed?.type === 'sealed'
          ? { sealHead: sealed.head, eventCount: sealed.eventCount, sealedAt: sealed.at }
          : {}),
      },
    ];
  });
  return {
    seriesId: link.seriesId,
    index: link.index,
    planned: link.planned,
    ...(link.previousSessionId ? { previousSessionId: link.previousSessionId } : {}),
    sessions: entries.sort((a, b) => a.index - b.index),
  };
}

/** What the child said in the earlier sessions of an extended interview, for the question coach. */
export interface EarlierChildWords {
  /** The earlier linked sessions read, oldest first (ids only). */
  sessionIds: string[];
  /**
   * Every child turn of those sessions (the latest version of each child note, and the child's
   * own-language words when interpreted), oldest first.
   */
  words: string[];
}

/**
 * The child's words in the sessions that `sessionId` continues: its `previousSessionId`, that
 * session's previous one, and so on to session 1. Read through the session service, so each read
 * is checked against the signed-in user's role and audited; only sessions of the same case and
 * the same series are followed (the link was checked when written; this checks it again). Empty
 * for a session that is not linked or is session 1. Never displayed: the coach uses the words as
 * context so that a later session's cued invitations on them ("Last time you told me about [X]")
 * are not coded as the interviewer's detail (practitioner review 5, N0). Throws as
 * SessionService.events does (FORBIDDEN, NOT_FOUND, TAMPERED).
 */
export function earlierChildWords(sessions: SessionService, sessionId: string): EarlierChildWords {
  const chain = earlierLinkedSessions(sessions, sessionId);
  return {
    sessionIds: chain.map((s) => s.sessionId),
    words: chain.flatMap((s) => childTurnsOf(s.events)),
  };
}

/**
 * The sessions `sessionId` continues, oldest first, each with its events: its
 * `previousSessionId`, that session's previous one, and so on to session 1, following only
 * sessions of the same case and series (the link was checked when written; this checks it again).
 * Every read goes through the session service (role-checked, audited). Empty for a single
 * session or session 1. Throws as SessionService.events does.
 */
export function earlierLinkedSessions(
  sessions: SessionService,
  sessionId: string,
): Array<{ sessionId: string; summary: SessionSummary; events: readonly SessionEvent[] }> {
  const me = sessions.summary(sessionId);
  const link = linkOf(sessions.events(sessionId));
  const chain: Array<{
    sessionId: string;
    summary: SessionSummary;
    events: readonly SessionEvent[];
  }> = [];
  const seen = new Set([sessionId]);
  let previous = link?.previousSessionId;
  while (previous !== undefined && me.caseId && !seen.has(previous)) {
    seen.add(previous);
    const prev = sessions.summary(previous);
    const events = sessions.events(previous);
    const prevLink = linkOf(events);
    if (prev.caseId !== me.caseId || prevLink?.seriesId !== link?.seriesId) break;
    chain.unshift({ sessionId: previous, summary: prev, events });
    previous = prevLink?.previousSessionId;
  }
  return chain;
}

/** The latest version of every child note, in the order first written, with its original words. */
function childTurnsOf(events: readonly SessionEvent[]): string[] {
  const latest = new Map<string, SessionEvent & { type: 'note' }>();
  for (const e of events) if (e.type === 'note' && e.kind === 'child') latest.set(e.noteId, e);
  return [...latest.values()].flatMap((n) => (n.original ? [n.text, n.original.text] : [n.text]));
}
