// The team in the observation room: multidisciplinary-team (MDT) observers suggest questions during
// the interview; at the break the interviewer accepts ("will ask as written"), rephrases (open
// form, the child's words; the question coach checks the wording) or declines each with a reason.
// Every suggestion and every decision is a sealed session event, so the record shows who suggested
// what, what the interviewer decided and why. Whether an accepted question was then asked is read
// from the question notes that follow (the recording stays the record of what was asked).
//
// Sources: the break of the NICHD protocol, after the investigative phase and before "information
// not mentioned by the child" (Lamb et al. 2007, Child Abuse Negl 31:1201-1231, appendix); Newlin
// et al. 2015, OJJDP Bulletin NCJ 248749 (MDT observation and the break: the interviewer decides);
// National Children's Alliance, Standards for Accredited Members (MDT standard); Powell et al. 2017
// (the interpreter's rendering of a question can change its type); Fontes & Tishelman 2016 and the
// CIR Spanish-speaking children guide, ch. 5 (the interpreter interprets, never suggests).
// Hearth's own: the record format, the required reasons, the coach check of wording and rendering,
// the link from a decision to the question note that asked it (the note carries the suggestion's
// id, set by the interviewer's "Use this wording", or by Hearth when a question is typed with
// exactly the decided wording of one suggestion waiting to be asked, wording.ts, B19e-1;
// decisions recorded before that link existed are matched by wording, punctuation aside, and the
// record labels them so).
import { classifySuggestion, liveChildContext, withEarlierSessions } from '../questions';
import { HearthError, newId, type SignedInUser } from '../vault';
import {
  decisionOf,
  type CoachVerdict,
  type ObserverDecision,
  type ObserverRole,
  type OriginalWords,
  type SessionEvent,
} from './events';
import { earlierChildWords } from './extended';
import { sameWording } from './wording';

export { sameWording };
import { commitName } from './name-commitment';
import type { SessionService } from './sessions';
import type { SessionState } from './state';

/** This machine's observer panel; a second device would write its own id here. */
export const LOCAL_DEVICE = 'local';

export interface SuggestInput {
  sessionId: string;
  role: ObserverRole;
  text: string;
  name?: string;
}

export interface DecideInput {
  sessionId: string;
  suggestionId: string;
  /** 'asked' is the old name of 'accepted' and is read as it. */
  decision: ObserverDecision | 'asked';
  text?: string;
  reason?: string;
  /** The interpreter's rendering agreed at the break (child's language), for the coach. */
  rendering?: OriginalWords;
}

/** Roles whose suggestions must say who suggested them (name or agency): they testify to it. */
export const NAMED_ROLES: ReadonlySet<ObserverRole> = new Set(['law-enforcement', 'prosecutor']);

/** Languages the question coach codes (src/questions lexicons). */
const COACH_LANGUAGES = ['en', 'es'] as const;
type CoachLanguage = (typeof COACH_LANGUAGES)[number];

/** "es-MX" → "es" when the coach supports it, else undefined. */
export function coachLanguageOf(language: string): CoachLanguage | undefined {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return COACH_LANGUAGES.find((l) => l === base);
}

export interface QueueItem {
  suggestionId: string;
  role: ObserverRole;
  name?: string;
  text: string;
  /** When it was appended to the session (this device's clock). */
  at: string;
  elapsedMs: number;
  device: string;
  /** Who typed it in at this station (the signed-in user), besides the observer named. */
  enteredBy: string;
  status: 'pending' | ObserverDecision;
  decision?: {
    at: string;
    by: string;
    text?: string;
    reason?: string;
    coach?: CoachVerdict;
    rendering?: OriginalWords;
    renderingCoach?: CoachVerdict;
  };
  /**
   * Accepted or rephrased, then asked: the first question note after the decision that links to
   * this suggestion ('link'); for a decision recorded before links existed, the first question
   * note after it with the same wording, punctuation aside ('wording', an inference).
   */
  askedIn?: {
    seq: number;
    at: string;
    noteId: string;
    matchedBy: 'link' | 'wording';
    /** The interpreter's rendering recorded on that note, with the coach's verdict on it. */
    rendering?: OriginalWords;
    renderingCoach?: CoachVerdict;
  };
}

