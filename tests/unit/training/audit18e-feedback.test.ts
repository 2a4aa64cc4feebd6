// Issue #18 outside audit 5 (N18e-3, N18e-5, N18e-7, N18e-9): what the feedback and the
// conclusion say, over many seeds, in en and es-419.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { judgeConclusion } from '../../../src/training/feedback';
import type { TrainingLanguage } from '../../../src/training/types';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const LANGS: TrainingLanguage[] = ['en', 'es'];

describe('N18e-5: a grooming indicator is not the disclosure of the act', () => {
  const INVITATIONS = {
    en: [
      'Tell me what you came to talk about today.',
      'Tell me everything about that.',
      'And then what happened?',
      'Tell me more about that.',
    ],
    es: [
      'Cuéntame a qué viniste a platicar hoy.',
      'Cuéntame todo sobre eso.',
      '¿Y luego qué pasó?',
      'Cuéntame más de eso.',
    ],
  };
  test.each(LANGS)(
    '%s teen-exploitation: "he says I owe him" without the dates leaves "cannot tell" correct',
    (lang) => {
      const base = builtInScenario('teen-exploitation', lang);
      if (!base) throw new Error('no scenario');
      const scenario = { ...base, reluctance: 0.3 };
      let oweOnly = 0;
      let actTold = 0;
      const wrong: number[] = [];
      for (let seed = 1; seed <= 150; seed++) {
        const sim = simulate(scenario, seed, INVITATIONS[lang].map(S));
        const measures = { allegationBy: sim.allegation.by };
        if (sim.elicited.has('dates')) {
          actTold++;
          expect(sim.allegation.by).toBe('child');
          continue;
        }
        if (!sim.elicited.has('owe')) continue;
        oweOnly++;
        const judged = judgeConclusion('cannot-tell', scenario, sim, { measures, falseDetails: [] });
        if (!judged.correct || sim.allegation.by === 'child') wrong.push(seed);
      }
      // The case the audit found (24/200 runs) occurs here too, and the act is still counted.
      expect(oweOnly).toBeGreaterThan(5);
      expect(actTold).toBeGreaterThan(5);
      expect(wrong).toEqual([]);
    },
  );
});
