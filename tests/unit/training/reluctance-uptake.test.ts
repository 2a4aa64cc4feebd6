// Issue #18 audit N18d-1: reluctance is withholding, not compliance. In exploited adolescents it
// shows as denial, minimising and disengagement (Henderson, Cho, Nogalska & Lyon 2021; Lavoie,
// Dickerson, Redlich & Quas 2019); pressure went with more reluctance (Nogalska et al. 2021);
// with maltreated 4-9-year-olds keeping a secret, false alarms were rare (Ahern, Stolzenberg,
// McWilliams & Lyon 2016). See research.ts RELUCTANCE.uptakeDamping. So a reluctant child must not
// take up an invented detail ("Did he give you drugs?") more often than a child who is not.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 200;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' } as const;

// [English, Spanish]: invented coercion, none of it true in the scenario.
const LURES: ReadonlyArray<readonly [string, string]> = [
  ['Did he give you drugs?', '¿Te dio drogas?'],
  ['Did he lock you in a room?', '¿Te encerró en un cuarto?'],
];

/** Share of seeds where the lure became the child's detail, and where the answer was "yes". */
function rates(language: TrainingLanguage, question: string, reluctance: number) {
  const scenario = { ...builtInScenario('teen-exploitation', language)!, reluctance };
  let adopted = 0;
  let yes = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const reply = simulate(scenario, seed, [S(OPEN[language]), S(question)]).replies[1]!;
    if (reply.newFalseDetails.length > 0) adopted++;
    if (/^(?:yes|yeah|s[ií])(?![\p{L}])/iu.test(reply.answer)) yes++;
  }
  return { adopted: adopted / SEEDS, yes: yes / SEEDS };
}

describe('N18d-1: reluctance lowers the uptake of suggested details', () => {
  // The dice are keyed by seed, key and turn (rng.ts), so the runs at each reluctance level use
  // the same random numbers; with uptake falling in reluctance, a seed that adopts when reluctant
  // also adopts when not, and the comparison cannot fail by chance (false-failure probability 0
  // for <=). Were the draws independent, the measured drops (adoption about 0.195 at reluctance
  // 0, 0.09 at 0.7, 0.045 at 1, 200 runs each) would reverse by chance with probability about
  // 0.1% for 0.7 (z = 3.0) and below 0.0002% for 1 (z = 4.7).
  test.each(LURES)('"%s" / "%s": reluctant no more likely to adopt', (en, es) => {
    for (const [language, question] of [
      ['en', en],
      ['es', es],
    ] as const) {
      const none = rates(language, question, 0);
      const some = rates(language, question, 0.7);
      const full = rates(language, question, 1);
      process.stdout.write(
        `N18d-1 ${language} ${question} adopt 0:${none.adopted} 0.7:${some.adopted} 1:${full.adopted}\n`,
      );
      expect(some.adopted).toBeLessThanOrEqual(none.adopted);
      expect(full.adopted).toBeLessThan(none.adopted);
      expect(some.yes).toBeLessThanOrEqual(none.yes);
      expect(full.yes).toBeLessThan(none.yes);
      // Not an empty model: the lure is still adopted sometimes without reluctance.
      expect(none.adopted).toBeGreaterThan(0);
    }
  });
});
