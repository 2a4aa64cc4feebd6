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
  // cued-invitation
  | 'child-words'
  | 'time-segment'
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
  // other
  | 'statement'
  | 'ground-rule'
  | 'empty';

export interface ClassifyContext {
  /** Everything the child has said so far (whole turns or keywords). Enables presumption checks. */
  childWords?: readonly string[];
  /** Child's age: "why" and time/count questions are not recommended under 10. */
  childAgeYears?: number;
}

export interface Classification {
  type: QuestionType;
  subtype: QuestionSubtype;
  /** False for option-posing and suggestive prompts (and risky directives for young children). */
  recommended: boolean;
  /** Which cue decided the code, in the interview language. */
  reason: string;
  /** An open prompt asking the same thing, when the question is not recommended. */
  suggestion?: string;
  /** The words that triggered the decision (for highlighting in the UI). */
  cue?: string;
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
