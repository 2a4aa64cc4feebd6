// What one rule decided, before the reason text, verdict and suggestion are attached. Shared by
// the classifier and the suggestion builder (kept apart so that neither imports the other).
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
