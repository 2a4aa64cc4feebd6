// rev21 finding 8 (issue #18): rapport questions ("How old are you?", "What grade are you in?")
// are told "not coded as a question about it" live, so they must not lower the headline shares.
// NICHD headline measures are over the substantive phase (Lamb, Orbach, Hershkowitz, Esplin &
// Horowitz 2007): the recommended and invitation shares count only the prompts asked in a
// substantive phase of the plan, as the practice session marks each turn. en and es-419.
import { planSession } from '../../../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import { buildFeedback } from '../../../src/training/feedback';

const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

const SUBSTANTIVE = {
  en: [
    S('Tell me what you came here to talk about today.'),
    S('Tell me more about that.'),
    S('Where were you?'),
    S('When did it happen?'),
  ],
  es: [
    S('Cuéntame a qué viniste hoy.'),
    S('Cuéntame más de eso.'),
    S('¿Dónde estabas?'),
    S('¿Cuándo pasó?'),
  ],
} as const;
const RAPPORT = {
  en: [R('How old are you?'), R('What grade are you in?')],
  es: [R('¿Cuántos años tienes?'), R('¿En qué grado estás?')],
} as const;

function feedbackOf(language: 'en' | 'es', questions: readonly PracticeTurn[]) {
  const scenario = builtInScenarios(language).find((s) => s.id === 'road-accident')!;
  const sim = simulate(scenario, 21, questions);
  const turns = questions.flatMap((q, i) => [
    { speaker: 'interviewer' as const, text: q.text, phaseId: q.phaseId },
    { speaker: 'child' as const, text: sim.replies[i]!.answer },
  ]);
  return buildFeedback({
    scenario,
    seed: 21,
    turns,
    simulation: sim,
    plan: planSession('nichd', scenario.ageYears, language),
    phasesEntered: new Set(questions.map((q) => q.phaseId ?? '')),
  });
}

test.each(['en', 'es'] as const)(
  '%s: rapport questions neither lower nor raise the headline shares',
  (language) => {
    const f = feedbackOf(language, [...RAPPORT[language], ...SUBSTANTIVE[language]]);
    // The rapport questions are coded as closed (wh-) prompts of the rapport stage…
    expect(f.coded.slice(0, 2).map((c) => [c.type, c.stage])).toEqual([
      ['directive', 'rapport'],
      ['directive', 'rapport'],
    ]);
    // …and the shares read the substantive phase only: 2 invitations, 2 wh- questions.
    expect(f.measures.substantivePrompts).toBe(4);
    expect(f.recommendedShare).toBeCloseTo(2 / 4, 10);
    expect(f.invitationShare).toBeCloseTo(2 / 4, 10);
    expect(f.invitationShare).toBe(f.measures.substantiveInvitationShare);
  },
);

test('no substantive prompt at all: the shares are 0, not the rapport talk', () => {
  const f = feedbackOf('en', [R('Tell me about things you like to do.'), R('How old are you?')]);
  expect(f.recommendedShare).toBe(0);
  expect(f.invitationShare).toBe(0);
});
