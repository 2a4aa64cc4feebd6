// Issue #18 audit N18d-4: open rapport raises later free-recall detail (Sternberg et al. 1997;
// Roberts, Lamb & Sternberg 2004) and narrative practice adds its own effect on top (Price,
// Roberts & Collins 2013; Brown et al. 2013: cumulative in the NICHD protocol). On main, a child
// prepared by open rapport told the whole practice event to the first practice invitation, so the
// practice brought no bonus and open rapport + practice equalled open rapport alone.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 60;
const ph = (phaseId: string, t: readonly string[]): PracticeTurn[] =>
  t.map((text) => ({ text, phaseId, substantive: false }));
const P = {
  en: {
    rapport: [
      'Tell me about things you like to do.',
      'Tell me more about that.',
      'Tell me about your favorite game.',
    ],
    practice: [
      'Tell me everything that happened on your last special day.',
      'And then what happened?',
      'Tell me more about that.',
    ],
    open: 'Tell me everything that happened.',
  },
  es: {
    rapport: [
      'Cuéntame de las cosas que te gusta hacer.',
      'Cuéntame más sobre eso.',
      'Cuéntame de tu juego favorito.',
    ],
    practice: [
      'Cuéntame todo lo que pasó en tu último día especial.',
      'Y luego, ¿qué pasó?',
      'Cuéntame más sobre eso.',
    ],
    open: 'Cuéntame todo lo que pasó.',
  },
} as const;

describe('N18d-4: open rapport and narrative practice each raise later recall, and add up', () => {
  // Paired seeds (the dice are keyed by seed and turn): preparation only raises the number of
  // facts the child may tell, so no seed tells fewer with more preparation and the comparisons
  // cannot fail by chance (false-failure probability 0); strictness needs one seed with more to
  // tell than the smaller bound, measured in every scenario below.
  test.each(
    (['en', 'es'] as const).flatMap((lang: TrainingLanguage) =>
      ['babysitter-repeated', 'stolen-bike', 'road-accident', 'dog-bite'].map((id) => [lang, id]),
    ),
  )('%s %s', (lang, id) => {
    const sc = builtInScenario(id, lang as TrainingLanguage)!;
    const p = P[lang as TrainingLanguage];
    const sub: PracticeTurn = { text: p.open, phaseId: 'investigation', substantive: true };
    const mean = (pre: PracticeTurn[]) => {
      let total = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = simulate(sc, seed, [...pre, sub]);
        total += sim.replies[sim.replies.length - 1]!.factIds.length;
      }
      return total / SEEDS;
    };
    const none = mean([]);
    const rapport = mean(ph('rapport', p.rapport));
    const practice = mean(ph('narrativePractice', p.practice));
    const both = mean([...ph('rapport', p.rapport), ...ph('narrativePractice', p.practice)]);
    process.stdout.write(
      `N18d-4 ${lang} ${id}: none ${none} rapport ${rapport} NP ${practice} both ${both}\n`,
    );
    expect(rapport).toBeGreaterThan(none);
    expect(practice).toBeGreaterThan(none);
    expect(both).toBeGreaterThan(rapport);
    expect(both).toBeGreaterThan(practice);
  });
});
