// Builds an open invitation that asks the same thing as a risky question, in the interview
// language, reusing the child's own words when the session knows them.
import type { Decision } from './classify';
import type { Lexicon } from './lexicon';
import { fold } from './text';
import type { ClassifyContext } from './types';
import { childVocabulary, reusedChildWord } from './vocabulary';

// "can you tell me X" -> X; the verb group is language-specific.
const FAUX_TELL: Record<'en' | 'es', RegExp> = {
  en: /^\s*(?:(?:ok(?:ay)?|so|and|now|well)[, ]+)*(?:can|could|would|will|might) you (?:please |maybe )?(?:tell|describe|explain|share|talk about|talk to me about|say|show)(?: (?:me|us))?(?: about)?\b/,
  es: /^\s*[¿¡]?\s*(?:(?:y|bueno|ok|entonces)[, ]+)*(?:me |nos )?(?:lo |la )?(?:puedes|podrias|puede|podria|pudieras|quieres|quisieras|querrias) (?:\S+ )?(?:contar|decir|describir|explicar|hablar|platicar|relatar)(?:me|nos|lo|la)*(?: de| sobre| acerca de)?\b/,
};
const FAUX_KNOW: Record<'en' | 'es', RegExp> = {
  en: /^\s*(?:(?:ok(?:ay)?|so|and|now|well)[, ]+)*(?:do|did) you (?:remember|recall|know)(?: about)?\b/,
  es: /^\s*[¿¡]?\s*(?:(?:y|bueno|ok|entonces)[, ]+)*(?:te acuerdas|recuerdas|te recuerdas|sabes)(?: de| si)?\b/,
};

export function buildSuggestion(
  original: string,
  d: Decision,
  lex: Lexicon,
  context?: ClassifyContext,
): string | undefined {
  const s = lex.suggestions;
  if (d.subtype === 'faux-invitation') {
    const folded = fold(original);
    const tell = FAUX_TELL[lex.language].exec(folded);
    const rest = tell ? tailAfter(original, tell[0].length) : undefined;
    if (rest) return s.fromFaux.replace('{rest}', rest);
    const know = FAUX_KNOW[lex.language].exec(folded);
    const known = know ? tailAfter(original, know[0].length) : undefined;
    if (known)
      return (
        /^(what|why|how|who|where|when|que|por|como|quien|donde|cuando)/.test(fold(known))
          ? s.fromFaux
          : s.remember
      ).replace('{rest}', known);
  }
  if (context?.childWords && context.childWords.length > 0) {
    const keyword = reusedChildWord(d.focus, childVocabulary(context.childWords, lex), lex);
    if (keyword) return s.withKeyword.split('{kw}').join(keyword);
  }
  if (d.subtype === 'time-or-count') return s.timeOrCount;
  return s.generic;
}

/** The rest of the original question after a prefix, without its final punctuation. */
function tailAfter(original: string, prefixLength: number): string | undefined {
  const rest = original
    .slice(prefixLength)
    .replace(/[?¿!.\s]+$/, '')
    .trim();
  return rest.length > 0 ? rest : undefined;
}
