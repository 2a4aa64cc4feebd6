// rev21 finding 4 (one instance): in narrative practice, "Tell me about your last birthday
// party." was coded suggestive/presumptive ("party") and became the first goal, though the
// revised NICHD protocol's (2014) episodic-memory practice itself names a recent event for the
// child to tell. In the practice phase such an invitation is open; a word of concern in it, or
// the same words about the event under investigation, keep the leading code. en and es-419.
import { planSession } from '../../../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import { buildFeedback } from '../../../src/training/feedback';

const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const P = (text: string): PracticeTurn => ({
  text,
  phaseId: 'narrativePractice',
  substantive: false,
});

const RAPPORT = {
  en: R('Tell me about things you like to do.'),
  es: R('Cuéntame de las cosas que te gusta hacer.'),
} as const;
const BIRTHDAY = {
  en: 'Tell me about your last birthday party.',
  es: 'Cuéntame de tu última fiesta de cumpleaños.',
} as const;

function feedbackOf(language: 'en' | 'es', questions: readonly PracticeTurn[]) {
  const scenario = builtInScenarios(language).find((s) => s.id === 'babysitter-repeated')!;
  const sim = simulate(scenario, 11, questions);
  const turns = questions.flatMap((q, i) => [
    { speaker: 'interviewer' as const, text: q.text, phaseId: q.phaseId },
    { speaker: 'child' as const, text: sim.replies[i]!.answer },
  ]);
  const f = buildFeedback({
    scenario,
    seed: 11,
    turns,
    simulation: sim,
    plan: planSession('nichd', scenario.ageYears, language),
    phasesEntered: new Set(questions.map((q) => q.phaseId ?? '')),
  });
  return { f, sim };
}

test.each(['en', 'es'] as const)(
  '%s: a named recent event in narrative practice is an open invitation, not the first goal',
  (language) => {
    const { f, sim } = feedbackOf(language, [RAPPORT[language], P(BIRTHDAY[language])]);
    expect(sim.replies[1]!.stage).toBe('practice');
    // The live code and the feedback's code agree.
    expect(sim.replies[1]!.coding.type).toBe('invitation');
    expect(f.coded[1]).toMatchObject({ type: 'invitation', stage: 'practice' });
    expect(f.flagged.map((x) => x.questionNumber)).not.toContain(2);
    expect(f.goals.map((g) => g.id)).not.toContain('avoidSuggestive');
    // Since coach39 a named holiday or special day is recognised as the episodic memory
    // training's topic before any presumption check, so the reason is the plain open-prompt one
    // ("Open prompt for free recall"), no longer the NICHD practice note that explained why
    // "party" was not flagged; it must at least not call the event a detail the child has not said.
    expect(sim.replies[1]!.coding.reason).not.toMatch(/has not said|no ha dicho/);
    // coach41 (kind i): the reason names the narrative-practice source again.
    expect(sim.replies[1]!.coding.reason).toMatch(/NICHD/);
    expect(sim.replies[1]!.coding.reason).toMatch(/Lamb et al\. 2018/);
  },
);

test('a word of concern in a practice prompt keeps the leading code', () => {
  const { sim } = feedbackOf('en', [
    RAPPORT.en,
    P('Tell me about the time he touched your private parts.'),
  ]);
  expect(sim.replies[1]!.coding.type).toBe('suggestive');
});
