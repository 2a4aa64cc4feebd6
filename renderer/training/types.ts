// Shapes the training screens share, taken from the contract so they follow the core.
import type { ChannelResponse } from '../bridge/client';

export type Feedback = ChannelResponse<'training.finish'>['feedback'];
export type ScenarioSummary = ChannelResponse<'training.scenarios'>['scenarios'][number];
export type FullScenario = ChannelResponse<'training.getScenario'>['scenario'];
export type TraineeProgress = ChannelResponse<'training.progress'>['trainees'][number];
export type StoredScores = NonNullable<ChannelResponse<'training.feedback'>['storedNotCheckable']>;
export type TrainingLanguage = 'en' | 'es';

export const TRAINING_LANGUAGES: readonly TrainingLanguage[] = ['en', 'es'];

export function asTrainingLanguage(value: string | undefined): TrainingLanguage {
  return value?.startsWith('es') ? 'es' : 'en';
}

/** Only trainers and admins read hidden memories and write scenarios (the core enforces it too). */
export function canAuthor(role: string): boolean {
  return role === 'admin' || role === 'trainer';
}

/** A fresh 32-bit seed: each practice interview gets its own, reproducible, simulated child. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export function percent(share: number): number {
  return Math.round(share * 100);
}

// Layout details the shared stylesheet does not cover. Style objects go through the CSSOM, which
// the shell's Content Security Policy allows (it forbids <style> elements and inline markup).
export const BARE_LIST = { listStyle: 'none', paddingLeft: 0 } as const;
export const BADGE = { fontSize: '0.95rem', padding: '0.15rem 0.7rem' } as const;
export const ROW = {
  borderTop: '1px solid #c9c4b8',
  paddingTop: '0.75rem',
  marginTop: '0.75rem',
} as const;
export const CURRENT_TAB = { fontWeight: 700, borderWidth: '3px' } as const;
export const NARROW_FIELD = { maxWidth: '22rem' } as const;

export type ChildGender = 'girl' | 'boy';

/**
 * From this age Spanish names the child "la adolescente" / "el adolescente": the first age of the
 * 14-17 band, as in src/training/texts.ts.
 */
const YOUTH_FROM_AGE = 14;

/**
 * The i18next context that names the scenario's child where a language marks gender ("Niña
 * simulada, 7 años", "La adolescente dijo «no entiendo»"): 'girl', 'boy', 'youngWoman' or 'youngMan'
 * by the scenario's gender and age; undefined when the scenario gives no gender, so the neutral
 * text is used. English has no variants and always falls back to the neutral key.
 */
export function childContext(
  gender: ChildGender | undefined,
  ageYears: number | undefined,
): string | undefined {
  if (gender === undefined) return undefined;
  const youth = (ageYears ?? 0) >= YOUTH_FROM_AGE;
  if (gender === 'girl') return youth ? 'youngWoman' : 'girl';
  return youth ? 'youngMan' : 'boy';
}
