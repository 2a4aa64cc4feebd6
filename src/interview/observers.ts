// The team behind the glass: multidisciplinary-team (MDT) observers suggest questions during the
// interview; at the break the interviewer asks, rephrases (open form, the child's words; the
// question coach checks the wording) or declines each with a reason. Every suggestion and every
// decision is a sealed session event, so the record shows who suggested what, what was asked and
// why the rest were not.
//
// Sources: the break / consultation phase of the NICHD protocol (Lamb et al. 2007, Child Abuse
// Negl 31:1201-1231; Lamb et al. 2018, "Tell Me What Happened", 2nd ed.); Newlin et al. 2015,
// OJJDP Bulletin NCJ 248749 ("Child Forensic Interviewing: Best Practices", MDT observation and
// the break); National Children's Alliance, Standards for Accredited Members (MDT standard).
// Hearth's own: the record format, the required decline reason, the coach check of the wording.
import { classifyQuestion } from '../questions';
import { HearthError, newId, type SignedInUser } from '../vault';
import type { CoachVerdict, ObserverDecision, ObserverRole, SessionEvent } from './events';
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
  decision: ObserverDecision;
  text?: string;
  reason?: string;
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
  status: 'pending' | ObserverDecision;
  decision?: {
    at: string;
    by: string;
    text?: string;
    reason?: string;
    coach?: CoachVerdict;
  };
}

export interface ObserverQueue {
  suggestions: QueueItem[];
  pending: number;
  counts: { suggested: number; asked: number; rephrased: number; declined: number };
}

type Suggestion = SessionEvent & { type: 'observer-suggestion' };
type Decision = SessionEvent & { type: 'observer-decision' };

function invalid(message: string): HearthError {
  return new HearthError('INVALID_INPUT', `Invalid input. ${message}`);
}

/** Compares wordings the way an interviewer would: case, spacing and Unicode form aside. */
function sameWording(a: string, b: string): boolean {
  const norm = (t: string) => t.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}

/** The interviewer who ran the session decides (an admin may, to complete a record). */
function assertMayDecide(state: Readonly<SessionState>, user: SignedInUser): void {
  if (state.meta.interviewer !== user.username && user.role !== 'admin')
    throw new HearthError(
      'FORBIDDEN',
      'Only the interviewer running this session decides on observer suggestions.',
    );
}

/** The child's words so far (renderings and own-language originals), for the coach. */
function childWordsOf(events: readonly SessionEvent[]): string[] {
  const words: string[] = [];
  for (const e of events) {
    if (e.type !== 'note' || e.kind !== 'child') continue;
    words.push(e.text);
    if (e.original) words.push(e.original.text);
  }
  return words;
}

export class ObserverService {
  constructor(private readonly sessions: SessionService) {}

  /**
   * Records a suggested question from an observer (role: law-enforcement, cps, prosecutor,
   * advocate, medical, interpreter, other). Returns its id. Errors: SESSION_SEALED after the
   * seal, CONFLICT for an imported transcript, FORBIDDEN for a role that cannot write the case.
   */
  suggest(input: SuggestInput): { suggestionId: string } {
    const suggestionId = newId('sugg');
    this.sessions.appendEvent(
      input.sessionId,
      {
        type: 'observer-suggestion',
        suggestionId,
        role: input.role,
        ...(input.name ? { name: input.name } : {}),
        text: input.text,
        origin: { device: LOCAL_DEVICE },
      },
      'observers.suggest',
    );
    return { suggestionId };
  }

