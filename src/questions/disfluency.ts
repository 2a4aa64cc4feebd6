// Hesitation sounds in natural interviewer talk ("So, um, what happened next?", "Mmm, ¿cómo
// te agarró del brazo?", "Este, bueno, cuéntame todo") carry no content: NICHD coding codes the
// prompt the interviewer actually gives, and transcripts of real interviews are full of them
// (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231, coding
// of verbatim transcripts). Removing them keeps a hesitation from hiding an imperative or a
// request ("can you, um, tell me more?") and from being read as an unsaid detail ("Mmm").
// Hearth's own rule (coach18). Acknowledgements ("mm-hmm", "uh-huh", "ajá") are NOT removed:
// they are facilitators.
import type { Language } from './types';

// Pure hesitation tokens, not words: en "um", "uh", "er", "erm", "hmm", "mmm"; es "eh", "em",
// "mmm", and "este" only when set off by a comma (otherwise it is the demonstrative "este carro").
// Either half of a spaced acknowledgement ("mm hmm", "uh huh", "um hum") is kept.
const NOT_AFTER_ACK = String.raw`(?<!\b(?:m+|u+h+|u+m+)\s)`;
const NOT_BEFORE_ACK = String.raw`(?!\s+(?:h+m+|h+u+h+|h+u+m+)\b)`;
const TOKEN: Record<Language, string> = {
  en: String.raw`${NOT_AFTER_ACK}(?:u+m+|u+h+|e+r+m*|h+m+|m{2,})(?![-\w'])${NOT_BEFORE_ACK}`,
  es: String.raw`${NOT_AFTER_ACK}(?:e+h+|e+m+|m{2,}|u+m+|este(?=\s*,))(?![-\wáéíóúñ])${NOT_BEFORE_ACK}`,
};
// Discourse markers that are hesitations only when set off by commas ("tell me what happened,
// like, from the start"; "¿y, o sea, qué pasó?"): "what was it like" or "o sea que" keep them.
const SET_OFF: Record<Language, string> = {
  en: String.raw`like|you know|i mean`,
  es: String.raw`o sea|digamos|pues`,
};
// Openers that are hesitations before a comma ("You know, tell me everything").
const OPENER: Record<Language, string> = {
  en: String.raw`(?:you know|i mean)(?=\s*,)`,
  es: String.raw`o sea(?=\s*,)`,
};
const BOTH_COMMAS: Record<Language, RegExp> = {
  en: new RegExp(String.raw`,\s*(?:${TOKEN.en}|${SET_OFF.en})\s*,\s*`, 'gi'),
  es: new RegExp(String.raw`,\s*(?:${TOKEN.es}|${SET_OFF.es})\s*,\s*`, 'gi'),
};
const ANY: Record<Language, RegExp> = {
  en: new RegExp(String.raw`(^|[\s¿¡(])(?:${TOKEN.en})(?:\s*[,…]+|\.{3})?\s*`, 'gi'),
  es: new RegExp(String.raw`(^|[\s¿¡(])(?:${TOKEN.es})(?:\s*[,…]+|\.{3})?\s*`, 'gi'),
};
const LEADING: Record<Language, RegExp> = {
  en: new RegExp(String.raw`^(?:(?:${TOKEN.en}|${OPENER.en})\s*,\s*)+`, 'i'),
  es: new RegExp(String.raw`^(?:(?:${TOKEN.es}|${OPENER.es})\s*,\s*)+`, 'i'),
};
const QUICK: Record<Language, RegExp> = {
  en: /\b(?:u+[mh]|e+r|h+m|mm|like\s*,|you know\s*,|i mean\s*,)/i,
  es: /(?:\b(?:e+[hm]|mm|u+m)|\b(?:este|o sea|digamos|pues)\s*,)/i,
};

/**
 * The utterance without hesitation sounds ("um", "uh", "mmm", "eh", "este,"); the text itself
 * when it holds nothing else (a lone "Mmm." stays what it is).
 */
export function withoutHesitations(text: string, language: Language): string {
  if (!QUICK[language].test(text)) return text;
  const out = text
    .replace(LEADING[language], '')
    .replace(BOTH_COMMAS[language], ' ')
    .replace(ANY[language], '$1')
    .replace(/\s+([,.?!])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : text;
}
