// One practice interview run as the training service runs it, for the training feedback tests
// (fb23-chips-goals, fb26-goals, rev18-feedback repeated this set-up; train27): the NICHD plan
// for the scenario's age and language, the simulated child with the plan's scripted prompts, and
// the feedback over the whole dialogue with the phases the turns entered.
import { planSession } from '../../src/protocols';
import {
  buildFeedback,
  builtInScenarios,
  simulate,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../src/training';
import { scriptedMatchers } from '../../src/training/scripted';

/** The phases whose turns are substantive (the NICHD plan's; `directive` only in rev18's use). */
const SUBSTANTIVE = new Set(['transition', 'investigation', 'directive', 'closing']);

/** An interviewer turn in a plan phase, marked substantive as the live practice screen marks it. */
export const practiceTurn = (phaseId: string, text: string): PracticeTurn => ({
  text,
  phaseId,
  substantive: SUBSTANTIVE.has(phaseId),
});

/** A built-in scenario by id; throws (naming it) when there is none in that language. */
export function builtInScenario(language: TrainingLanguage, id: string): Scenario {
  const found = builtInScenarios(language).find((s) => s.id === id);
  if (!found) throw new Error(`no built-in scenario ${id} in ${language}`);
  return found;
}

/**
 * Runs the child and the feedback for `turns` (earlier sessions with the same child in
 * `earlier`), as src/training/service.ts does: phases on every turn, the plan's scripted
 * prompts recognised. Returns the simulation and the feedback.
 */
export function runPractice(
  s: Scenario,
  seed: number,
  turns: PracticeTurn[],
  earlier: PracticeTurn[][] = [],
) {
  const plan = planSession('nichd', s.ageYears, s.language);
  const simulation = simulate(s, seed, turns, earlier, scriptedMatchers(plan));
  const dialogue = turns.flatMap((t, i) => [
    { speaker: 'interviewer' as const, text: t.text, ...(t.phaseId ? { phaseId: t.phaseId } : {}) },
    {
      speaker: 'child' as const,
      text: simulation.replies[i]?.answer ?? '',
      ...(t.phaseId ? { phaseId: t.phaseId } : {}),
    },
  ]);
  const feedback = buildFeedback({
    scenario: s,
    seed,
    turns: dialogue,
    simulation,
    plan,
    phasesEntered: new Set(turns.map((t) => t.phaseId ?? '')),
  });
  return { simulation, feedback };
}
