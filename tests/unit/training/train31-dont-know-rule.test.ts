// train31 (issue #18): an "I don't know" rule only stated has little effect at 3-5. With 3.2- to
// 5.1-year-olds, "instructions allowing 'I don't know' had no effect" (Peterson & Grant 2001,
// Can J Behav Sci 33(2):118-127, abstract); with 5- to 9-year-olds practising the rule helped
// it more than hearing it ("The Effects of Practice on Children's Ability to Apply Ground Rules
// in a Narrative Interview", Behav Sci Law 2015, 33(4):446-458, abstract). Measured over many
// seeds and the built-in scenarios: unanswerable yes/no questions answered (not "I don't know")
// and suggested details taken up, with no rule, the rule stated, and the rule practised.
import { builtInScenarios, simulate, type PracticeTurn } from '../../../src/training';
import { RULE_EFFECT } from '../../../src/training/research';

const T = (phaseId: string, text: string): PracticeTurn => ({
  text,
  phaseId,
  substantive: phaseId === 'investigation',
});
const STATE = "If you don't know the answer, just say 'I don't know'.";
const PRACTISE = "If you don't know the answer, just say 'I don't know'. So what is my dog's name?";
// The same number of turns in each condition (the dice are keyed by turn): without a rule, a
// ground-rules turn that states none.
const RULES = {
  none: [T('groundRules', 'My job is to talk with kids about things that happened.')],
  stated: [T('groundRules', STATE)],
  practised: [T('groundRules', PRACTISE)],
};
const SEEDS = 40;

/** Share of unanswerable yes/no questions answered, and of suggested details taken up. */
function measure(age: number, rule: keyof typeof RULES) {
  let answered = 0;
  let asked = 0;
  let adopted = 0;
  let suggested = 0;
  let practisedRight = 0;
  for (const base of builtInScenarios('en')) {
    const sc = { ...base, ageYears: age, personality: 'talkative' as const, reluctance: 0.05 };
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(sc, seed, [
        T('rapport', 'Tell me about things you like to do.'),
        ...RULES[rule],
        T('investigation', 'Tell me everything that happened.'),
        T('investigation', 'Was there a zebra?'),
        T('investigation', 'Did it have a trumpet?'),
        T('investigation', "There was a man with a green hat there, wasn't there?"),
      ]);
      if (rule === 'practised' && sim.rules.dontKnow === 'practised') practisedRight++;
      const n = sim.replies.length;
      for (const r of sim.replies.slice(n - 3, n - 1)) {
        asked++;
        if (!/know|remember|understand/i.test(r.answer)) answered++;
      }
      suggested++;
      if (sim.replies[n - 1]!.newFalseDetails.length > 0) adopted++;
    }
  }
  return { answered: answered / asked, adopted: adopted / suggested, asked, practisedRight };
}

const rows = [4, 8].map((age) => ({
  age,
  none: measure(age, 'none'),
  stated: measure(age, 'stated'),
  practised: measure(age, 'practised'),
}));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
process.stdout.write(
  rows
    .map(
      (r) =>
        `train31 don't-know rule, age ${r.age} (n=${r.none.asked} yes/no): answered none ${pct(r.none.answered)}, stated ${pct(r.stated.answered)}, practised ${pct(r.practised.answered)}; suggestion taken up none ${pct(r.none.adopted)}, stated ${pct(r.stated.adopted)}, practised ${pct(r.practised.adopted)}\n`,
    )
    .join(''),
);

test('at 4 a stated rule changes neither answering unanswerable questions nor uptake', () => {
  const at4 = rows[0]!;
  expect(RULE_EFFECT.dontKnow.statedAt3to5).toBe(1);
  expect(Math.abs(at4.stated.answered - at4.none.answered)).toBeLessThanOrEqual(0.02);
  expect(Math.abs(at4.stated.adopted - at4.none.adopted)).toBeLessThanOrEqual(0.02);
  // Practice (the item answered right) still lowers answering (Behav Sci Law 2015).
  expect(at4.practised.practisedRight).toBeGreaterThan(0);
  expect(at4.practised.answered).toBeLessThan(at4.none.answered - 0.05);
});

test('at 8 a stated rule lowers answering, and practice lowers it more', () => {
  const at8 = rows[1]!;
  expect(at8.stated.answered).toBeLessThan(at8.none.answered - 0.03);
  expect(at8.practised.answered).toBeLessThan(at8.stated.answered - 0.03);
});