export interface ObserverQueue {
  suggestions: QueueItem[];
  pending: number;
  counts: {
    suggested: number;
    accepted: number;
    rephrased: number;
    declined: number;
    /** Left undecided at the seal, plus those still pending: "not decided". */
    undecided: number;
    /** Accepted or rephrased with no linked question note after the decision. */
    notAsked: number;
    /**
     * Of the accepted or rephrased, how many were recorded before questions were linked and so
     * were judged asked or not by wording (labelled as such wherever the count is shown).
     */
    judgedByWording: number;
  };
}

type Suggestion = SessionEvent & { type: 'observer-suggestion' };
type Decision = SessionEvent & { type: 'observer-decision' };

function invalid(message: string): HearthError {
  return new HearthError('INVALID_INPUT', `Invalid input. ${message}`);
}

/**
 * The tolerant comparison used only for decisions recorded before questions were linked to
 * suggestions: case, spacing, Unicode form, punctuation and symbols aside ("¿Qué app?" and
 * "que app" still differ by the accent; "Cuéntame más del motel." and "cuéntame más del motel"
 * are the same). It can still miss a question asked in other words: the record says so.
 */
export function sameWordingLoosely(a: string, b: string): boolean {
  return sameWording(a, b);
}

/**
 * True for a decision recorded since Hearth links questions to suggestions (it carries atBreak):
 * whether it was asked is read from the links only. An older decision is judged by wording.
 */
export function decisionLinksQuestions(d: { atBreak?: boolean }): boolean {
  return d.atBreak !== undefined;
}

/** The interviewer who ran the session decides (an admin may, to complete a record). */
function assertMayDecide(state: Readonly<SessionState>, user: SignedInUser): void {
  if (state.meta.interviewer !== user.username && user.role !== 'admin')
    throw new HearthError(
      'FORBIDDEN',
      'Only the interviewer running this session decides on observer suggestions.',
    );
}

type ChildContext = ReturnType<typeof liveChildContext>;

/**
 * The child's words so far (renderings and own-language originals), for the coach. A session
 * that has recorded questions but no child turn may keep the child on video only: its empty list
 * is unknown, not "the child said nothing" (liveChildContext; practitioner review 4, X1).
 */
function childWordsOf(events: readonly SessionEvent[]): ChildContext {
  const words: string[] = [];
  let questions = 0;
  for (const e of events) {
    if (e.type !== 'note') continue;
    if (e.kind === 'question') questions++;
    if (e.kind !== 'child') continue;
    words.push(e.text);
    if (e.original) words.push(e.original.text);
  }
  return liveChildContext(words, questions);
}

/**
 * The coach's verdict on a suggestion's wording (or its rendering). A suggestion is advice to the
 * interviewer, so it is coded as a suggestion (src/questions advice.ts): "I would ask about the
 * money he paid her" as the question it implies, and a statement that implies none is never
 * "recommended" (audit 19c, B19c-6).
 */
function verdictOf(
  text: string,
  language: CoachLanguage,
  childWords: ChildContext,
  ageYears: number,
  explainIn: CoachLanguage = language,
): CoachVerdict {
  const c = classifySuggestion(
    text,
    language,
    { ...childWords, ...(ageYears > 0 ? { childAgeYears: ageYears } : {}) },
    explainIn,
  );
  return { type: c.type, subtype: c.subtype, recommended: c.recommended, reason: c.reason };
}

/**
 * The coach's verdict on a rendering, coded in its own language when the coach supports it and
 * explained in the interviewer's (`sessionLanguage`, the interview's): the stored reason is read
 * by the interviewer at the break, in every copy of the queue (audit 19f, B19f-4).
 */
function renderingVerdict(
  rendering: OriginalWords | undefined,
  childWords: ChildContext,
  ageYears: number,
  sessionLanguage: string,
): CoachVerdict | undefined {
  const language = rendering ? coachLanguageOf(rendering.language) : undefined;
  const explainIn = coachLanguageOf(sessionLanguage) ?? 'en';
  return rendering && language
    ? verdictOf(rendering.text, language, childWords, ageYears, explainIn)
    : undefined;
}

export class ObserverService {
  constructor(private readonly sessions: SessionService) {}

