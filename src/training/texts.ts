// Training wording per language (locales/<lang>/training.json): the child's stock phrases,
// the words that frame a question without adding content, feedback goals and report labels.
import enTexts from '../../locales/en/training.json';
import esTexts from '../../locales/es/training.json';
import type { TrainingLanguage } from './types';

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
