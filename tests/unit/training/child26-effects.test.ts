// Issue #18 (child26): the research's effects on the simulated child, each over many seeds, all
// four age bands and both languages (US English, Latin American Spanish), through the same
// functions `npm run bench -- child` prints for bench/RESULTS.md (bench/child-effects.ts, where
// each effect names its source). A direction that held for one seed only would fail here: every
// comparison is of means over the whole set, with Welch's t.
import {
  coWitnessVersusTag,
  cuedVersusWh,
  distortionsUncorrected,
  exploitedAdolescent,
  guardedClosed,
  invitationsVersusWh,
  narrativePractice,
  notTodayThenSecondSession,
  pressureOnReluctance,
  reminiscence,
  saysDontUnderstand,
  suggestionByAge,
  summaryThenInvitation,
  supportForReluctance,
  supportTiming,
  unanswerableYesNo,
} from '../../../bench/child-effects';
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import {
  bandOf,
  DISTORTION_UNCORRECTED,
  UNANSWERABLE_YES_NO_ANSWERED,
} from '../../../src/training/research';

const LANGS = ['en', 'es'] as const;

describe.each(LANGS)('child26 effects (%s)', (lang) => {
  test("a cued invitation in the child's own words brings clearly more new true facts than a wh- question (Lamb et al. 2007)", () => {
    const e = cuedVersusWh(3, lang);
    expect(e.a.n).toBeGreaterThanOrEqual(100);
    // The prompt is what it claims: the coach codes it a cued invitation.
    expect(e.cuedShare).toBeGreaterThanOrEqual(0.95);
    expect(e.holds).toBe(true);
    expect(e.t).toBeGreaterThan(3);
    expect(e.a.mean).toBeGreaterThan(2 * e.b.mean);
  });

  test('a summary of what the child said followed by an invitation brings recall', () => {
    const e = summaryThenInvitation(3, lang);
    expect(e.a.n).toBeGreaterThanOrEqual(100);
    expect(e.holds).toBe(true);
    expect(e.t).toBeGreaterThan(3);
    expect(e.a.mean).toBeGreaterThan(1);
  });

  test('a wrong summary is corrected more often with age, at the rates research.ts builds from (Roberts & Lamb 1999)', () => {
    const rates = distortionsUncorrected(10, (age) => DISTORTION_UNCORRECTED[bandOf(age)], lang);
    for (const r of rates) expect(Math.abs(r.rate - r.expected)).toBeLessThan(0.12);
    const young = rates[0]!;
    const old = rates[rates.length - 1]!;
    expect(1 - old.rate).toBeGreaterThan(1 - young.rate + 0.1);
  });

  test('a reluctant child tells no fact through a yes/no or choice question; it answers bare, younger ones more often', () => {
    const e = guardedClosed(10, lang);
    // Every seed at every age: not one fact told to a closed question while guarded ...
    expect(e.reluctantWithFacts).toBe(0);
    // ... while the same questions draw facts from the talkative child (the check can fail).
    expect(e.holds).toBe(true);
    expect(e.t).toBeGreaterThan(3);
    const byAge = new Map(e.byAge.map((x) => [x.age, x]));
    expect(byAge.get(4)!.bare).toBeGreaterThan(byAge.get(15)!.bare);
    expect(e.byAge.every((x) => x.bare > 0)).toBe(true);
  });

  test('support of effort before the first fact yields more than the same support after it, and more than praise of content', () => {
    const s = supportTiming(3, lang);
    expect(s.beforeFirstFact.a.n).toBeGreaterThanOrEqual(48);
    expect(s.beforeFirstFact.holds).toBe(true);
    expect(s.beforeFirstFact.t).toBeGreaterThan(2);
    expect(s.effortVersusContent.holds).toBe(true);
    expect(s.effortVersusContent.t).toBeGreaterThan(1.5);
    expect(s.effortVersusNone.holds).toBe(true);
    expect(s.effortVersusNone.t).toBeGreaterThan(2);
  });

  test('the reluctant exploited adolescent gives facts slowly and may tell them while still denying being a victim', () => {
    const x = exploitedAdolescent(10, lang);
    expect(x.n).toBe(40);
    expect(x.slow.holds).toBe(true);
    expect(x.slow.t).toBeGreaterThan(3);
    expect(x.slow.b.mean).toBeLessThan(x.slow.a.mean / 2);
    expect(x.answersWhileDenying).toBeGreaterThan(0.2);
  });

  test('pressure without support ends in "not today" and a second session with support still brings facts', () => {
    const n = notTodayThenSecondSession(4, lang);
    expect(n.notToday.holds).toBe(true);
    expect(n.notToday.t).toBeGreaterThan(3);
    expect(n.secondSessionFacts.n).toBeGreaterThan(20);
    expect(n.secondSessionFacts.mean).toBeGreaterThan(n.firstSessionFacts.mean + 1);
  });
});