  /**
   * Records a suggested question from an observer (role: law-enforcement, cps, prosecutor,
   * advocate, medical, other). Returns its id. An observer not on the session's list (role and
   * name) is first recorded as joined (`observer-joined`, B19e-6). Law enforcement and prosecutors give a name or
   * agency. The interpreter never suggests questions (Fontes & Tishelman 2016; CIR guide ch. 5):
   * what they notice goes in an interpreter note. Errors: INVALID_INPUT (interpreter role, missing
   * name), SESSION_SEALED after the seal, CONFLICT for an imported transcript, FORBIDDEN for a
   * role that cannot write the case.
   */
  suggest(input: SuggestInput): { suggestionId: string } {
    if (input.role === 'interpreter')
      throw invalid(
        'role: the interpreter interprets and does not suggest questions. Record what the interpreter noticed (a word, a dialect, a misunderstanding) as an interpreter note instead.',
      );
    const name = input.name?.trim().normalize('NFC');
    if (NAMED_ROLES.has(input.role) && !name)
      throw invalid(
        `name: a ${input.role} suggestion needs the suggesting person's name or agency, for the record.`,
      );
    const suggestionId = newId('sugg');
    // The chain holds the name's salted digest; name and salt go to the session's name records.
    const named = name ? commitName(name) : undefined;
    // Someone not on the observer list was behind the glass: recorded as joined first (B19e-6),
    // with a digest of their own (a fresh salt, as every committed name has).
    if (!this.listed(input.sessionId, input.role, name)) {
      const joined = name ? commitName(name) : undefined;
      this.sessions.appendEvent(
        input.sessionId,
        {
          type: 'observer-joined',
          role: input.role,
          ...(joined ? { nameCommitment: joined.commitment } : {}),
          suggestionId,
          origin: { device: LOCAL_DEVICE },
        },
        'observers.joined',
        undefined,
        joined ? [joined] : [],
      );
    }
    this.sessions.appendEvent(
      input.sessionId,
      {
        type: 'observer-suggestion',
        suggestionId,
        role: input.role,
        ...(named ? { nameCommitment: named.commitment } : {}),
        text: input.text,
        origin: { device: LOCAL_DEVICE },
      },
      'observers.suggest',
      undefined,
      named ? [named] : [],
    );
    return { suggestionId };
  }

  /**
   * Whether `role` and `name` are on the session's observer list: the start's or one recorded
   * as joined. Names compare in NFC, case and spacing aside; a nameless suggestion is any
   * listed observer of its role (it cannot be told apart), a named one must match a name.
   */
  private listed(sessionId: string, role: ObserverRole, name: string | undefined): boolean {
    const state = this.sessions.stateOf(sessionId);
    const names = this.sessions.names(sessionId);
    const same = (a: string, b: string) =>
      a.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase() ===
      b.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    const listed = [
      ...state.meta.observers.map((o) => ({ role: o.role, name: o.name })),
      ...state.joined.map((j) => ({
        role: j.role,
        name: j.nameCommitment !== undefined ? names.get(j.nameCommitment) : undefined,
      })),
    ];
    return listed.some(
      (o) =>
        o.role === role && (name === undefined || (o.name !== undefined && same(o.name, name))),
    );
  }

