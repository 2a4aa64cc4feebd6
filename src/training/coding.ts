// The only place training uses the question coach (src/questions). The coach is being rewritten
// in parallel; keeping every call here means a change in its verdicts or signatures is absorbed
// in one file. Everything else in src/training sees `Coding` and `codeTranscript`.
import {
  buildQualityReport,
  classifyQuestion,
  type Classification,
  type QualityReport,
  type QuestionSubtype,
  type QuestionType,
  type Turn,
  type TypeCounts,
  YOUNG_CHILD_AGE,
} from '../questions';
import type { TrainingLanguage } from './types';

export type Coding = Classification;
export type { QuestionSubtype, QuestionType, Turn, TypeCounts };
/** The coach's one age threshold for why/time/count questions (a single verdict everywhere). */
export { YOUNG_CHILD_AGE };

/** Codes one interviewer utterance as the child hears it (NICHD prompt types). */
export function codeUtterance(
  text: string,
  language: TrainingLanguage,
  childSaid: readonly string[],
  childAgeYears: number,
): Coding {
  return classifyQuestion(text, language, { childWords: childSaid, childAgeYears });
}

/** The coach's quality report over a practice transcript (flags, suggestions, sequence rules). */
export function codeTranscript(
  turns: Turn[],
  language: TrainingLanguage,
  childAgeYears: number,
): QualityReport {
  return buildQualityReport(turns, { language, childAgeYears });
}

/** Open prompt types the NICHD research counts as recommended (directives are shown apart). */
export const OPEN_TYPES: ReadonlySet<QuestionType> = new Set([
  'invitation',
  'cued-invitation',
  'facilitator',
]);
export const INVITATION_TYPES: ReadonlySet<QuestionType> = new Set([
  'invitation',
  'cued-invitation',
]);
/** Focused prompts: anything that narrows the child's answer. */
export const FOCUSED_TYPES: ReadonlySet<QuestionType> = new Set([
  'directive',
  'option-posing',
  'suggestive',
]);
