// Training wording per language (locales/<lang>/training.json): the child's stock phrases,
// the words that frame a question without adding content, feedback goals and report labels.
import i18next, { type i18n as I18n } from 'i18next';
import enTexts from '../../locales/en/training.json';
import esTexts from '../../locales/es/training.json';
import type { ChildGender, TrainingLanguage } from './types';

export type TrainingTexts = typeof enTexts;

const TEXTS: Readonly<Record<TrainingLanguage, TrainingTexts>> = { en: enTexts, es: esTexts };

export function textsFor(language: TrainingLanguage): TrainingTexts {
  return TEXTS[language];
}

export function isTrainingLanguage(value: unknown): value is TrainingLanguage {
  return value === 'en' || value === 'es';
}

const plurals = new Map<TrainingLanguage, I18n>();

function pluralInstance(language: TrainingLanguage): I18n {
  const hit = plurals.get(language);
  if (hit) return hit;
  const made = i18next.createInstance();
  // Bundled resources: synchronous init, nothing fetched. Training wording writes {name}, not
  // i18next's default {{name}}.
  void made.init({
    resources: { en: { training: enTexts }, es: { training: esTexts } },
    lng: language,
    fallbackLng: false,
    ns: ['training'],
    defaultNS: 'training',
    initAsync: false,
    interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
    returnNull: false,
  });
  plurals.set(language, made);
  return made;
}

/**
 * A training text with a count, in the plural form the language's rules pick (i18next plural
 * keys `<key>_one`, `<key>_many`, `<key>_other` of locales/<lang>/training.json): "the one detail",
 * "the 3 details", never "the 1 detail(s)" (audit 18g, N18g-11).
 * @param key the dotted key without its plural suffix ("conclusion.plantedAllegation").
 * @param values the placeholders; `count` picks the form.
 */
export function fillPlural(
  language: TrainingLanguage,
  key: string,
  values: Record<string, string | number> & { count: number },
): string {
  const t = pluralInstance(language).getFixedT(language, 'training');
  return String(t(key, values));
}

/** Replaces {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * From this age Spanish feedback says "la adolescente" / "el adolescente" rather than "la niña" /
 * "el niño": the first age of the 14-17 band (src/protocols age bands; es-419 review fix23b).
 */
const YOUTH_FROM_AGE = 14;

/**
 * How feedback names the scenario's child, as {theChild}, {TheChild}, {toChild}, {ofChild},
 * {thisChild} and {ThisChild} values for fill() (locales/<lang>/training.json childNoun): in
 * Spanish by gender and age ("la niña", "al niño", "de la adolescente"), "el niño o la niña" when the
 * scenario gives no gender; in English "the child" throughout.
 */
export function childNoun(scenario: {
  language: TrainingLanguage;
  gender?: ChildGender;
  ageYears?: number;
}): Record<string, string> {
  const nouns = textsFor(scenario.language).childNoun;
  const youth = (scenario.ageYears ?? 0) >= YOUTH_FROM_AGE;
  const forms =
    scenario.gender === 'girl'
      ? youth
        ? nouns.youngWoman
        : nouns.girl
      : scenario.gender === 'boy'
        ? youth
          ? nouns.youngMan
          : nouns.boy
        : nouns.unknown;
  return { ...forms };
}
