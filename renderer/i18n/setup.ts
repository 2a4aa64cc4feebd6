// i18next with the UI catalogs bundled in: the app is offline, so nothing is fetched, and
// initialisation is synchronous (the first paint is already translated).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUi from '../../locales/en/ui.json';
import esUi from '../../locales/es/ui.json';
import enTrainingUi from '../../locales/en/training-ui.json';
import esTrainingUi from '../../locales/es/training-ui.json';
import enProtocolsUi from '../../locales/en/protocols-ui.json';
import esProtocolsUi from '../../locales/es/protocols-ui.json';
import enTeam from '../../locales/en/team.json';
import enVerify from '../../locales/en/verify.json';
import esVerify from '../../locales/es/verify.json';
import esTeam from '../../locales/es/team.json';

export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources = {
  en: {
    ui: enUi,
    trainingUi: enTrainingUi,
    protocolsUi: enProtocolsUi,
    team: enTeam,
    verify: enVerify,
  },
  es: {
    ui: esUi,
    trainingUi: esTrainingUi,
    protocolsUi: esProtocolsUi,
    team: esTeam,
    verify: esVerify,
  },
} as const;

const STORAGE_KEY = 'hearth.uiLanguage';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the system language when we have it, else English. */
export function initialLanguage(): UiLanguage {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(saved)) return saved;
  } catch {
    // Storage can be unavailable (privacy settings); the system language still works.
  }
  const system = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return isUiLanguage(system) ? system : 'en';
}

export function saveLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not saved: the choice still applies for this session.
  }
}

export interface I18nOptions {
  language?: UiLanguage;
  /** Tests pass a handler that fails on any missing key. */
  onMissingKey?: (language: string, key: string) => void;
}

export function createI18n(options: I18nOptions = {}): I18n {
  const instance = i18next.createInstance();
  const missing = options.onMissingKey;
  void instance.use(initReactI18next).init({
    resources,
    lng: options.language ?? initialLanguage(),
    fallbackLng: false,
    ns: ['ui'],
    defaultNS: 'ui',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: missing !== undefined,
    missingKeyHandler: missing ? (lngs, _ns, key) => missing(lngs.join(','), key) : undefined,
  });
  const syncDocument = (lng: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  };
  syncDocument(instance.language);
  instance.on('languageChanged', syncDocument);
  return instance;
}
