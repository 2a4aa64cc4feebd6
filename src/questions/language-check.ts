// Does the text look like the language the user declared? (newcomer 17, N17-2: `hearth classify
// --lang en` given Spanish printed a confident, wrong report.) A cheap heuristic, not a language
// identifier: each line is scored by counting common function words of English and of Spanish
// (articles, pronouns, prepositions, question words and auxiliaries that are not also words of
// the other language: "a", "me", "he", "no" count for neither) and, for Spanish, ¿ ¡ ñ and
// accented vowels. A line leans to the language with the higher score; it leans to neither on a
// tie or without any such word. The text "looks like" the other language when at least
// MIN_LEANING_LINES lines lean (or one line alone scores MIN_SINGLE_LINE_SCORE with nothing for
// the declared language), at least 60% of them lean to the other language, and at most 20% lean
// to the declared one. It only warns: the coding is never changed by it.
import type { Language } from './types';

const EN_WORDS = new Set(
  (
    'the an and or but you your yours he his she her hers it its they them their we our us i my ' +
    'what where when who whom whose why how which did do does is was were are am be been being ' +
    'have had can could would will should to of in on at with from about into that this ' +
    "these those there tell told said happened then after before did not didn’t didn't don't " +
    "doesn't isn't wasn't anything something everything more"
  ).split(/\s+/),
);

const ES_WORDS = new Set(
  (
    'el la los las un una unos unas y o pero que qué de del en por para con sin sobre tu tú te ' +
    'se lo le les su sus mi mis yo él ella ellos ellas nosotros usted al es está estaba estabas ' +
    'estaban fue fueron era eras pasó paso cuéntame cuentame dime dijo dijiste hizo hiciste ' +
    'dónde donde cuándo cómo quién quien cuál cuánto cuántos después despues antes más mas todo ' +
    'eso esto esa ese aquí allí también muy hay había tenía tiene'
  ).split(/\s+/),
);

/** Characters that occur in Spanish writing and (almost) never in English. */
const ES_MARKS = /[¿¡ñÑáéíóúÁÉÍÓÚ]/g;

/** Fewer leaning lines than this is too little to say anything. */
export const MIN_LEANING_LINES = 2;

export interface LanguageCheck {
  /** The language most leaning lines lean to, when it is not the declared one. */
  looksLike: Language;
  /** Lines that lean to `looksLike`. */
  lines: number;
  /** Lines that lean to either language. */
  leaningLines: number;
}

/** One line's evidence: English function words; Spanish function words and marks. */
export function lineScores(line: string): Record<Language, number> {
  const words = line.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  const scores = { en: 0, es: (line.match(ES_MARKS) ?? []).length };
  for (const word of words) {
    if (EN_WORDS.has(word)) scores.en++;
    if (ES_WORDS.has(word)) scores.es++;
  }
  return scores;
}

/** Which language one line leans to, or undefined (no function words, or a tie). */
export function lineLeaning(line: string): Language | undefined {
  const { en, es } = lineScores(line);
  if (en === es) return undefined;
  return en > es ? 'en' : 'es';
}

/** Evidence enough in one line alone ("¿Qué pasó después?": ¿ é ó é and "qué"). */
export const MIN_SINGLE_LINE_SCORE = 4;

/**
 * Checks `lines` (one utterance each; labels such as "Child:" may stay: they are not function
 * words) against the declared `language`. Returns what they look like instead, with the counts,
 * or undefined when they fit the declared language or there is too little to tell.
 */
export function checkLanguage(
  lines: readonly string[],
  language: Language,
): LanguageCheck | undefined {
  const counts: Record<Language, number> = { en: 0, es: 0 };
  const totals: Record<Language, number> = { en: 0, es: 0 };
  for (const line of lines) {
    const leaning = lineLeaning(line);
    if (leaning) counts[leaning]++;
    const scores = lineScores(line);
    totals.en += scores.en;
    totals.es += scores.es;
  }
  const leaningLines = counts.en + counts.es;
  const other: Language = language === 'en' ? 'es' : 'en';
  // One leaning line is enough only with strong evidence and none for the declared language.
  const strongAlone = totals[other] >= MIN_SINGLE_LINE_SCORE && totals[language] === 0;
  if (leaningLines < MIN_LEANING_LINES && !strongAlone) return undefined;
  if (counts[other] < leaningLines * 0.6 || counts[language] > leaningLines * 0.2) return undefined;
  return { looksLike: other, lines: counts[other], leaningLines };
}

/** The language's name in English, for a CLI warning. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Spanish',
};

/**
 * The warning line for a mismatch (English; a CLI note on stderr): what the input looks like,
 * how many lines say so, that the codes assume the declared language, and the option to use.
 * Never quotes the input.
 */
export function languageWarning(check: LanguageCheck, declared: Language): string {
  return (
    `Warning: the input looks like ${LANGUAGE_NAMES[check.looksLike]}, not ${LANGUAGE_NAMES[declared]} ` +
    `(${check.lines} of ${check.leaningLines} ${check.leaningLines === 1 ? 'line has' : 'lines have'} mostly ${LANGUAGE_NAMES[check.looksLike]} function words or marks), ` +
    `so the question codes, which assume --lang ${declared}, are likely wrong. ` +
    `If it is ${LANGUAGE_NAMES[check.looksLike]}, run again with --lang ${check.looksLike}.`
  );
}
