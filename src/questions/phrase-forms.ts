// A multi-word detail the child said with another form of its verb (coach43, review28's open
// item: "Did he take pictures of you?" after the child's "He took pictures of me." was flagged as
// an unsaid detail, because a lexicon phrase was matched only in the tense written). The child's
// own verb in any inflection (take / took / taking / taken; «tomó / toma / tomaba / tomando») with
// the same object is the same act: asking about it assumes nothing the child has not said (Lamb,
// Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231: suggestive = assumes
// details the child has not disclosed). Only the form changes: every word must share its stem with
// the child's word at the same place, so another verb ("took the dog"), another object ("took my
// phone") or a synonym that names a different act (a camera taken is not pictures taken) never
// clears it. Articles are skipped on both sides ("took a video" is "take videos"). Hearth's rule.
// Pure.
import { stem, words } from './text';
import type { Language } from './types';

// Articles that change nothing of the act (possessives and pronouns do: "took my" is not "took you").
const ARTICLES: Record<Language, ReadonlySet<string>> = {
  en: new Set(['a', 'an', 'the', 'some']),
  es: new Set(['un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las']),
};

function contentStems(normalised: string, language: Language): string[] {
  const articles = ARTICLES[language];
  return words(normalised)
    .filter((w) => !articles.has(w))
    .map((w) => stem(w, language));
}

/**
 * Whether some turn of the child holds `phrase` with each of its words in a form of the same stem,
 * one after another (articles aside).
 * @param phrase a lexicon phrase of at least two words, normalised (folded, lower case), already
 *   in the child's person when the caller shifted it ("take me" for "take you").
 * @param turns the child's turns, normalised.
 * @param language the lexicon's language (selects the stemmer and the articles).
 * @returns false for a phrase of fewer than two content words (a single word is checked by stem
 *   elsewhere, vocabulary.ts childSaid).
 */
export function saidInAnotherForm(
  phrase: string,
  turns: readonly string[],
  language: Language,
): boolean {
  const wanted = contentStems(phrase, language);
  if (wanted.length < 2) return false;
  return turns.some((turn) => {
    const got = contentStems(turn, language);
    for (let i = 0; i + wanted.length <= got.length; i++)
      if (wanted.every((w, k) => got[i + k] === w)) return true;
    return false;
  });
}