test('content praise does not ease reluctance; the same words praising effort do (es and en)', () => {
  const sub = (t: string[]): PracticeTurn[] =>
    t.map((text) => ({ text, phaseId: 'investigation', substantive: true }));
  const cases = {
    en: ['Good job telling me about the motel.', 'Good job telling me what happened.'],
    es: ['Buen trabajo contándome lo del motel.', 'Gracias por contarme lo que pasó.'],
  } as const;
  for (const lang of LANGS) {
    const sc = builtInScenario('teen-exploitation', lang)!;
    for (let seed = 1; seed <= 20; seed++) {
      const content = simulate(sc, seed, sub([cases[lang][0]]));
      const effort = simulate(sc, seed, sub([cases[lang][1]]));
      expect(content.reluctanceEnd).toBeGreaterThanOrEqual(content.reluctanceStart);
      expect(effort.reluctanceEnd).toBeLessThan(effort.reluctanceStart);
    }
  }
});

// The other "child" items, checked through the bench's own effects over all ten
// scenarios at ages 4, 7, 11 and 15 (English; the bench prints the full-size run). Before child26
// these ran only in `npm run bench`, where a reversed direction is a printed "no", not a failure.
describe('issue #18 "The child" items, every scenario and age band', () => {
  test('invitations bring more true details than wh- questions', () => {
    const e = invitationsVersusWh(2);
    expect(e.a.n).toBe(80);
    expect(e.holds && e.t > 3).toBe(true);
  });

  test('suggestion plants false details, more at 4 than at 15; co-witness information more than a yes/no question', () => {
    const s = suggestionByAge(8);
    expect(s.effect.holds && s.effect.t > 2).toBe(true);
    const co = coWitnessVersusTag(3);
    expect(co.holds && co.t > 2).toBe(true);
  });

  test('reluctance persists without support, yields with it, and grows or turns compliant under pressure', () => {
    const s = supportForReluctance(8);
    expect(s.facts.holds && s.facts.t > 3).toBe(true);
    expect(s.reluctant.holds && s.reluctant.t > 2).toBe(true);
    const p = pressureOnReluctance(8);
    expect(p.holds && p.t > 2).toBe(true);
  });

  test('open rapport beats closed rapport, and narrative practice adds to it', () => {
    const n = narrativePractice(3);
    expect(n.practice.holds).toBe(true);
    expect(n.openVsClosed.holds).toBe(true);
  });

  test('unanswerable yes/no questions are answered at the research.ts rates, falling with age', () => {
    const rates = unanswerableYesNo(5, (age) => UNANSWERABLE_YES_NO_ANSWERED[bandOf(age)]);
    for (const r of rates) expect(Math.abs(r.rate - r.expected)).toBeLessThan(0.1);
    expect(rates[0]!.rate).toBeGreaterThan(rates[rates.length - 1]!.rate + 0.2);
  });

  test('"I don\'t understand" comes more often once the rule was practised', () => {
    const e = saysDontUnderstand(3);
    expect(e.holds && e.t > 2).toBe(true);
  });

  test('a second session brings new facts and harmless inconsistency, and open prompts plant nothing', () => {
    const r = reminiscence(2);
    expect(r.newFacts.mean).toBeGreaterThan(0.5);
    expect(r.toldDifferently.mean).toBeGreaterThan(0);
    expect(r.falseDetails.mean).toBe(0);
  });
});
