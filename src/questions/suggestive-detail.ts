// Which unsaid details of a closed question make it suggestive rather than option-posing
// (coach41, issue #16 item 2; the lead's scheme decision). Under the NICHD coding of Lamb,
// Orbach, Hershkowitz, Esplin & Horowitz 2007 (Child Abuse Negl 31:1201-1231), an utterance that
// assumes details not revealed by the child is suggestive; the issue's own example is "Did Alex
// touch your bottom?" after the child said Alex *hurt* it. Hearth applies that to the details
// that matter for an allegation (an act, a body part, an object of harm, a person, money,
// pictures, a gift, secrecy: lexicon suggestiveDetails). Neutral details (colours, clothes,
// rooms, times) and the child's own pain stay option-posing/new-detail. Pure.
import type { Lexicon } from './lexicon';
import { normalise, stem } from './text';
import { pluralPerson, type ChildVocabulary } from './vocabulary';

/** Whether at least one child turn with any word is on record (the scheme needs one). */
export function childHasSpoken(childWords: readonly string[] | undefined): boolean {
  return childWords !== undefined && childWords.some((w) => /[\p{L}\p{N}]/u.test(w));
}

// Capitalised words that do not open a sentence ("Did Alex..." -> alex), folded as norm folds
// them: a name the question puts to the child. "I" is not a name.
function capitalisedNames(original: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of original.split(/[.!?¿¡;:\n]+/)) {
    const ws = sentence
      .trim()
      .split(/[\s,"“”«»()]+/)
      .filter(Boolean);
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i] ?? '';
      if (w === 'I' || w.startsWith("I'")) continue;
      if (/^\p{Lu}\p{Ll}/u.test(w)) out.add(normalise(w).replace(/'s$/, ''));
    }
  }
  return out;
}

// Persons that are not put to the child as actors: the owner of a place ("at your dad's house",
// «en la casa de tu abuela»), the one the child told ("Did you tell your mom?", «¿Le dijiste a tu
// mamá?": the disclosure, not the event) and a description of a person the child named ("Is
// Tasha a girl or a woman?").
const PERSON_NOT_ACTOR: Record<'en' | 'es', RegExp> = {
  en: /\b\w+'?s (?:house|home|place|apartment|room|car|party|sleepover|birthday)\b|\b(?:did|have|had) you (?:tell|told|talk to|talked to)\b|^(?:is|was|are|were) \w+ (?:a|an)\b/,
  es: /\b(?:casa|cuarto|carro|departamento|fiesta|pijamada|cumpleanos|troca|camioneta) de (?:tu|su|la|el|mi)\b|\ble (?:dijiste|contaste|platicaste) a\b|^¿?(?:es|era|fue) \w+ (?:un|una)\b/,
};

// "Did he hit you with his hand or with something else?", «¿Te pegó con la mano o con otra
// cosa?»: a choice with an open alternative offers the instrument of the act, asks which.
const OPEN_ALTERNATIVE =
  /\b(?:or (?:with )?(?:something|anything|someone|somebody) else|o con (?:otra cosa|algo mas|alguna otra cosa))\b/;

// A body part inside an everyday idiom is not the body part: «ir a pie», "on foot", "by hand"
// (review28 C2: «¿Fuiste a pie a la fiesta?» read "pie" as the foot).
const IDIOM_PART: Record<'en' | 'es', RegExp> = {
  en: /\b(?:on foot|by hand)\b/,
  es: /\b(?:a pie|a mano)\b/,
};
const IDIOM_WORD: Record<'en' | 'es', ReadonlySet<string>> = {
  en: new Set(['foot', 'hand']),
  es: new Set(['pie', 'mano']),
};

/**
 * The abuse-relevant items among the unsaid details a closed question names.
 * @param details the unsaid details as classify.ts names them ("touch, bottom"; folded text,
 *   comma-separated, single words or lexicon phrases).
 * @param norm the question, normalised (folded, lower case).
 * @param original the question as typed (for capitalised names).
 * @param vocab the child's vocabulary: a body part the child's own act implies ("hand" after
 *   "he touched me", implied-parts.ts) is offered, not new.
 * @returns the items that are an act, body part, object of harm, money, pictures, gift, secrecy
 *   (lexicon suggestiveDetails) or a person (persons list or a capitalised name); an act of
 *   hurting inside a question about the child's own pain ("Did it hurt?") is not one. Empty when
 *   none is.
 */
export function abuseRelevantDetails(
  details: string,
  norm: string,
  original: string,
  lex: Lexicon,
  vocab: ChildVocabulary,
): string[] {
  const personAsked = !PERSON_NOT_ACTOR[lex.language].test(norm);
  const openChoice = OPEN_ALTERNATIVE.test(norm);
  const idiom = IDIOM_PART[lex.language].test(norm);
  const pain = lex.ownPain.exec(norm)?.[0] ?? '';
  const painWords = new Set(pain.split(' '));
  let names: Set<string> | undefined;
  const out: string[] = [];
  for (const item of details.split(', ')) {
    const it = item.trim();
    if (!it) continue;
    if (lex.suggestivePhrases.includes(it)) {
      out.push(it);
      continue;
    }
    const relevant = it.split(' ').some((w) => {
      if (idiom && IDIOM_WORD[lex.language].has(w)) return false;
      const s = stem(w, lex.language);
      if (lex.suggestiveStems.has(s))
        return (
          !painWords.has(w) &&
          !vocab.impliedParts.has(s) &&
          !vocab.impliedPartsOpen.has(s) &&
          !(openChoice && lex.categoryDetailStems.has(s))
        );
      if (!personAsked) return false;
      // «primos»: a plural the stemmer leaves whole is still the person word (coach42).
      if (lex.personStems.has(s) || pluralPerson(w, lex) !== undefined) return true;
      names ??= capitalisedNames(original);
      return names.has(w);
    });
    if (relevant) out.push(it);
  }
  return out;
}
