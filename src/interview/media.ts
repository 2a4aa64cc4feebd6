// Media (body diagrams, drawings, dolls, figures) as session events. Every use of an aid, and
// every recorded decision not to use one, is a timestamped event in the session's chain, so the
// sealed record and its export show what the child was shown and when. The event also carries
// the protocol's stance at the time (src/protocols, MEDIA_STANCES), so a reader sees the use
// against the rule it was made under without re-deriving the plan.
// Sources: NCAC 2019 and APSAC 2023 (only after a verbal disclosure, to clarify, record the use);
// ABE 2022 (aids only when planned, used with caution); NICHD 2014 and the Ten Step use none.
import {
  MEDIA_ACTIONS,
  MEDIA_AIDS,
  type MediaAction,
  type MediaAid,
  type MediaStanceId,
  type SessionPlan,
} from '../protocols';
import { HearthError } from '../vault';
import { sealedSource, type SealedSource } from './sealed-sources';

/**
 * The stored event body. 'declined' records the interviewer's decision not to use an aid (e.g.
 * ABE's planned aid not needed, or NCAC's not used because the child gave no verbal disclosure).
 * `stance` is the session protocol's stance when it was recorded.
 */
export interface MediaEventBody {
  type: 'media-aid';
  action: MediaAction;
  aid: MediaAid;
  stance: MediaStanceId;
  /** Why (for a decision) or what it was used for (e.g. "to clarify the word the child used"). */
  note?: string;
  /**
   * The phase the session was in when the aid was recorded, sealed at the time (practitioner
   * review 11, P11-8): a reader can tell a body diagram used during introductions from one used
   * after a disclosure. Absent on events recorded before this field existed.
   */
  phaseId?: string;
  /** The source of the stance (the plan's media source), sealed with it; absent on older events. */
  stanceSource?: SealedSource;
}

export interface MediaInput {
  action: MediaAction;
  aid: MediaAid;
  note?: string;
}

/** The longest note on a media event, in UTF-16 code units. */
export const MEDIA_NOTE_MAX_CHARS = 2_000;

/**
 * Checks a media input against the session's plan and builds the event body, sealing the phase
 * the session is in (`phaseId`) and the stance's source. Throws HearthError INVALID_INPUT (with
 * the fix) for an unknown aid or action, an 'other' aid without a description, a use without a
 * reason, or an over-long note; CONFLICT for an imported transcript (no protocol, nothing to
 * record). Never refuses a use the protocol discourages: the record must show what happened, and
 * why (P11-8: a defence expert tests whether the stance's condition was met).
 */
export function mediaEventBody(
  plan: SessionPlan | undefined,
  input: MediaInput,
  phaseId?: string,
): MediaEventBody {
  if (!plan) throw new HearthError('CONFLICT', 'An imported transcript follows no protocol plan.');
  if (!(MEDIA_ACTIONS as readonly string[]).includes(input.action))
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. action: one of ${MEDIA_ACTIONS.join(', ')}.`,
    );
  if (!(MEDIA_AIDS as readonly string[]).includes(input.aid))
    throw new HearthError('INVALID_INPUT', `Invalid input. aid: one of ${MEDIA_AIDS.join(', ')}.`);
  const note = input.note?.trim() ?? '';
  if (note.length > MEDIA_NOTE_MAX_CHARS)
    throw new HearthError(
      'INVALID_INPUT',
      `Invalid input. note: at most ${MEDIA_NOTE_MAX_CHARS} characters; shorten it or add the rest as an observation note.`,
    );
  if (input.aid === 'other' && note === '')
    throw new HearthError(
      'INVALID_INPUT',
      'Invalid input. note: describe the aid when it is "other" (e.g. "a map of the house").',
    );
  if (input.action === 'used' && note === '')
    throw new HearthError(
      'INVALID_INPUT',
      'Invalid input. note: say why an aid was used here (e.g. "to clarify the word the child used"); the record must show the reason for every use. Nothing was recorded.',
    );
  return {
    type: 'media-aid',
    action: input.action,
    aid: input.aid,
    stance: plan.media.stance,
    ...(note !== '' ? { note } : {}),
    ...(phaseId !== undefined ? { phaseId } : {}),
    stanceSource: sealedSource(plan.media.source),
  };
}

/**
 * One line for the timeline, in neutral codes: "used: body diagram (protocol stance:
 * after-disclosure)". The exported transcript does not use this line: export/format.ts renders
 * the same event in the rendition's words ("… (protocol stance: only after a verbal disclosure)").
 */
export function mediaEventText(body: Pick<MediaEventBody, 'action' | 'aid' | 'stance'>): string {
  return `${body.action}: ${body.aid.replace(/-/g, ' ')} (protocol stance: ${body.stance})`;
}
