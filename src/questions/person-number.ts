// Number of a person the question names (coach43, review28 M1): «Cuéntame más de los hombres.»
// after «Un señor me tocó.» brings in several offenders where the child spoke of one. The stemmer
// joins singular and plural («hombre» / «hombres», "uncle" / "uncles"), and a synonym group joins
// «señor» and «hombre», so the child's singular cleared the interviewer's plural in Spanish while
// English flagged "the men" after "a man" (a different word). A person noun the question gives in
// the plural is the child's only when the child said a plural of it (or of a word of its synonym
// group): otherwise it is an unsaid detail in both languages (Lamb, Orbach, Hershkowitz, Esplin &
// Horowitz 2007, Child Abuse Negl 31:1201-1231: suggestive = assumes details the child has not
// disclosed; how many people were involved is one). The singular after the child's plural ("the
// man" after "two men") asks about one of them and is not flagged. Hearth's rule. Pure.
import type { Lexicon } from './lexicon';
import { stem, words } from './text';

// English person plurals without a final -s (the persons list has them as words of their own).
const EN_IRREGULAR_PLURALS = new Set(['men', 'women', 'people', 'children', 'grandchildren']);

/**
 * Whether a normalised word is a plural noun form (-s / -es; a few irregular English plurals). An
 * English possessive ("the man's name") is not a plural.
 */
function pluralForm(w: string, language: Lexicon['language']): boolean {
  if (language === 'en')
    return EN_IRREGULAR_PLURALS.has(w) || (w.length > 3 && /[a-z][^s']s$/.test(w));
  return w.length > 3 && w.endsWith('s');
}

/**
 * The persons-list stem of a Spanish plural the stemmer leaves whole: «tíos», «tías», «primos»
 * stem as themselves (short words), «choferes» as «chofer» but not as the list's «chófer» stem,
 * so that «¿Qué hicieron tus tíos?» named no person at all. Undefined when `s` is already a
 * person stem, for English, and for any word that is no plural of a person word.
 * @param w the word, normalised; @param s its stem.
 */
export function pluralPersonStem(w: string, s: string, lex: Lexicon): string | undefined {
  if (lex.language !== 'es' || lex.personStems.has(s) || !pluralForm(w, 'es')) return undefined;
  for (const singular of [w.slice(0, -1), w.endsWith('es') ? w.slice(0, -2) : ''])
    if (singular) {
      const st = stem(singular, 'es');
      if (lex.personStems.has(st)) return st;
    }
  return undefined;
}

/**
 * Whether the question's person word `w` (stem `s`) is a plural the child has not said.
 * @param w the question's word, normalised (folded, lower case).
 * @param s its stem (lexicon language).
 * @param childTurns the child's turns, normalised.
 * @returns true only for a word of the persons list (lexicon `persons`) in the plural when no
 *   child word of the same stem, or of a word linked to it (lexicon synonyms and categories), is
 *   a plural; false for anything else.
 */
export function pluralPersonUnsaid(
  w: string,
  s: string,
  childTurns: readonly string[],
  lex: Lexicon,
): boolean {
  if (!pluralForm(w, lex.language)) return false;
  const person = lex.personStems.has(s) ? s : pluralPersonStem(w, s, lex);
  if (person === undefined) return false;
  for (const turn of childTurns)
    for (const c of words(turn)) {
      if (!pluralForm(c, lex.language)) continue;
      const cs = stem(c, lex.language);
      if (cs === s || cs === person || lex.categoryStems.get(cs)?.includes(person)) return false;
      const cp = pluralPersonStem(c, cs, lex);
      if (cp !== undefined && cp === person) return false;
    }
  return true;
}

/**
 * The first person word of `norm` in a plural the child has not said (see pluralPersonUnsaid), or
 * undefined: for the child's-words slots of scripted prompts ("Tell me about [your uncles]" after
 * "my uncle"), which are checked by stem elsewhere (scripted.ts fillIsSafe).
 * @param norm normalised text; @param childTurns the child's turns, normalised.
 */
export function unsaidPluralPerson(
  norm: string,
  childTurns: readonly string[],
  lex: Lexicon,
): string | undefined {
  for (const w of words(norm))
    if (pluralPersonUnsaid(w, stem(w, lex.language), childTurns, lex)) return w;
  return undefined;
}
