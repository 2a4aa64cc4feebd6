// Words for the verifier's facts and reports, from locales/<lang>/verify.json (and the failure
// descriptions of locales/<lang>/ui.json, which the app already shows), through i18next. Used by
// the core (the English `proven` / `notProven` of a verdict) and the CLI (`--lang`).
import i18next, { type i18n as I18n } from 'i18next';
import enVerify from '../../locales/en/verify.json';
import esVerify from '../../locales/es/verify.json';
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import { renderFact, type Fact, type Translate } from './verify-facts';

/** Languages the verify report is written in. */
export const VERIFY_LANGUAGES = ['en', 'es'] as const;
export type VerifyLanguage = (typeof VERIFY_LANGUAGES)[number];

const bundled = new Map<string, I18n>();

/**
 * The i18next instance for `language` over bundled `resources` (language -> namespace -> keys),
 * one per (defaultNS, language), made on first use: initialised synchronously (initAsync
 * false), nothing is fetched, no HTML escaping (the text goes to a terminal or a PDF, not to
 * HTML), no fallback language (a missing key shows as such).
 */
export function bundledI18n(
  language: VerifyLanguage,
  resources: Record<VerifyLanguage, Record<string, object>>,
  defaultNS: string,
): I18n {
  const key = `${defaultNS}:${language}`;
  const cached = bundled.get(key);
  if (cached) return cached;
  const found = i18next.createInstance();
  void found.init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: Object.keys(resources[language]),
    defaultNS,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  bundled.set(key, found);
  return found;
}

function instance(language: VerifyLanguage): I18n {
  return bundledI18n(
    language,
    {
      en: { verify: enVerify, ui: { verify: { failures: enUi.verify.failures } } },
      es: { verify: esVerify, ui: { verify: { failures: esUi.verify.failures } } },
    },
    'verify',
  );
}

/** A translate function for the `verify` namespace in `language` (see verify-facts Translate). */
export function verifyTranslator(language: VerifyLanguage): Translate {
  const t = instance(language).getFixedT(language, 'verify');
  return (key, options) => String(t(key, options ?? {}));
}

/** Facts worded in `language`. */
export function wordFacts(facts: readonly Fact[], language: VerifyLanguage): string[] {
  const t = verifyTranslator(language);
  return facts.map((f) => renderFact(t, f));
}

/**
 * The app's description of a failure code (locales/<lang>/ui.json verify.failures), or
 * undefined when it has none (the caller shows the generic one).
 */
export function failureWords(language: VerifyLanguage, failure: string): string | undefined {
  const i = instance(language);
  const key = `verify.failures.${failure}`;
  return i.exists(key, { ns: 'ui' }) ? String(i.t(key, { ns: 'ui' })) : undefined;
}

/**
 * The report language from an explicit `--lang` value, else the environment (LC_ALL, then
 * LC_MESSAGES, then LANG, as POSIX orders them: "es_MX.UTF-8" -> es), else English. Returns
 * undefined for an explicit value that is not a supported language (the caller reports it).
 */
export function verifyLanguage(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
): VerifyLanguage | undefined {
  const pick = (tag: string): VerifyLanguage | undefined => {
    const base = tag.toLowerCase().split(/[-_.@]/)[0] ?? '';
    return (VERIFY_LANGUAGES as readonly string[]).includes(base)
      ? (base as VerifyLanguage)
      : undefined;
  };
  if (explicit !== undefined) return pick(explicit);
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return pick(value) ?? 'en';
  }
  return 'en';
}