  /**
   * Records the interviewer's decision on one suggestion, at the break (nothing is asked yet).
   * - accepted ('asked' is read as it): will be asked as suggested (`text`, if given, must be the
   *   suggestion's wording);
   * - rephrased: `text` is the new wording (required);
   * - declined: `reason` is required;
   * - undecided: left undecided, usually at the finish step before the seal ("not reached before
   *   the end"); `reason` is optional. Nothing is asked for it.
   * Whether a break is open is recorded with the decision (`atBreak`), so the record says "at the
   * break" only when one was (B19-12); a suggestion sent after the last break can still be decided
   * before the seal. For accepted and rephrased the question coach (src/questions classifySuggestion, in the
   * session's language, with the child's words so far) codes the wording; when `rendering` (the
   * interpreter's wording in the child's language) is given in a language the coach supports, it
   * is coded too in that language (Powell et al. 2017). Both verdicts are sealed with the
   * decision and returned (the rendering's reason in the interview's language, B19f-4). A wording the coach does not recommend is recorded, not refused: the
   * interviewer's judgement stands, with `reason` then required, and the record shows the verdict.
   * Errors: NOT_FOUND (no such suggestion), CONFLICT (already decided), INVALID_INPUT (missing
   * text or reason), FORBIDDEN (not the session's interviewer).
   */
  decide(input: DecideInput): {
    seq: number;
    at: string;
    coach?: CoachVerdict;
    renderingCoach?: CoachVerdict;
  } {
    const decision = decisionOf(input.decision);
    const text = input.text?.trim() ? input.text : undefined;
    const reason = input.reason?.trim() ? input.reason.trim() : undefined;
    const rendering = input.rendering?.text.trim() ? input.rendering : undefined;
    if (decision === 'declined' && !reason)
      throw invalid('reason: say why the suggestion is not asked (it is kept in the record).');
    if (decision === 'rephrased' && !text)
      throw invalid('text: give the rephrased question in open form, in the child’s words.');

    const state = this.sessions.stateOf(input.sessionId);
    const suggestion = state.suggestions.get(input.suggestionId);
    if (!suggestion)
      throw new HearthError('NOT_FOUND', 'There is no such suggestion in this session.');
    if (suggestion.decision)
      throw new HearthError(
        'CONFLICT',
        `This suggestion was already decided (${decisionOf(suggestion.decision)}). Decisions are not changed; add a note if something changed.`,
      );
    if (decision === 'accepted' && text && !sameWording(text, suggestion.text))
      throw invalid('text: the wording differs from the suggestion; record it as "rephrased".');

    const wording =
      decision === 'accepted' ? suggestion.text : decision === 'rephrased' ? text : undefined;
    let coach: CoachVerdict | undefined;
    let renderingCoach: CoachVerdict | undefined;
    if (wording !== undefined) {
      // In a later session of an extended interview the earlier sessions' child turns count too.
      const childWords = withEarlierSessions(
        childWordsOf(this.sessions.events(input.sessionId)),
        earlierChildWords(this.sessions, input.sessionId).words,
      );
      const age = state.meta.ageYears;
      coach = verdictOf(wording, coachLanguageOf(state.meta.language) ?? 'en', childWords, age);
      renderingCoach = renderingVerdict(rendering, childWords, age, state.meta.language);
      if ((!coach.recommended || renderingCoach?.recommended === false) && !reason)
        throw invalid(
          `reason: the question coach does not recommend ${coach.recommended ? "the interpreter's rendering" : 'this wording'} (${(coach.recommended ? renderingCoach : coach)?.reason ?? ''}). Rephrase it, or give your reason for asking it despite the coach (kept in the record).`,
        );
    }
    const event = this.sessions.appendEvent(
      input.sessionId,
      {
        type: 'observer-decision',
        suggestionId: input.suggestionId,
        decision,
        ...(wording !== undefined ? { text: wording } : {}),
        ...(reason ? { reason } : {}),
        ...(coach ? { coach } : {}),
        ...(rendering && wording !== undefined ? { rendering } : {}),
        ...(renderingCoach ? { renderingCoach } : {}),
        atBreak: state.onBreak,
      },
      'observers.decide',
      (current, user) => {
        assertMayDecide(current, user);
        if (current.suggestions.get(input.suggestionId)?.decision)
          throw new HearthError('CONFLICT', 'This suggestion was already decided.');
      },
    );
    return {
      seq: event.seq,
      at: event.at,
      ...(coach ? { coach } : {}),
      ...(renderingCoach ? { renderingCoach } : {}),
    };
  }

  /** Every suggestion of the session in order, pending first in `pending` count, with decisions. */
  queue(sessionId: string): ObserverQueue {
    return queueOf(
      this.sessions.events(sessionId),
      earlierChildWords(this.sessions, sessionId).words,
      this.sessions.names(sessionId),
    );
  }
}

type Note = SessionEvent & { type: 'note' };

/** Whether a question note asks the decided suggestion: by its link, or (older decisions) wording. */
function asksDecided(note: Note, decision: Decision): 'link' | 'wording' | undefined {
  if (note.kind !== 'question' || note.seq < decision.seq) return undefined;
  if (note.suggestionId === decision.suggestionId) return 'link';
  if (decisionLinksQuestions(decision) || decision.text === undefined) return undefined;
  return sameWordingLoosely(note.text, decision.text) ? 'wording' : undefined;
}

