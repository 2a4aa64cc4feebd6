// Issue #18 audit N18d-5: a summary that moves the event ("So it happened at the beach." after
// the child said the park) is a leading declarative in English as in Spanish: children correct
// only a minority of interviewers' distortions and the uncorrected ones enter the account
// (Roberts & Lamb 1999, Legal Criminol Psychol 4:23-31). The coach (src/questions) and the
// practice feedback code it the same way; a summary in the child's own words stays a summary.
import { planSession } from '../../../src/protocols';
import { buildFeedback, builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import type { TrainingLanguage } from '../../../src/training/types';

const CHILD = { en: ['I was at the park.'], es: ['Estaba en el parque.'] } as const;
// [language, moves the place, keeps the child's place]
const PAIRS: ReadonlyArray<[TrainingLanguage, string, string]> = [
  ['en', 'So it happened at the beach.', 'So it happened at the park.'],
  ['en', 'It happened at the beach.', 'It happened at the park.'],
  ['en', 'And that all happened in the car.', 'And that all happened at the park.'],
  ['en', 'So it was at the beach.', 'So it was at the park.'],
  ['es', 'Entonces pasó en la playa.', 'Entonces pasó en el parque.'],
  ['es', 'Pasó en la playa.', 'Pasó en el parque.'],
  ['es', 'Eso fue en la playa.', 'Eso fue en el parque.'],
  ['es', 'Y todo eso pasó en el carro.', 'Y todo eso pasó en el parque.'],
];

describe('N18d-5: a summary that moves the place is leading in en and es', () => {
  test.each(PAIRS)('%s "%s" leading, "%s" a summary', (lang, moved, kept) => {
    const m = codeUtterance(moved, lang, [...CHILD[lang]], 8);
    expect([m.type, m.subtype]).toEqual(['suggestive', 'leading-declarative']);
    const k = codeUtterance(kept, lang, [...CHILD[lang]], 8);
    expect(k.type).not.toBe('suggestive');
  });

  test.each([
    ['en', 'Tell me everything that happened.', 'So it happened at the beach.'],
    ['es', 'Cuéntame todo lo que pasó.', 'Entonces pasó en la playa.'],
  ] as const)('%s practice feedback flags "%s" + "%s"', (lang, open, moved) => {
    // Deterministic: the flag comes from the coding of the trainee's words, not from the dice.
    const s = builtInScenario('dog-bite', lang)!;
    const turns: PracticeTurn[] = [open, moved].map((text) => ({
      text,
      phaseId: 'investigation',
      substantive: true,
    }));
    for (let seed = 1; seed <= 10; seed++) {
      const simulation = simulate(s, seed, turns);
      const f = buildFeedback({
        scenario: s,
        seed,
        turns: turns.flatMap((t, i) => [
          { speaker: 'interviewer' as const, text: t.text },
          { speaker: 'child' as const, text: simulation.replies[i]!.answer },
        ]),
        simulation,
        plan: planSession('nichd', s.ageYears, s.language),
        phasesEntered: new Set(['investigation']),
      });
      expect(f.flagged.some((q) => q.questionNumber === 2 && q.type === 'suggestive')).toBe(true);
      expect(f.measures.suggestive).toBeGreaterThan(0);
    }
  });
});
