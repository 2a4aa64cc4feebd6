// rev21 finding 3 (issue #18): the conclusion feedback must not say the child "did not tell the
// central act" when the child told it in its own words, only after a question had named it first.
// A disclosure is the child telling the act at any point of the session; who named it first is
// the separate allegation measure and its own reason. Through simulate and buildFeedback, en and
// es-419, on the interview the trainer ran (shoplifting-sibling, seed 1).
import { planSession } from '../../../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import { buildFeedback } from '../../../src/training/feedback';
import type { Conclusion } from '../../../src/training/types';

const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

// A leading start that names the theft, then free recall in which the child tells it.
const QUESTIONS = {
  es: [
    R('¿Te gusta la escuela?'),
    S('Tu hermano robó algo en la tienda, ¿verdad?'),
    S('¿Robó papitas o dulces?'),
    S('Tu mamá ya me contó todo. ¿Había un guardia?'),
    S('Cuéntame todo lo que pasó.'),
    S('¿Y luego qué pasó?'),
  ],
  en: [
    R('Do you like school?'),
    S('Your brother stole something at the store, didn’t he?'),
    S('Did he steal chips or candy?'),
    S('Your mom already told me everything. Was there a guard?'),
    S('Tell me everything that happened.'),
    S('And then what happened?'),
  ],
} as const;

function run(language: 'en' | 'es', questions: readonly PracticeTurn[], conclusion: Conclusion) {
  const scenario = builtInScenarios(language).find((s) => s.id === 'shoplifting-sibling')!;
  const sim = simulate(scenario, 1, questions);
  const turns = questions.flatMap((q, i) => [
    { speaker: 'interviewer' as const, text: q.text, phaseId: q.phaseId },
    { speaker: 'child' as const, text: sim.replies[i]!.answer },
  ]);
  const f = buildFeedback({
    scenario,
    seed: 1,
    turns,
    simulation: sim,
    plan: planSession('nichd', scenario.ageYears, language),
    phasesEntered: new Set(['rapport', 'investigation']),
    conclusion,
  });
  return { f, sim };
}

describe.each(['en', 'es'] as const)('%s: the act told after a question named it', (language) => {
  it('counts as a disclosure: "event" fits, with the named-first reason, never "did not tell"', () => {
    const { f, sim } = run(language, QUESTIONS[language], 'event');
    // The question named the act first; the child then told it in its own words.
    expect(f.measures.allegationBy).toBe('interviewer');
    const told = f.measures.disclosureQuestionNumber;
    expect(told).toBeGreaterThanOrEqual(f.measures.allegationQuestionNumber!);
    // Told in the child's words (a clause of the act, "Outside he gave me one…"), not a bare yes.
    expect(sim.replies[told! - 1]!.answer).toMatch(
      language === 'en' ? /gave me one/ : /me dio uno/,
    );
    // The free recall tells the theft itself (train31: possibly in its brief form, "...candy
    // bars in his pocket.", without the jacket).
    expect(sim.replies.map((r) => r.answer).join(' ')).toMatch(
      language === 'en' ? /candy bars in his (?:jacket )?pocket/ : /chocolates en el bolsillo/,
    );
    const c = f.conclusion!;
    expect(c.correct).toBe(true);
    expect(c.expected).toEqual(['event']);
    expect(c.explanation).not.toMatch(/did not tell the central act|no contó el hecho central/);
    expect(c.explanation).toMatch(
      language === 'en' ? /first named in a question/ : /lo nombró primero una pregunta/,
    );
  });

  it('"cannot tell" is then wrong, and the reason says the child did tell it', () => {
    const c = run(language, QUESTIONS[language], 'cannot-tell').f.conclusion!;
    expect(c.correct).toBe(false);
    expect(c.explanation).toMatch(
      language === 'en'
        ? /The child told the central act in their own words/
        : /La niña contó el hecho central con sus propias palabras/,
    );
  });

  it('without the free recall the act is not told: "did not tell" stays', () => {
    const c = run(language, QUESTIONS[language].slice(0, 3), 'event').f.conclusion!;
    expect(c.correct).toBe(false);
    expect(c.explanation).toMatch(
      language === 'en' ? /did not tell the central act/ : /no contó el hecho central/,
    );
  });
});