/**
 * The first question note after the decision that asks it (see asksDecided): where an accepted
 * or rephrased suggestion was asked, with the coach's verdict on the interpreter's rendering.
 */
function askedIn(
  events: readonly SessionEvent[],
  decision: Decision,
  ageYears: number,
  earlierWords: readonly string[],
  sessionLanguage: string,
): QueueItem['askedIn'] {
  if (decision.text === undefined) return undefined;
  const childWords: string[] = [];
  let questions = 0;
  for (const e of events) {
    if (e.type !== 'note') continue;
    if (e.kind === 'child') {
      childWords.push(e.text);
      if (e.original) childWords.push(e.original.text);
    }
    const matchedBy = asksDecided(e, decision);
    if (!matchedBy) {
      if (e.kind === 'question') questions++;
      continue;
    }
    const context = withEarlierSessions(liveChildContext(childWords, questions), earlierWords);
    const coach = renderingVerdict(e.original, context, ageYears, sessionLanguage);
    return {
      seq: e.seq,
      at: e.at,
      noteId: e.noteId,
      matchedBy,
      ...(e.original ? { rendering: e.original } : {}),
      ...(coach ? { renderingCoach: coach } : {}),
    };
  }
  return undefined;
}

/**
 * Folds a session's events into the observer queue (pure: also used by export counts).
 * `earlierWords`: the child turns of the earlier sessions of its extended interview (none for a
 * single session), context for the coach's verdict on a rendering. `names`: the session's
 * committed names by commitment (SessionService.names), to show who suggested each.
 */
export function queueOf(
  events: readonly SessionEvent[],
  earlierWords: readonly string[] = [],
  names: ReadonlyMap<string, string> = new Map(),
): ObserverQueue {
  const started = events.find((e) => e.type === 'session-started');
  const ageYears = started?.type === 'session-started' ? started.ageYears : 0;
  const sessionLanguage = started?.type === 'session-started' ? started.language : 'en';
  const decisions = new Map<string, Decision>();
  for (const e of events) if (e.type === 'observer-decision') decisions.set(e.suggestionId, e);
  const suggestions: QueueItem[] = events
    .filter((e): e is Suggestion => e.type === 'observer-suggestion')
    .map((s) => {
      const d = decisions.get(s.suggestionId);
      const asked = d ? askedIn(events, d, ageYears, earlierWords, sessionLanguage) : undefined;
      const name = s.name ?? (s.nameCommitment ? names.get(s.nameCommitment) : undefined);
      return {
        suggestionId: s.suggestionId,
        role: s.role,
        ...(name ? { name } : {}),
        text: s.text,
        at: s.at,
        elapsedMs: s.elapsedMs,
        device: s.origin.device,
        enteredBy: s.by,
        status: d ? decisionOf(d.decision) : 'pending',
        ...(d
          ? {
              decision: {
                at: d.at,
                by: d.by,
                ...(d.text !== undefined ? { text: d.text } : {}),
                ...(d.reason !== undefined ? { reason: d.reason } : {}),
                ...(d.coach ? { coach: d.coach } : {}),
                ...(d.rendering ? { rendering: d.rendering } : {}),
                ...(d.renderingCoach ? { renderingCoach: d.renderingCoach } : {}),
                ...(d.atBreak !== undefined ? { atBreak: d.atBreak } : {}),
              },
            }
          : {}),
        ...(asked ? { askedIn: asked } : {}),
      };
    });
  const count = (status: QueueItem['status']) =>
    suggestions.filter((s) => s.status === status).length;
  const toAsk = suggestions.filter((s) => s.status === 'accepted' || s.status === 'rephrased');
  return {
    suggestions,
    pending: count('pending'),
    counts: {
      suggested: suggestions.length,
      accepted: count('accepted'),
      rephrased: count('rephrased'),
      declined: count('declined'),
      undecided: count('undecided') + count('pending'),
      notAsked: toAsk.filter((s) => !s.askedIn).length,
      judgedByWording: toAsk.filter((s) => {
        const d = decisions.get(s.suggestionId);
        return d !== undefined && !decisionLinksQuestions(d);
      }).length,
    },
  };
}
