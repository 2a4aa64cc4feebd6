// The simulated child against the research's known effects (bench/child-effects.ts): each
// effect over 10 scenarios x 4 ages x many seeds, with the means, Welch's t and whether the
// direction the research predicts holds. Rates (acquiescence, uncorrected distortions) are
// printed beside the figure research.ts builds the child from.
import {
  bandOf,
  DISTORTION_UNCORRECTED,
  UNANSWERABLE_YES_NO_ANSWERED,
} from '../src/training/research';
import {
  coWitnessVersusTag,
  distortionsUncorrected,
  invitationsVersusWh,
  narrativePractice,
  pressureOnReluctance,
  reminiscence,
  saysDontUnderstand,
  suggestionByAge,
  supportForReluctance,
  unanswerableYesNo,
  type Effect,
  type Rate,
} from './child-effects';
import type { BenchReport, BenchRow } from './harness';

const SEEDS = 50;

function effectRows(e: Effect): BenchRow[] {
  return [
    {
      metric: `${e.name}: ${e.measure}, ${e.a.label} (mean, n=${e.a.n})`,
      value: e.a.mean,
      unit: '',
    },
    {
      metric: `${e.name}: ${e.measure}, ${e.b.label} (mean, n=${e.b.n})`,
      value: e.b.mean,
      unit: '',
    },
    {
      metric: `${e.name}: Welch t (${e.a.label} - ${e.b.label})`,
      value: e.t,
      unit: 't',
      target: '> 3 (direction predicted)',
      met: e.holds && e.t > 3,
    },
  ];
}

function rateTable(rates: Rate[]): string {
  return [
    '| effect | age | simulated rate | built from (research.ts) | n |',
    '|---|---:|---:|---:|---:|',
    ...rates.map(
      (r) =>
        `| ${r.name} | ${r.age} | ${(r.rate * 100).toFixed(1)}% | ${(r.expected * 100).toFixed(0)}% | ${r.n} |`,
    ),
  ].join('\n');
}

export async function run(): Promise<BenchReport> {
  const suggestion = suggestionByAge(SEEDS);
  const support = supportForReluctance(SEEDS * 2);
  const practice = narrativePractice(SEEDS);
  const effects = [
    invitationsVersusWh(SEEDS),
    suggestion.effect,
    coWitnessVersusTag(SEEDS),
    support.facts,
    support.reluctant,
    pressureOnReluctance(SEEDS * 2),
    practice.practice,
    practice.openVsClosed,
    saysDontUnderstand(SEEDS),
  ];
  const rem = reminiscence(SEEDS);
  const rows: BenchRow[] = [
    ...effects.flatMap(effectRows),
    {
      metric: `reminiscence: new facts in a second session (mean, n=${rem.newFacts.n})`,
      value: rem.newFacts.mean,
      unit: 'facts',
      target: '> 0',
      met: rem.newFacts.mean > 0,
    },
    {
      metric: `harmless inconsistency: peripheral facts told differently in a second session (mean, n=${rem.toldDifferently.n})`,
      value: rem.toldDifferently.mean,
      unit: 'facts',
      target: '> 0',
      met: rem.toldDifferently.mean > 0,
    },
    {
      metric: `second session, open prompts only: false details (mean, n=${rem.falseDetails.n})`,
      value: rem.falseDetails.mean,
      unit: 'details',
      target: '0',
      met: rem.falseDetails.mean === 0,
    },
  ];
  const byAge = [
    '| age | false details per 6 suggestive prompts (mean) | sd | n |',
    '|---:|---:|---:|---:|',
    ...suggestion.byAge.map(
      (a) => `| ${a.age} | ${a.mean.toFixed(2)} | ${a.sd.toFixed(2)} | ${a.n} |`,
    ),
  ].join('\n');
  const rates = [
    ...unanswerableYesNo(SEEDS, (age) => UNANSWERABLE_YES_NO_ANSWERED[bandOf(age)]),
    ...distortionsUncorrected(SEEDS, (age) => DISTORTION_UNCORRECTED[bandOf(age)]),
  ];
  await Promise.resolve();
  return {
    name: 'child',
    rows,
    extra: `Suggestibility by age (10 scenarios, ${SEEDS} seeds each):\n\n${byAge}\n\nRates by age, after open rapport (no ground rules):\n\n${rateTable(rates)}`,
  };
}
