// Shapes the training screens share, taken from the contract so they follow the core.
import type { ChannelResponse } from '../bridge/client';

export type Feedback = ChannelResponse<'training.finish'>['feedback'];
export type ScenarioSummary = ChannelResponse<'training.scenarios'>['scenarios'][number];
export type FullScenario = ChannelResponse<'training.getScenario'>['scenario'];
export type TraineeProgress = ChannelResponse<'training.progress'>['trainees'][number];
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
