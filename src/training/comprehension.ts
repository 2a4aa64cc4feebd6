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

/** Why a question is hard to understand, with what to show the trainee. */
export interface ComplexityDetail {
  kind: Complexity;
  /** The words that made it hard, folded as matched (legal word, negatives, joining word). */
  cue?: string;
  /** Words in the question, and the most Hearth advises for the child's age band. */
  words: number;
  limit: number;
  /**
   * Every other feature that also made it hard, in the same order of precedence (a legal word
   * and a double negative: kind 'legal', also [{ kind: 'negative', cue }]), so feedback names
   * them all. Empty when there is one.
   */
  also: { kind: Complexity; cue?: string }[];
}

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
  return explainComplexity(text, coding, band, language)?.kind;
}

/**
 * As complexity(), with the words that made the question hard and every other feature that
 * also did (for feedback, which names them all).
 */
export function explainComplexity(
  text: string,
  coding: Coding,
  band: Band,
  language: TrainingLanguage,
): ComplexityDetail | undefined {
  const lists = textsFor(language).comprehension;
  const tools = wordTools(language);
  const norm = ` ${tools.normalise(text).replace(/[¿?¡!.,;:]/g, ' ')} `;
  const has = (w: string) => norm.includes(` ${w} `);
  const words = norm
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0).length;
  const limit = MAX_QUESTION_WORDS[band];
  const base = { words, limit };
  // The cue is shown to the trainee in the question's own spelling ("ocurrió", not "ocurrio").
  const tokens = text.split(/[\s¿?¡!.,;:"“”«»()]+/u).filter((w) => w.length > 0);
  const surface = (folded: string) =>
    tokens.find(
      (w) =>
        tools
          .normalise(w)
          .replace(/[¿?¡!.,;:]/g, '')
          .trim() === folded,
    ) ?? folded;
  const cueOf = (found: string[]) => found.map(surface).join(', ');
  const found: { kind: Complexity; cue?: string }[] = [];
  const legal = lists.legal.filter(has);
  if (legal.length > 0) found.push({ kind: 'legal', cue: cueOf(legal) });
  const negatives = lists.negatives.filter(has);
  // Occurrences, not distinct words: «¿No es cierto que no viste…?» has two negations in one
  // word, "no", and is as hard as "Isn't it true that you didn't…?" (practitioner review R18-5).
  const negations = lists.negatives.reduce((n, w) => n + (norm.split(` ${w} `).length - 1), 0);
  if (coding.subtype === 'negative' || negatives.length >= 2 || negations >= 2)
    found.push({ kind: 'negative', ...(negatives.length > 0 ? { cue: cueOf(negatives) } : {}) });
  const questions = (text.match(/\?/g) ?? []).length;
  const joined = lists.compound
    .map((pattern) => new RegExp(pattern, 'u').exec(norm)?.[0])
    .find((m) => m !== undefined);
  if (questions >= 2 || joined !== undefined) found.push({ kind: 'compound' });
  if (words > limit) found.push({ kind: 'long' });
  const [first, ...also] = found;
  return first ? { ...first, ...base, also } : undefined;
}

/**
 * The legal or formal words (locales `comprehension.legal`, folded) a text holds: "alleged",
 * "conduct", «hacia tu persona», «abuso infantil». A child does not say these as its own words
 * (Perry et al. 1995: children do not understand them), so the simulated child never echoes a
 * clause that holds one (practitioner review R18-4); it says "Yes." or answers in its own words.
 */
export function legalWordsIn(text: string, language: TrainingLanguage): string[] {
  const tools = wordTools(language);
  const norm = ` ${tools
    .normalise(text)
    .replace(/[¿?¡!.,;:"“”«»()]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  return textsFor(language).comprehension.legal.filter((w) => norm.includes(` ${w} `));
}
