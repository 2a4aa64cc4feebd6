// What one rule decided, before the reason text, verdict and suggestion are attached. Shared by
// the classifier and the suggestion builder (kept apart so that neither imports the other).
// Coding rule on record: a yes/no or forced-choice question that introduces a detail the child
// has not said ("Did Alex touch your bottom?" after "Alex hurt my bottom").
// - Issue #16 (Hearth's rule, kept): suggestive, subtype 'new-detail', verdict "avoid"; a detail
//   the child has not said is put to the child, and the answer cannot show where it came from.
// - NICHD typology (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl
//   31:1201-1231; the practitioner review 3, M1): option-posing, because the prompt asks the child
//   to affirm, negate or choose without implying which answer is expected; only a presupposing
//   frame (a wh- question about an undisclosed act, a tag, "isn't it true", a declarative, "when
//   he X-ed...") is suggestive.
// The subtype keeps the two countable apart: a report that must follow NICHD counting can move
// every 'new-detail' item to option-posing without re-coding the interview.
import type { ReasonKey } from './lexicon';
import type { QuestionSubtype, QuestionType } from './types';

export interface Decision {
  type: QuestionType;
  subtype: QuestionSubtype;
  reasonKey: ReasonKey;
  /** The words that triggered the decision (folded text). */
  cue: string;
  /** The sentence (normalised, fillers stripped) that decided the code. */
  focus: string;
  /** A "why" question about the child's own behaviour. */
  blamesChild?: boolean;
}

export const decide = (
  type: QuestionType,
  subtype: QuestionSubtype,
  reasonKey: ReasonKey,
  cue: string,
  focus: string,
): Decision => ({ type, subtype, reasonKey, cue: cue.trim(), focus });
