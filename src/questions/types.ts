// Shared types of the question-type coach. Pure data: usable from the renderer.

export type Language = 'en' | 'es';

export const QUESTION_TYPES = [
  'invitation',
  'cued-invitation',
  'facilitator',
  'directive',
  'option-posing',
  'suggestive',
  'other',
] as const;

export type QuestionType = (typeof QUESTION_TYPES)[number];

export type QuestionSubtype =
  // invitation
  | 'open'
  | 'follow-up'
  // "Is there anything else (that happened)?": yes/no in form, an invitation in NICHD coding
  | 'yes-no-form'
  // cued-invitation
  | 'child-words'
  | 'time-segment'
  // a protocol's graded transition prompt built on what the team knows (NICHD 2014)
  | 'team-information'
  // facilitator
  | 'acknowledgement'
  // directive
  | 'wh'
  | 'why'
  | 'time-or-count'
  // option-posing
  | 'yes-no'
  | 'forced-choice'
  | 'faux-invitation'
  | 'declarative'
  // suggestive
  | 'tag'
  | 'negative'
  | 'co-witness'
  | 'pressure'
  | 'emotional'
  | 'presumptive'
  // a yes/no or forced-choice question that introduces a new detail (see decision.ts)
  | 'new-detail'
  | 'label'
  | 'leading-declarative'
  | 'asked-answered'
  | 'speculation'
  | 'stereotype'
  | 'confrontation'
  | 'reassurance'
  // a "why" that implies the child allowed it (suggestive); also other/reassurance = support
  | 'blaming'
  // other: procedure, rapport, interpreter instructions, closing (not about the event)
  | 'procedure'
  // other: asks the child to define truth and lies (the revised NICHD protocol asks a promise)
  | 'truth-definition'
  // option-posing the protocol itself asks for (NICHD multiple-incident and closing questions)
  | 'protocol'
  // any form that uses an interview aid (doll, body diagram, drawing)
  | 'media'
  // other
  | 'summary'
  | 'statement'
  | 'ground-rule'
  // the Ten Step hypothetical putative confession (needs the team's recorded decision)
  | 'putative-confession'
  | 'empty';

/** A protocol's stance on media and drawings (the values src/protocols plans carry). */
export type MediaStance = 'not-used' | 'planned-only' | 'after-disclosure' | 'not-stated';

export type InterviewStage = 'pre-substantive' | 'substantive' | 'closing';

/** An earlier interviewer question of the same interview with the child's reply to it. */
export interface AnsweredQuestion {
  /** The interviewer's turn as said. */
  question: string;
  /** The child's reply (the child's turns until the next interviewer turn, joined). */
  answer: string;
}

export interface ClassifyContext {
  /**
   * Everything the child has said so far in this session (whole turns or keywords), in order.
   * Present (even empty) = the context is known: a question, statement or summary that assumes a
   * person, act, object, body part or place the child has not said is coded suggestive.
   * Absent = unknown context: only labels that presume abuse are checked.
   */
  childWords?: readonly string[];
  /**
   * The session records no child turns (the child is on video only): code without the
   * presumption checks, and say so in `contextNote`. Ignored when `childWords` is given.
   * See liveChildContext() and decision.ts.
   */
  childWordsUnrecorded?: boolean;
  /**
   * Where the interview is: 'pre-substantive' (introduction, ground rules, rapport, narrative
   * practice), 'substantive' (from the transition to the allegation on) or 'closing' (after the
   * last substantive phase). Before the substantive part a suggestion is a rapport invitation or
   * the child's words, never the allegation invitation (NICHD 2014: rapport and episodic practice
   * come first); in the closing no suggestion is offered, since any rewording would reopen the
   * allegation (NICHD 2014 closing returns to a neutral topic; ABE 2022 closure). Absent =
   * unknown (see suggest.ts). stageOfPhase() in src/protocols-aware callers computes it.
   */
  stage?: InterviewStage;
  /**
   * The interview's earlier questions with the child's replies, oldest first. A wh- or yes/no
   * question that asks again one the child has answered (an unclear reply is not an answer) is
   * coded suggestive/asked-answered (asked-answered.ts; Garven et al. 1998). Absent = not checked.
   */
  answered?: readonly AnsweredQuestion[];
  /** Child's age in years: time and number questions are discouraged below YOUNG_CHILD_AGE. */
  childAgeYears?: number;
  /**
   * The session protocol's stance on media (mirrors src/protocols MEDIA_STANCES): 'not-used'
   * (NICHD, Ten Step), 'planned-only' (ABE 2022: planned aids, used with caution),
   * 'after-disclosure' (NCAC, APSAC) or 'not-stated'. Only 'after-disclosure' makes a media
   * question acceptable (for children past the youngest band); every other value, and absent,
   * applies the stricter reading, because the coach cannot know whether an aid was planned.
   */
  mediaStance?: MediaStance;
}

/**
 * One verdict per utterance, used by the live hint, the CLI, reports and training feedback:
 * - recommended: invitations, cued invitations, facilitators, neutral statements and instructions;
 * - acceptable: wh- directives (and option-posing prompts the protocol itself asks for): fine when
 *   paired with invitations, never counted as "recommended" in a report's headline;
 * - acceptable-with-caution: the protocol's graded transition prompts built on what the team
 *   knows (NICHD 2014): no warning, but only after the open prompts have failed;
 * - ask-differently: option-posing, "why" about the child's own behaviour, time/number questions
 *   for young children;
 * - avoid: suggestive utterances.
 */
export type Verdict =
  'recommended' | 'acceptable' | 'acceptable-with-caution' | 'ask-differently' | 'avoid';

export interface Classification {
  type: QuestionType;
  subtype: QuestionSubtype;
  /** True when the verdict is 'recommended' or 'acceptable' (no warning is shown). */
  recommended: boolean;
  /** The one verdict every caller shows (see Verdict). */
  verdict: Verdict;
  /** Which cue decided the code, in the interview language. */
  reason: string;
  /**
   * An open prompt to ask instead, only when it is safe: its content words are all the child's
   * own (from `childWords`) or neutral protocol wording. Absent when no safe rewording exists.
   */
  suggestion?: string;
  /** The words that triggered the decision (for highlighting in the UI). */
  cue?: string;
  /**
   * Set when the session records no child turns (context.childWordsUnrecorded): the child's
   * words are unknown and the presumption checks were not applied, in the interview language.
   */
  contextNote?: string;
  /**
   * Hearth's practice note on the wording, which changes no code or verdict: an endearment used
   * as address ("Honey, ...", «mi amor»), "call the child by name" (endearment-note.ts, coach43;
   * labelled as Hearth's, no source claimed), in the language of the reason.
   */
  practiceNote?: string;
}

/** Risk order used to combine several sentences of one turn and to spot riskier re-asks. */
export const RISK: Readonly<Record<QuestionType, number>> = {
  other: 0,
  facilitator: 1,
  invitation: 2,
  'cued-invitation': 3,
  directive: 4,
  'option-posing': 5,
  suggestive: 6,
};
