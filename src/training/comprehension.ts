// Whether a question is too hard for a child of this age to understand: legal or formal words,
// negative or double-negative forms, two questions in one, or too many words. The simulated
// child may then say "I don't understand" (research.ts, SAYS_DONT_UNDERSTAND). Word lists are in
// locales/<lang>/training.json (`comprehension`), so a translator can extend them.
import type { Coding } from './coding';
import { MAX_QUESTION_WORDS, type Band } from './research';
import { textsFor } from './texts';
import type { TrainingLanguage } from './types';
import { wordTools } from './words';

export type Complexity = 'legal' | 'negative' | 'compound' | 'long';

/**
 * The first reason a question is hard to understand, or undefined.
 * Sources: Perry et al. (1995) on "lawyerese"; Walker (1999/2013) Handbook on Questioning
 * Children (negatives, compound questions, length); the word limits are Hearth's heuristic.
 */
export function complexity(
  text: string,
  coding: Coding,
  band: Band,
  language: TrainingLanguage,
): Complexity | undefined {
  const lists = textsFor(language).comprehension;
  const norm = ` ${wordTools(language)
    .normalise(text)
    .replace(/[¿?¡!.,;:]/g, ' ')} `;
  const has = (w: string) => norm.includes(` ${w} `);
  if (lists.legal.some(has)) return 'legal';
  const negatives = lists.negatives.filter(has).length;
  if (coding.subtype === 'negative' || negatives >= 2) return 'negative';
  const questions = (text.match(/\?/g) ?? []).length;
  const joined = lists.compound.some((pattern) => new RegExp(pattern, 'u').test(norm));
  if (questions >= 2 || joined) return 'compound';
  const words = norm
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0).length;
  if (words > MAX_QUESTION_WORDS[band]) return 'long';
  return undefined;
}