  /**
   * Records the interviewer's decision on one suggestion.
   * - asked: asked as suggested (`text`, if given, must be the suggestion's wording);
   * - rephrased: `text` is the new wording (required);
   * - declined: `reason` is required.
   * For asked and rephrased the question coach (src/questions classifyQuestion, in the session's
   * language, with the child's words so far) codes the wording and its verdict is sealed with the
   * decision and returned; a wording the coach does not recommend is recorded, not refused: the
   * interviewer's judgement stands, and the record shows the verdict.
   * Errors: NOT_FOUND (no such suggestion), CONFLICT (already decided), INVALID_INPUT (missing
   * text or reason), FORBIDDEN (not the session's interviewer).
   */
  decide(input: DecideInput): { seq: number; at: string; coach?: CoachVerdict } {
    const text = input.text?.trim() ? input.text : undefined;
    const reason = input.reason?.trim() ? input.reason.trim() : undefined;
    if (input.decision === 'declined' && !reason)
      throw invalid('reason: say why the suggestion is not asked (it is kept in the record).');
    if (input.decision === 'rephrased' && !text)
      throw invalid('text: give the rephrased question in open form, in the child’s words.');

    const state = this.sessions.stateOf(input.sessionId);
    const suggestion = state.suggestions.get(input.suggestionId);
    if (!suggestion)
      throw new HearthError('NOT_FOUND', 'There is no such suggestion in this session.');
    if (suggestion.decision)
      throw new HearthError(
        'CONFLICT',
        `This suggestion was already decided (${suggestion.decision}). Decisions are not changed; add a note if something changed.`,
      );
    if (input.decision === 'asked' && text && !sameWording(text, suggestion.text))
      throw invalid('text: the wording differs from the suggestion; record it as "rephrased".');

    const asked =
      input.decision === 'asked'
        ? suggestion.text
        : input.decision === 'rephrased'
          ? text
          : undefined;
    let coach: CoachVerdict | undefined;
    if (asked !== undefined) {
      const c = classifyQuestion(asked, state.meta.language === 'es' ? 'es' : 'en', {
        childWords: childWordsOf(this.sessions.events(input.sessionId)),
        ...(state.meta.ageYears > 0 ? { childAgeYears: state.meta.ageYears } : {}),
      });
      coach = { type: c.type, subtype: c.subtype, recommended: c.recommended, reason: c.reason };
    }
    const event = this.sessions.appendEvent(
      input.sessionId,
      {
        type: 'observer-decision',
        suggestionId: input.suggestionId,
        decision: input.decision,
        ...(asked !== undefined ? { text: asked } : {}),
        ...(reason ? { reason } : {}),
        ...(coach ? { coach } : {}),
      },
      'observers.decide',
      (current, user) => {
        assertMayDecide(current, user);
        if (current.suggestions.get(input.suggestionId)?.decision)
          throw new HearthError('CONFLICT', 'This suggestion was already decided.');
      },
    );
    return { seq: event.seq, at: event.at, ...(coach ? { coach } : {}) };
  }

  /** Every suggestion of the session in order, pending first in `pending` count, with decisions. */
  queue(sessionId: string): ObserverQueue {
    return queueOf(this.sessions.events(sessionId));
  }
}

/** Folds a session's events into the observer queue (pure: also used by export counts). */
export function queueOf(events: readonly SessionEvent[]): ObserverQueue {
  const decisions = new Map<string, Decision>();
  for (const e of events) if (e.type === 'observer-decision') decisions.set(e.suggestionId, e);
  const suggestions: QueueItem[] = events
    .filter((e): e is Suggestion => e.type === 'observer-suggestion')
    .map((s) => {
      const d = decisions.get(s.suggestionId);
      return {
        suggestionId: s.suggestionId,
        role: s.role,
        ...(s.name ? { name: s.name } : {}),
        text: s.text,
        at: s.at,
        elapsedMs: s.elapsedMs,
        device: s.origin.device,
        status: d ? d.decision : 'pending',
        ...(d
          ? {
              decision: {
                at: d.at,
                by: d.by,
                ...(d.text !== undefined ? { text: d.text } : {}),
                ...(d.reason !== undefined ? { reason: d.reason } : {}),
                ...(d.coach ? { coach: d.coach } : {}),
              },
            }
          : {}),
      };
    });
  const count = (status: QueueItem['status']) =>
    suggestions.filter((s) => s.status === status).length;
  return {
    suggestions,
    pending: count('pending'),
    counts: {
      suggested: suggestions.length,
      asked: count('asked'),
      rephrased: count('rephrased'),
      declined: count('declined'),
    },
  };
}
