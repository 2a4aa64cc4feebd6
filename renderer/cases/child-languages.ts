// The languages US child advocacy centres most often meet, as BCP-47 codes. Names come from the
// browser's Intl.DisplayNames in the UI language, so no list of names is kept by hand. Hearth
// interviews in English and Spanish; any other child language needs an interpreter.
import { INTERVIEW_LANGUAGES } from '../plan/languages';

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
  'mam',
  'quc',
] as const;

/** Mayan languages common among Guatemalan and Mexican children that ICU does not name. */
const NOT_IN_ICU: Record<string, Record<string, string>> = {
  yua: { en: 'Yucatec Maya', es: 'maya yucateco' },
  mam: { en: 'Mam', es: 'mam' },
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

/** An interview in English or Spanish needs an interpreter for any other child language. */
export function needsInterpreter(childLanguage: string): boolean {
  return !(INTERVIEW_LANGUAGES as readonly string[]).includes(childLanguage);
}
