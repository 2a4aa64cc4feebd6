// The simulated child over every built-in scenario, in both languages: open invitations bring
// true facts and no false details, suggestive questions plant false details, the same questions
// always give the same answers, and younger children are more suggestible than older ones.
import interviews from '../../fixtures/training/interviews.json';
import {
  builtInScenarios,
  simulate,
  validateScenario,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';

const LANGUAGES: TrainingLanguage[] = ['en', 'es'];
const SEED = 7;
const turns = (texts: string[]) => texts.map((text) => ({ text }));
const suggestiveFor = (s: Scenario): string[] =>
  (interviews.suggestive[s.language] as Record<string, string[]>)[s.id] ?? [];

describe.each(LANGUAGES)('built-in scenarios (%s)', (language) => {
  const scenarios = builtInScenarios(language);

  test('at least six, across all four age bands, each valid', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    const bands = new Set(
      scenarios.map((s) => (s.ageYears <= 5 ? 0 : s.ageYears <= 9 ? 1 : s.ageYears <= 13 ? 2 : 3)),
    );
    expect([...bands].sort()).toEqual([0, 1, 2, 3]);
    for (const s of scenarios) {
      expect(() => validateScenario(s)).not.toThrow();
      expect(s.lures.length).toBeGreaterThan(0);
      expect(s.facts.some((f) => f.centrality === 'peripheral')).toBe(true);
    }
  });

  test.each(builtInScenarios(language).map((s) => [s.id, s] as const))(
    '%s: good invitations elicit more true facts and no false details; suggestive questions plant some',
    (_id, scenario) => {
      const good = simulate(scenario, SEED, turns(interviews.good[language]));
      const bad = simulate(scenario, SEED, turns(suggestiveFor(scenario)));
      expect(good.replies.every((r) => r.coding.recommended)).toBe(true);
      expect(bad.replies.every((r) => r.coding.type === 'suggestive')).toBe(true);
      expect(good.falseDetails).toEqual([]);
      expect(good.elicited.size).toBeGreaterThan(bad.elicited.size);
      expect(good.elicited.size).toBeGreaterThanOrEqual(3);
      expect(bad.falseDetails.length).toBeGreaterThan(0);
      // Every planted detail came from a suggestive question the child answered.
      for (const fd of bad.falseDetails)
        expect(bad.replies[fd.turn]?.newFalseDetails).toContainEqual(fd);
    },
  );
});

test('answers are a pure function of scenario, seed and questions (a replay gives the same child)', () => {
  const [scenario] = builtInScenarios('en');
  const questions = [
    ...interviews.good.en.slice(0, 3),
    ...interviews.suggestive.en['dog-bite'].slice(0, 3),
    ...interviews.good.en.slice(3),
  ];
  const once = simulate(scenario!, 99, turns(questions));
  const again = simulate(scenario!, 99, turns(questions));
  expect(again.replies.map((r) => r.answer)).toEqual(once.replies.map((r) => r.answer));
  // Answering one question at a time (as training.ask does) gives the same transcript.
  for (let k = 1; k <= questions.length; k++) {
    const prefix = simulate(scenario!, 99, turns(questions.slice(0, k)));
    expect(prefix.replies[k - 1]?.answer).toBe(once.replies[k - 1]?.answer);
  }
  // Other seeds give other children.
  const answers = new Set(
    [1, 2, 3, 4, 5, 6].map((seed) =>
      simulate(scenario!, seed, turns(questions))
        .replies.map((r) => r.answer)
        .join('|'),
    ),
  );
  expect(answers.size).toBeGreaterThan(1);
});

test('an adopted false detail comes back in later free recall', () => {
  const scenario = builtInScenarios('en').find((s) => s.id === 'dog-bite')!;
  let repeated = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const sim = simulate(
      scenario,
      seed,
      turns(["The dog was black, wasn't it?", ...interviews.good.en]),
    );
    if (sim.falseDetails.length === 0) continue;
    if (sim.replies.slice(1).some((r) => r.answer.includes('The dog was black.'))) repeated++;
  }
  expect(repeated).toBeGreaterThan(5);
});

test('directive questions get the remembered fact or "I don\'t know"', () => {
  const scenario = builtInScenarios('en').find((s) => s.id === 'stolen-bike')!;
  const sim = simulate(
    scenario,
    SEED,
    turns(['Where did you leave your bike?', 'What was the name of his dog?']),
  );
  expect(sim.replies[0]?.answer).toContain('library');
  expect(sim.replies[1]?.answer).toMatch(/don't (know|remember)/i);
});

test('rapport and ground rules are recognised, and skipping them makes a child more compliant', () => {
  const scenario = builtInScenarios('en').find((s) => s.id === 'shoplifting-sibling')!;
  const prepared = [
    { text: 'Tell me about things you like to do.', phaseId: 'rapport', substantive: false },
    {
      text: "If I ask something you don't know, say I don't know.",
      phaseId: 'groundRules',
      substantive: false,
    },
  ];
  const leading = ["Marco took crisps too, didn't he?", 'A security guard caught him, right?'];
  let withPrep = 0;
  let without = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const a = simulate(scenario, seed, [...prepared, ...turns(leading)]);
    expect(a.rapportDone).toBe(true);
    expect(a.groundRulesDone).toBe(true);
    expect(a.replies[0]?.answer).toBe(scenario.rapport[0]);
    withPrep += a.falseDetails.length;
    without += simulate(scenario, seed, turns(leading)).falseDetails.length;
  }
  expect(without).toBeGreaterThan(withPrep);
});

/**
 * Suggestibility by age, over 300 fixed seeds per scenario: the same scenario (same facts, same
 * personality) played as a 4-year-old and as a 15-year-old, asked the same suggestive questions.
 */
test('younger children adopt more false details than older ones (fixed seeds, statistical)', () => {
  const SEEDS = 300;
  const rows: string[] = [];
  for (const scenario of builtInScenarios('en')) {
    const questions = turns(suggestiveFor(scenario));
    const run = (ageYears: number) => {
      const variant: Scenario = { ...scenario, ageYears, personality: 'talkative' };
      const counts: number[] = [];
      for (let seed = 1; seed <= SEEDS; seed++)
        counts.push(simulate(variant, seed, questions).falseDetails.length);
      const mean = counts.reduce((a, b) => a + b, 0) / SEEDS;
      const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (SEEDS - 1);
      return { mean, variance };
    };
    const young = run(4);
    const old = run(15);
    // Welch's t statistic for the difference in means.
    const t = (young.mean - old.mean) / Math.sqrt(young.variance / SEEDS + old.variance / SEEDS);
    rows.push(
      `${scenario.id}: age 4 mean ${young.mean.toFixed(2)}, age 15 mean ${old.mean.toFixed(2)}, t=${t.toFixed(1)}`,
    );
    expect(young.mean).toBeGreaterThan(old.mean);
    expect(t).toBeGreaterThan(5);
  }
  // Visible in the test output for the report.
  process.stdout.write(`${rows.join('\n')}\n`);
});
