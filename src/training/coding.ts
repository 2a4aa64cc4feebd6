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

// The end of the wh- word is a Unicode boundary: with an ASCII \b, "qué", "dónde", "quién",
// "cuándo", "cómo" and "cuál" never matched (a letter with an accent is no word character), so
// every accented Spanish wh- question was answered like a yes/no one ("Sí.", audit B18-1).
export const WH_FORM =
  /^\s*¿?\s*(?:(?:en|de|a|con|para|por|in|at|with)\s+)?(?:what|where|who|whose|when|how|which|qu[eé]|d[oó]nde|ad[oó]nde|qui[eé]n(?:es)?|cu[aá]ndo|c[oó]mo|cu[aá]l(?:es)?|cu[aá]nt[oa]s?)(?![\p{L}\p{N}])/iu;

/**
 * Codes one interviewer utterance as the child hears it (NICHD prompt types). The coach codes a
 * rapport or procedure question ("How old are you?", "What grade are you in?") as other/procedure
 * so that the live screen never flags it (coach session 14); the simulated child still hears a
 * question and answers it, and closed rapport questions have their own effect on later recall
 * (Sternberg et al. 1997; Roberts et al. 2004), so here such a question keeps its form's type:
 * a wh- question is a directive, any other question option-posing.
 */
export function codeUtterance(
  text: string,
  language: TrainingLanguage,
  childSaid: readonly string[],
  childAgeYears: number,
): Coding {
  const coded = classifyQuestion(text, language, { childWords: childSaid, childAgeYears });
  if (coded.type !== 'other' || coded.subtype !== 'procedure' || !/\?\s*$/.test(text.trim()))
    return coded;
  return { ...coded, type: WH_FORM.test(text) ? 'directive' : 'option-posing' };
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
