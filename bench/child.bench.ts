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
  cuedVersusWh,
  exploitedAdolescent,
  guardedClosed,
  notTodayThenSecondSession,
  summaryThenInvitation,
  supportTiming,
  distortionsUncorrected,
  invitationsVersusWh,
  narrativePractice,
  pressureOnReluctance,
  reminiscence,
  saysDontUnderstand,
  secondSessionNewShare,
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
  // child26 (issue #18): cued invitations, summaries, guarded reluctance, support timing, the
  // exploited adolescent and "not today", in both languages (bench/child-effects.ts).
  const guardedRows: string[] = [];
  for (const lang of ['en', 'es'] as const) {
    const cued = cuedVersusWh(SEEDS / 5, lang);
    const guarded = guardedClosed(SEEDS / 2, lang);
    const timing = supportTiming(SEEDS / 10, lang);
    const teen = exploitedAdolescent(SEEDS / 2, lang);
    const later = notTodayThenSecondSession(SEEDS / 5, lang);
    rows.push(
      ...[
        cued,
        summaryThenInvitation(SEEDS / 5, lang),
        guarded,
        timing.beforeFirstFact,
        timing.effortVersusContent,
        timing.effortVersusNone,
        teen.slow,
        later.notToday,
      ].flatMap(effectRows),
      {
        metric: `cued invitation (${lang}): share coded cued-invitation (n=${cued.a.n})`,
        value: cued.cuedShare,
        unit: '',
      },
      {
        metric: `closed questions to a reluctant child (${lang}): interviews with a fact told to them (n=${guarded.b.n})`,
        value: guarded.reluctantWithFacts,
        unit: 'interviews',
        target: '0',
        met: guarded.reluctantWithFacts === 0,
      },
      {
        metric: `exploited adolescent (${lang}): share of interviews with facts told after a denial of being a victim (n=${teen.n})`,
        value: teen.answersWhileDenying,
        unit: '',
        target: '> 0',
        met: teen.answersWhileDenying > 0,
      },
      {
        metric: `"not today" (${lang}): facts in a supported second session after it (mean, n=${later.secondSessionFacts.n}; first session ${later.firstSessionFacts.mean.toFixed(2)})`,
        value: later.secondSessionFacts.mean,
        unit: 'facts',
        target: '> first session',
        met: later.secondSessionFacts.mean > later.firstSessionFacts.mean,
      },
    );
    guardedRows.push(
      ...guarded.byAge.map(
        (a) => `| ${lang} | ${a.age} | ${(a.bare * 100).toFixed(1)}% | ${a.n} |`,
      ),
    );
  }
  // train29: reminiscence across two sessions beside Katz & Hershkowitz's (2013) published share.
  const katz = secondSessionNewShare(SEEDS / 5);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // train31: detail units too (a fact, and the part its brief first telling leaves out).
  const katzRow = (label: string, r: (typeof katz.byAge)[number]) =>
    `| ${label} | ${r.told} | ${r.fresh} | ${pct(r.share)} | ${r.details} | ${r.freshDetails} | ${pct(r.detailShare)} | ${r.n} |`;
  const ageLabel = (prefix: string, r: (typeof katz.byAge)[number]) =>
    `${prefix}, ${r.age === 'all' ? 'all ages' : `age ${r.age}`}`;
  const katzTable = [
    '| second session | facts told | new facts | share new facts | detail units told | new units | share new details | sessions |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...katz.byAge.map((r) => katzRow(ageLabel('first: 5 invitations', r), r)),
    ...katz.poorInterview.map((r) => katzRow(ageLabel('first: 1 invitation, 2 wh-', r), r)),
    katzRow('5 invitations, poor first account (at most half the facts)', katz.poorFirst),
    katzRow('5 invitations, fuller first account', katz.fullerFirst),
    '| Katz & Hershkowitz 2013, abstract (56 children, forensic details) | | | | | | 58% | |',
  ].join('\n');
  const rates2 = [
    ...distortionsUncorrected(SEEDS, (age) => DISTORTION_UNCORRECTED[bandOf(age)], 'es'),
  ];
  await Promise.resolve();
  return {
    name: 'child',
    rows,
    extra: `Suggestibility by age (10 scenarios, ${SEEDS} seeds each):\n\n${byAge}\n\nRates by age, after open rapport (no ground rules):\n\n${rateTable(rates)}\n\nSpanish (es-419), the same wrong summary ("Entonces había una trompeta."):\n\n${rateTable(rates2)}\n\nA guarded (reluctant) child's closed answers that are bare ("Yes.", "No.", an option) rather than "I don't know", refusals left out, by age:\n\n| language | age | bare | n |\n|---|---:|---:|---:|\n${guardedRows.join('\n')}\n\nReminiscence across two sessions (first: open rapport, 4 invitations; second: the same, then "Who else was there?"), talkative variants of every built-in scenario:\n\n${katzTable}`,
  };
}
