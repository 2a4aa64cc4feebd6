// Issue #18, es12 E12-6: the feedback names an adopted false detail in the interviewer's own
// words, quoted from the question as asked, never a mix of the child's and the interviewer's
// person ("me lastimaste mano", "vives tío").
import { planSession } from '../../../src/protocols';
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { askedPhrase, buildFeedback } from '../../../src/training/feedback';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const LEADS = [
  '¿Te lastimaste la mano?',
  '¿Vives con tu tío?',
  '¿Te pidió que te quitaras la ropa?',
  '¿Le diste el dinero a tu tía?',
  '¿Te pegó con una pala?',
  '¿Te sientes segura con él?',
  '¿Te encerró en un cuarto, mija?',
  '¿Él te grababa con su teléfono?',
];

describe('adopted details in the feedback (es12 E12-6)', () => {
  it.each([
    ['¿Te lastimaste la mano?', 'me lastimaste mano', 'Te lastimaste la mano'],
    ['¿Vives con tu tío?', 'vives tío', 'Vives con tu tío'],
    ['¿Le diste el dinero a tu tía?', 'diste tía', 'Le diste el dinero a tu tía'],
    ['¿Te pegó con una pala?', 'pegó pala', 'Te pegó con una pala'],
  ])('%s (%s) is quoted as asked', (q, detail, want) => {
    expect(askedPhrase(q, detail)).toBe(want);
  });

  it('keeps the detail words when the question does not hold them', () => {
    expect(askedPhrase('¿Y luego?', 'pala')).toBe('pala');
  });

  it('every non-lure false detail over 20 seeds is a phrase of its own question', () => {
    const scenario = { ...builtInScenario('teen-exploitation', 'es')!, reluctance: 0 };
    let checked = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const turns = [S('Cuéntame todo lo que pasó.'), ...LEADS.map(S)];
      const sim = simulate(scenario, seed, turns);
      const transcript = turns.flatMap((t, i) => [
        { speaker: 'interviewer' as const, text: t.text },
        { speaker: 'child' as const, text: sim.replies[i]!.answer },
      ]);
      const f = buildFeedback({
        scenario,
        seed,
        turns: transcript,
        simulation: sim,
        plan: planSession('nichd', scenario.ageYears, 'es'),
        phasesEntered: new Set(['investigation']),
        conclusion: 'event',
      });
      for (const d of f.falseDetails.filter((x) => !x.lure)) {
        checked++;
        expect(d.question.replace(/[¿?]/gu, '')).toContain(d.detail);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
