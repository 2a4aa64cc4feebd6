// Endearments used as address ("honey", "sweetie", «mija», «mi amor», «corazón») name the child
// being spoken to, not a detail of the event: taken out of the utterance before it is coded, so
// that "Sweetie, what happened next?" is the invitation it is and "Honey" is never read as a name
// the child has not said (coach41, issue #16 kind d). Only as a vocative: at the start before a
// comma, after a comma at the end, or between commas; "Did he call you honey?" keeps its word.
// The lists are Hearth's, of common US English and Latin American Spanish forms of address to
// children (es-419: «mija», «mijo», «m'ija», «mi amor», «corazón», «mi cielo», «mi vida»). Pure.
import type { Language } from './types';

const WORDS: Record<Language, string> = {
  en: 'honey|hon|sweetie|sweetie pie|sweetheart|sweet pea|sweetpea|darling|dear|buddy|bud|kiddo|pal|love|little one|champ|hun|honey bun|my dear',
  es: "mija|mijo|m'ija|m'ijo|mijita|mijito|mi amor|amor|mi corazon|mi corazón|corazon|corazón|mi cielo|cielo|mi vida|mi reina|mi rey|reina|nena|nene|chiquita|chiquito|mi niña|mi niño|mi nina|mi nino|preciosa|precioso|mi vida|cariño|carino|mi cariño|mi carino",
};

const AT_START: Record<Language, RegExp> = {
  en: new RegExp(`^(\\s*[¿¡]?\\s*)(?:oh,? )?(?:${WORDS.en})\\s*,\\s*`, 'i'),
  es: new RegExp(`^(\\s*[¿¡]?\\s*)(?:${WORDS.es})\\s*,\\s*`, 'i'),
};
const AT_END: Record<Language, RegExp> = {
  en: new RegExp(`\\s*,\\s*(?:${WORDS.en})\\s*([?.!…]*)\\s*$`, 'i'),
  es: new RegExp(`\\s*,\\s*(?:${WORDS.es})\\s*([?.!…]*)\\s*$`, 'i'),
};
const BETWEEN: Record<Language, RegExp> = {
  en: new RegExp(`,\\s*(?:${WORDS.en})\\s*,`, 'gi'),
  es: new RegExp(`,\\s*(?:${WORDS.es})\\s*,`, 'gi'),
};
// After a sentence end ("Okay. Honey, tell me more."): the next sentence's start.
const AFTER_STOP: Record<Language, RegExp> = {
  en: new RegExp(`([.?!…]\\s+[¿¡]?)(?:${WORDS.en})\\s*,\\s*`, 'gi'),
  es: new RegExp(`([.?!…]\\s+[¿¡]?)(?:${WORDS.es})\\s*,\\s*`, 'gi'),
};

/**
 * `text` without the endearments used as address (see the module note), or `text` itself when
 * it has none. The first letter left at the start is not re-capitalised (the coach folds case).
 * @param text an interviewer's utterance as typed or transcribed.
 * @param language 'en' or 'es'.
 */
export function withoutEndearments(text: string, language: Language): string {
  if (!text.includes(',')) return text;
  const out = text
    .replace(AT_START[language], '$1')
    .replace(AFTER_STOP[language], '$1')
    .replace(AT_END[language], '$1')
    .replace(BETWEEN[language], ',');
  return out.trim() === '' ? text : out;
}

// The endearment itself, as typed, in any of the positions above.
const ADDRESS: Record<Language, RegExp> = {
  en: new RegExp(
    `(?:^\\s*[¿¡]?\\s*(?:oh,? )?|[.?!…]\\s+[¿¡]?|,\\s*)(${WORDS.en})\\s*(?=,|[?.!…]*\\s*$)`,
    'i',
  ),
  es: new RegExp(
    `(?:^\\s*[¿¡]?\\s*|[.?!…]\\s+[¿¡]?|,\\s*)(${WORDS.es})\\s*(?=,|[?.!…]*\\s*$)`,
    'i',
  ),
};

/**
 * The first endearment `text` uses as address, as typed ("Honey", «mi amor»), or undefined when
 * withoutEndearments would leave the text as it is.
 * @param text an interviewer's utterance. @param language 'en' or 'es'.
 */
export function endearmentIn(text: string, language: Language): string | undefined {
  if (withoutEndearments(text, language) === text) return undefined;
  return ADDRESS[language].exec(text)?.[1];
}
