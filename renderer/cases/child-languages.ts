// The languages US child advocacy centres most often meet, as BCP-47 codes. Names come from the
// browser's Intl.DisplayNames in the UI language, so no list of names is kept by hand. A child
// whose language differs from the interviewer's needs an interpreter (the core's rule,
// src/protocols/interpreter-need.ts), Spanish for an English-speaking interviewer included.
import { languagesDiffer } from '../../src/protocols/interpreter-need';

export const CHILD_LANGUAGES = [
  'en',
  'es',
  'pt',
  'fr',
  'ht',
  'zh',
  'vi',
  'ar',
  'ko',
  'tl',
  'ru',
  'uk',
  'so',
  'sw',
  'fa',
  'ps',
  'hmn',
  'ne',
  'my',
  'am',
  'ti',
  'ku',
  'ja',
  'hi',
  'pa',
  'bn',
  'ur',
  'pl',
  'ro',
  'qu',
  'yua',
  'quc',
  'mam',
  'kjb',
  'knj',
  'ixl',
  'cac',
  'kek',
  'cak',
  'tzo',
  'mix',
  'zap',
  'trc',
] as const;

/**
 * Indigenous languages of Guatemalan and Mexican children in US centres that ICU does not name
 * (or names only in English): ISO 639-3 codes, names as their speakers' communities and the
 * Guatemalan Academia de Lenguas Mayas / Mexico's INALI write them. Mixtec and Zapotec are
 * macrolanguages (mix, zap): the interpreter request still needs the town or variant; Triqui is
 * Copala Triqui (trc), the variant most met in the US.
 */
const NOT_IN_ICU: Record<string, Record<string, string>> = {
  yua: { en: 'Yucatec Maya', es: 'maya yucateco' },
  quc: { en: "K'iche'", es: "k'iche'" },
  mam: { en: 'Mam', es: 'mam' },
  kjb: { en: "Q'anjob'al", es: "q'anjob'al" },
  knj: { en: 'Akateko', es: 'akateko' },
  ixl: { en: 'Ixil', es: 'ixil' },
  cac: { en: 'Chuj', es: 'chuj' },
  kek: { en: "Q'eqchi'", es: "q'eqchi'" },
  cak: { en: 'Kaqchikel', es: 'kaqchikel' },
  tzo: { en: 'Tzotzil', es: 'tsotsil' },
  mix: { en: 'Mixtec', es: 'mixteco' },
  zap: { en: 'Zapotec', es: 'zapoteco' },
  trc: { en: 'Triqui (Copala)', es: 'triqui (de Copala)' },
};

/** The language's name in the UI language, falling back to the code itself. */
export function languageName(code: string, uiLanguage: string): string {
  const known = NOT_IN_ICU[code]?.[uiLanguage];
  if (known) return known;
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Whether a child speaking `childLanguage` needs an interpreter with an interviewer who speaks
 * `interviewerLanguage` (BCP-47 tags; variants of one language, such as es and es-MX, match).
 */
export function needsInterpreter(childLanguage: string, interviewerLanguage: string): boolean {
  return languagesDiffer(childLanguage, interviewerLanguage);
}
