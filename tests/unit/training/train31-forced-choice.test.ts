// train31 (issue #18): forced-choice questions as Peterson & Grant (2001, Can J Behav Sci
// 33(2):118-127, abstract) and Mehrani & Peterson (2015, Appl Cogn Psychol 29(3):418-424, doi
// 10.1002/acp.3119, abstract) found them. With one option true, preschoolers chose "the two given
// options equivalently often": a child who remembers the detail picks the true option wherever it
// is offered. With neither true, young children pick one anyway or say "I don't know", and a
// picked option is more often the second ("recency tendency"), a tendency that "grew weaker as
// children aged". Each statistic over many seeds and four ages, printed.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { FORCED_CHOICE_NONE_TRUE } from '../../../src/training/research';
import type { TrainingLanguage } from '../../../src/training/types';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const SEEDS = 100;
const AGES = [4, 7, 11, 15];

// dog-bite: the dog "was brown and fluffy" (a peripheral fact, not always remembered). The
// wrong option in the true-option questions is always the first pattern (white / blanco).
const Q = {
  en: {
    open: 'Tell me everything that happened.',
    trueFirst: 'Was the dog brown or white?',
    trueSecond: 'Was the dog white or brown?',
    neither: 'Was the dog white or gray?',
    truth: /\bbrown\b/i,
    first: /\bwhite\b/i,
    second: /\bgr[ae]y\b/i,
  },
  es: {
    open: 'Cuéntame todo lo que pasó.',
    trueFirst: '¿El perro era café o blanco?',
    trueSecond: '¿El perro era blanco o café?',
    neither: '¿El perro era blanco o gris?',
    truth: /caf[eé]/i,
    first: /\bblanc[oa]\b/i,
    second: /\bgris\b/i,
  },
} as const;

interface Tally {
  remembered: number;
  truePicked: number;
  picks: number;
  second: number;
  dontKnow: number;
  n: number;
}

function run(
  lang: TrainingLanguage,
  age: number,
): { trueFirst: Tally; trueSecond: Tally; neither: Tally } {
  const q = Q[lang];
  const tally = (): Tally => ({
    remembered: 0,
    truePicked: 0,
    picks: 0,
    second: 0,
    dontKnow: 0,
    n: 0,
  });
  const out = { trueFirst: tally(), trueSecond: tally(), neither: tally() };
  const sc = { ...builtInScenario('dog-bite', lang)!, ageYears: age, reluctance: 0 };
  for (let seed = 1; seed <= SEEDS; seed++)
    for (const kind of ['trueFirst', 'trueSecond', 'neither'] as const) {
      const sim = simulate(sc, seed, [S(q.open), S(q[kind])]);
      const answer = sim.replies[1]!.answer;
      const t = out[kind];
      t.n++;
      if (/know|sé|remember|acuerdo/i.test(answer)) t.dontKnow++;
      if (kind === 'neither') {
        const first = q.first.test(answer);
        const second = q.second.test(answer);
        if (first !== second) {
          t.picks++;
          if (second) t.second++;
        }
      } else if (sim.remembered.has('color')) {
        t.remembered++;
        if (q.truth.test(answer) && !q.first.test(answer)) t.truePicked++;
      }
    }
  return out;
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((a / b) * 100).toFixed(1)}%`);

describe.each(['en', 'es'] as const)('%s', (lang) => {
  const rows = AGES.map((age) => ({ age, ...run(lang, age) }));
  process.stdout.write(
    rows
      .map(
        (r) =>
          `train31 forced choice ${lang} age ${r.age}: true option picked when remembered, first ${pct(r.trueFirst.truePicked, r.trueFirst.remembered)} (n=${r.trueFirst.remembered}), second ${pct(r.trueSecond.truePicked, r.trueSecond.remembered)} (n=${r.trueSecond.remembered}); neither true: picked ${pct(r.neither.picks, r.neither.n)}, of picks the second ${pct(r.neither.second, r.neither.picks)}, "I don't know" ${pct(r.neither.dontKnow, r.neither.n)} (n=${r.neither.n})\n`,
      )
      .join(''),
  );

  test('a remembered true option is picked in either position', () => {
    for (const r of rows)
      for (const t of [r.trueFirst, r.trueSecond]) {
        expect(t.remembered).toBeGreaterThan(20);
        expect(t.truePicked / t.remembered).toBeGreaterThanOrEqual(0.95);
      }
  });

  test('neither true: young children pick one anyway, more often the second, less so with age', () => {
    const at = (age: number) => rows.find((r) => r.age === age)!.neither;
    const young = at(4);
    expect(young.picks / young.n).toBeGreaterThan(0.4);
    expect(young.second / young.picks).toBeGreaterThan(0.6);
    // The simulated shares follow research.ts within binomial noise (100 seeds).
    expect(Math.abs(young.picks / young.n - FORCED_CHOICE_NONE_TRUE[0].pick)).toBeLessThan(0.12);
    // Fewer picks with age, and a weaker pull to the second option at 15 than at 4.
    expect(at(15).picks / at(15).n).toBeLessThan(young.picks / young.n);
    expect(at(15).second / at(15).picks).toBeLessThan(young.second / young.picks);
    // Every age refuses or says "I don't know" sometimes.
    for (const r of rows) expect(r.neither.picks).toBeLessThan(r.neither.n);
  });
});
