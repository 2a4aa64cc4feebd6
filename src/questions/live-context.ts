// Whether the child's words of a live session are known (see decision.ts, "Empty child words").
import type { ClassifyContext } from './types';

/**
 * How many interviewer questions may be recorded before the first child turn while an empty list
 * of child words still means "the child has not said anything yet". In a session whose child
 * turns are typed, the child answers every question; three questions in a row with no child turn
 * typed means the child's answers are not being typed (many centres record the child on video
 * only). Hearth's own threshold (practitioner review 4, X1).
 */
export const UNANSWERED_QUESTIONS_LIMIT = 2;

/**
 * The child-words part of the coach's context for a live session.
 * @param childWords the child turns recorded so far (notes of kind child, imported child turns,
 *   keywords), in order.
 * @param interviewerQuestions how many interviewer questions the session has recorded so far
 *   (not counting the one being coded).
 * @returns `{ childWords }` when the child's words are known: some child turn is recorded, or
 *   the interview is at its very start (at most UNANSWERED_QUESTIONS_LIMIT questions, none
 *   answered yet), where the empty list is the truth and the presumption checks must apply;
 *   otherwise `{ childWordsUnrecorded: true }`: code without the presumption checks, and say so.
 */
export function liveChildContext(
  childWords: readonly string[],
  interviewerQuestions: number,
): Pick<ClassifyContext, 'childWords' | 'childWordsUnrecorded'> {
  if (childWords.length > 0 || interviewerQuestions <= UNANSWERED_QUESTIONS_LIMIT)
    return { childWords };
  return { childWordsUnrecorded: true };
}
