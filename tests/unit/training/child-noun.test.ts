// Issue #18 audit B18-4 (second part): Spanish feedback names the scenario's child by gender and
// age ("la niña adoptó…", "Esta adolescente estaba reticente", from 14, the 14-17 band), never "el niño" for a girl; English says
// "the child". Checked over every built-in scenario, through buildFeedback and judgeConclusion.
import { planSession } from '../../../src/protocols';
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import { buildFeedback, judgeConclusion } from '../../../src/training/feedback';
import type { Scenario } from '../../../src/training/types';

const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

// A poor interview: no rapport beyond one line, leading and suggestive questions, so that most
// goals and the conclusion reasons appear.
const ES_QUESTIONS = [
  R('¿Te gusta la escuela?'),
  S('¿Alguien te lastimó con un cuchillo?'),
  S('Tu mamá dijo que te pegó con un palo, ¿verdad?'),
  S('¿Fue en la cocina o en el baño?'),
  S('¿Por qué no se lo dijiste a nadie?'),
  S('¿Te tocó la pierna?'),
];

function allTexts(scenario: Scenario, seed: number): string[] {
  const sim = simulate(scenario, seed, ES_QUESTIONS);
  const turns = ES_QUESTIONS.flatMap((q, i) => [
    { speaker: 'interviewer' as const, text: q.text },
    { speaker: 'child' as const, text: sim.replies[i]!.answer },
  ]);
  const f = buildFeedback({
    scenario,
    seed,
    turns,
    simulation: sim,
    plan: planSession('nichd', scenario.ageYears, 'es'),
    phasesEntered: new Set(['rapport', 'investigation']),
    conclusion: 'event',
  });
  return [...f.goals.map((g) => g.text), f.conclusion?.explanation ?? ''];
}

const expected = (s: Scenario): { own: RegExp; other: RegExp } => {
  const youth = s.ageYears >= 14;
  if (s.gender === 'girl')
    return youth
      ? {
          own: /\b(la|a la|de la|esta) adolescente\b/i,
          other: /\b(el|al|del|este) (adolescente|niño)\b/i,
        }
      : { own: /\b(la|a la|de la|esta) niña\b/i, other: /\b(el|al|del|este) niño\b/i };
  return youth
    ? {
        own: /\b(el|al|del|este) adolescente\b/i,
        other: /\b(la|a la|de la|esta) (adolescente|niña)\b/i,
      }
    : { own: /\b(el|al|del|este) niño\b/i, other: /\b(la|a la|de la|esta) niña\b/i };
};

describe.each(builtInScenarios('es').map((s) => [s.id, s] as const))(
  'es feedback names the child of %s by gender and age',
  (_id, scenario) => {
    it('every built-in scenario has a gender', () => {
      expect(['girl', 'boy']).toContain(scenario.gender);
    });
    it('goals and the conclusion use the right noun, never the other one, no open placeholder', () => {
      const { own, other } = expected(scenario);
      let named = 0;
      for (let seed = 1; seed <= 8; seed++)
        for (const text of allTexts(scenario, seed)) {
          expect(text).not.toMatch(/\{\w+\}/);
          // "niño o niña" forms belong to a scenario without gender only.
          expect(text).not.toMatch(/niño o (la )?niña/);
          expect(text).not.toMatch(other);
          if (own.test(text)) named++;
        }
      expect(named).toBeGreaterThan(0);
    });
  },
);

test('judgeConclusion: "La niña", "El adolescente" from 14, "El niño" at 13, and the neutral form without a gender', () => {
  const base = { language: 'es' as const, outcome: 'event' as const, summary: 'Resumen.' };
  const sim = { toldEarlier: new Set<string>() };
  const told = { measures: { allegationBy: 'none' as const }, falseDetails: [] };
  expect(
    judgeConclusion('event', { ...base, gender: 'girl', ageYears: 5 }, sim, told).explanation,
  ).toMatch(/La niña no contó el hecho central/);
  expect(
    judgeConclusion('event', { ...base, gender: 'boy', ageYears: 15 }, sim, told).explanation,
  ).toMatch(/El adolescente no contó el hecho central/);
  expect(
    judgeConclusion('event', { ...base, gender: 'boy', ageYears: 13 }, sim, told).explanation,
  ).toMatch(/El niño no contó el hecho central/);
  expect(judgeConclusion('event', base, sim, told).explanation).toMatch(
    /La persona entrevistada no contó el hecho central/,
  );
  expect(
    judgeConclusion('event', { ...base, language: 'en', gender: 'girl', ageYears: 5 }, sim, told)
      .explanation,
  ).toMatch(/The child did not tell the central act/);
});
