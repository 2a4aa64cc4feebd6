// Listed places matched as whole lexical forms (coach25, issue #16). The coach's stemmer strips
// verb endings, so a place noun that happens to end like a participle or an agent noun loses more
// than its inflection: "pijamada" (a sleepover) -> "pijam", which "pijama" (pyjamas, clothes)
// shares; "shower" -> "show", which "show me" shares. Such a place matches only its own forms
// (singular, plural); a place whose stem strips only an inflection ("cochera" -> "cocher",
// "bedrooms" -> "bedroom") keeps matching by stem, as every other detail does. Hearth's rule.
import { stem } from './text';
import type { Language } from './types';

// What an inflection may leave after the stem: gender and number endings, nothing else.
const INFLECTION = new Set(['', 'a', 'o', 'e', 's', 'es', 'as', 'os']);

/**
 * Builds the place test for one lexicon.
 * @param places the lexicon's `places` (folded, lower case).
 * @returns (word, its stem) => true when the word is one of the places in some form.
 */
export function placeMatcher(
  places: readonly string[],
  language: Language,
): (word: string, wordStem: string) => boolean {
  const byStem = new Set<string>();
  const exactForms = new Set<string>();
  for (const place of places) {
    const s = stem(place, language);
    if (place.startsWith(s) && INFLECTION.has(place.slice(s.length))) byStem.add(s);
    else for (const form of [place, `${place}s`, `${place}es`]) exactForms.add(form);
  }
  return (word, wordStem) => exactForms.has(word) || byStem.has(wordStem);
}
