import { builtInScenarios } from '../../src/training';

/**
 * A trainer's own scenario for `training.saveScenario` (red team 19 tests): the first built-in
 * English scenario's child and facts under the trainer's `title`, so a test can save, edit and
 * forge one without writing a scenario out by hand.
 */
export function trainerScenarioInput(title: string) {
  const base = builtInScenarios('en')[0]!;
  return {
    language: 'en' as const,
    title,
    summary: 'S',
    ageYears: base.ageYears,
    alias: base.alias,
    personality: base.personality,
    rapport: base.rapport,
    facts: base.facts,
    lures: base.lures,
  };
}
