// Training wording per language (locales/<lang>/training.json): the child's stock phrases,
// the words that frame a question without adding content, feedback goals and report labels.
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

/** Replaces {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** From this age Spanish feedback says "la joven" / "el joven" rather than "la niña" / "el niño". */
const YOUTH_FROM_AGE = 13;

/**
 * How feedback names the scenario's child, as {theChild}, {TheChild}, {toChild}, {ofChild},
 * {thisChild} and {ThisChild} values for fill() (locales/<lang>/training.json childNoun): in
 * Spanish by gender and age ("la niña", "al niño", "de la joven"), "el niño o la niña" when the
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
