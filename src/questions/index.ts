// Public API of the question-type coach (pure: safe for the renderer).
export { classifyQuestion } from './classify';
export { QUESTION_TYPES, RISK } from './types';
export type {
  Classification,
  ClassifyContext,
  Language,
  QuestionSubtype,
  QuestionType,
} from './types';
export { isLanguage } from './lexicon';
