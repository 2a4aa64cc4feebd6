// The interviewing research's known effects, measured on the simulated child over many seeds,
// scenarios and ages. Shared by the unit tests (which assert the direction and size of each
// effect) and `npm run bench child` (which prints the statistics for bench/RESULTS.md).
import interviews from '../tests/fixtures/training/interviews.json';
import { builtInScenarios, simulate, type PracticeTurn, type Scenario } from '../src/training';

export interface Sample {
  mean: number;
  sd: number;
  n: number;
}

export function sample(values: readonly number[]): Sample {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(variance), n };
}

/** Welch's t for the difference of two means (a - b). */
export function welch(a: Sample, b: Sample): number {
  const se = Math.sqrt(a.sd ** 2 / a.n + b.sd ** 2 / b.n);
  return se === 0
    ? a.mean === b.mean
      ? 0
      : Infinity * Math.sign(a.mean - b.mean)
    : (a.mean - b.mean) / se;
}

export interface Effect {
  name: string;
  /** What is compared, e.g. "true facts per interview". */
  measure: string;
  a: { label: string } & Sample;
  b: { label: string } & Sample;
  t: number;
  /** The direction the research predicts: a > b. */
  holds: boolean;
}

const AGES = [4, 7, 11, 15] as const;
const sub = (texts: readonly string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId: 'investigation', substantive: true }));
const phase = (phaseId: string, texts: readonly string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId, substantive: false }));

const WH_QUESTIONS = [
  'Who was there?',
  'Where were you?',
  'When did it happen?',
  'What did he do?',
  'What was he wearing?',
  'What color was it?',
  'Who else was there?',
  'Where did he go?',
];

function variants(seedsPerAge: number): Array<{ scenario: Scenario; seed: number }> {
  const out: Array<{ scenario: Scenario; seed: number }> = [];
  for (const base of builtInScenarios('en'))
    for (const ageYears of AGES)
      for (let seed = 1; seed <= seedsPerAge; seed++)
        out.push({
          scenario: { ...base, ageYears, personality: 'talkative', reluctance: 0.05 },
          seed,
        });
  return out;
}

function effect(
  name: string,
  measure: string,
  la: string,
  a: number[],
  lb: string,
  b: number[],
): Effect {
  const sa = sample(a);
  const sb = sample(b);
  const t = welch(sa, sb);
  return {
    name,
    measure,
    a: { label: la, ...sa },
    b: { label: lb, ...sb },
    t,
    holds: sa.mean > sb.mean,
  };
}

/** Open invitations bring more true details than wh- questions (Lamb et al. 2003, 2007). */
export function invitationsVersusWh(seedsPerAge: number): Effect {
  const inv: number[] = [];
  const wh: number[] = [];
  for (const { scenario, seed } of variants(seedsPerAge)) {
    inv.push(simulate(scenario, seed, sub(interviews.good.en)).elicited.size);
    wh.push(simulate(scenario, seed, sub(WH_QUESTIONS)).elicited.size);
  }
  return effect(
    'invitations vs wh-',
    'true facts per 8 prompts',
    '8 invitations',
    inv,
    '8 wh- questions',
    wh,
  );
}

/** Suggestive prompts plant false details, more in younger children (Ceci & Bruck 1993). */
export function suggestionByAge(seeds: number): {
  byAge: Array<{ age: number } & Sample>;
  effect: Effect;
} {
  const byAge = AGES.map((age) => {
    const values: number[] = [];
    for (const base of builtInScenarios('en')) {
      const questions = (interviews.suggestive.en as Record<string, string[]>)[base.id] ?? [];
      const scenario: Scenario = {
        ...base,
        ageYears: age,
        personality: 'talkative',
        reluctance: 0.05,
      };
      for (let seed = 1; seed <= seeds; seed++)
        values.push(simulate(scenario, seed, sub(questions)).falseDetails.length);
    }
    return { age, ...sample(values) };
  });
  const young = byAge[0]!;
  const old = byAge[byAge.length - 1]!;
  return {
    byAge,
    effect: {
      name: 'suggestion: age 4 vs 15',
      measure: 'false details per 6 suggestive prompts',
      a: { label: 'age 4', ...young },
      b: { label: 'age 15', ...old },
      t: welch(young, old),
      holds: young.mean > old.mean,
    },
  };
}

/** Co-witness information plants more than a plain tag question (Garven et al. 1998). */
export function coWitnessVersusTag(seedsPerAge: number): Effect {
  const co: number[] = [];
  const tag: number[] = [];
  for (const { scenario, seed } of variants(seedsPerAge)) {
    const lure = scenario.lures[0];
    if (!lure) continue;
    const detail = lure.text.replace(/\.$/, '').replace(/^(\p{Lu})/u, (c) => c.toLowerCase());
    co.push(
      simulate(scenario, seed, sub([`The other kids told me that ${detail}.`])).falseDetails.length,
    );
    tag.push(simulate(scenario, seed, sub([`Is it true that ${detail}?`])).falseDetails.length);
  }
  return effect(
    'co-witness vs yes/no',
    'false details per prompt',
    'co-witness statement',
    co,
    'yes/no question',
    tag,
  );
}

const SUPPORT = [
  'I can see this is hard to talk about. You can take your time.',
  'You can tell me about anything here, easy things or hard things.',
  "Thanks for sticking with this. I know it isn't easy.",
  'I talk with a lot of young people about all kinds of things that happen to them.',
  'You are doing a good job of listening and talking with me.',
];
const OPEN = [
  'Tell me what you came here to talk about today.',
  'Tell me everything about that.',
  'And then what happened?',
  'Tell me more about that.',
  'What happened next?',
  'Tell me everything else you remember.',
];

/** Reluctance persists without support and yields with it (Hershkowitz et al. 2006; Ahern et
 * al. 2014): the same open prompts, with or without a supportive statement before each. */
export function supportForReluctance(seeds: number): { facts: Effect; reluctant: Effect } {
  const reluctantScenarios = builtInScenarios('en').filter((s) => s.personality === 'reluctant');
  const withFacts: number[] = [];
  const withoutFacts: number[] = [];
  const withHeld: number[] = [];
  const withoutHeld: number[] = [];
  for (const scenario of reluctantScenarios)
    for (let seed = 1; seed <= seeds; seed++) {
      const supported = simulate(
        scenario,
        seed,
        sub(OPEN.flatMap((q, i) => [SUPPORT[i % SUPPORT.length]!, q])),
      );
      const plain = simulate(scenario, seed, sub(OPEN));
      withFacts.push(supported.elicited.size);
      withoutFacts.push(plain.elicited.size);
      const held = (sim: typeof plain) =>
        sim.replies.filter((r) => r.coding.type !== 'other').filter((r) => r.reluctant).length /
        OPEN.length;
      withHeld.push(1 - held(supported));
      withoutHeld.push(1 - held(plain));
    }
  return {
    facts: effect(
      'support for a reluctant child',
      'true facts per 6 open prompts',
      'with support',
      withFacts,
      'without',
      withoutFacts,
    ),
    reluctant: effect(
      'support for a reluctant child',
      'share of open prompts answered',
      'with support',
      withHeld,
      'without',
      withoutHeld,
    ),
  };
}

/** Pressure makes a reluctant child more reluctant or compliant: reluctance at the end. */
export function pressureOnReluctance(seeds: number): Effect {
  const pressured: number[] = [];
  const patient: number[] = [];
  for (const scenario of builtInScenarios('en').filter((s) => s.personality === 'reluctant'))
    for (let seed = 1; seed <= seeds; seed++) {
      const questions = (interviews.suggestive.en as Record<string, string[]>)[scenario.id] ?? [];
      const p = simulate(
        scenario,
        seed,
        sub(OPEN.flatMap((q, i) => [questions[i % questions.length]!, q])),
      );
      const q = simulate(scenario, seed, sub(OPEN.flatMap((x) => ['Mm-hm.', x])));
      pressured.push(p.reluctanceEnd + p.falseDetails.length);
      patient.push(q.reluctanceEnd + q.falseDetails.length);
    }
  return effect(
    'pressure on a reluctant child',
    'reluctance at end + false details',
    'suggestive pressure',
    pressured,
    'facilitators',
    patient,
  );
}

const RAPPORT_OPEN = ['Tell me about things you like to do.', 'Tell me more about that.'];
const RAPPORT_CLOSED = [
  'Do you like school?',
  'Do you have a pet?',
  'Is your favorite color blue?',
];
const PRACTICE = [
  'Tell me everything that happened on your birthday.',
  'And then what happened?',
  'Tell me more about that.',
];
const FIRST_INVITATIONS = [
  'Tell me everything that happened.',
  'And then what happened?',
  'Tell me more about that.',
];

/** Open rapport and narrative practice raise later free recall (Sternberg et al. 1997; Lyon et
 * al. 2014; Brown et al. 2013): facts told to the first three substantive invitations. */
export function narrativePractice(seedsPerAge: number): { practice: Effect; openVsClosed: Effect } {
  const practised: number[] = [];
  const closed: number[] = [];
  const open: number[] = [];
  for (const { scenario, seed } of variants(seedsPerAge)) {
    const recall = (prep: PracticeTurn[]) =>
      simulate(scenario, seed, [...prep, ...sub(FIRST_INVITATIONS)]).elicited.size;
    practised.push(
      recall([...phase('rapport', RAPPORT_OPEN), ...phase('narrativePractice', PRACTICE)]),
    );
    open.push(recall(phase('rapport', RAPPORT_OPEN)));
    closed.push(recall(phase('rapport', RAPPORT_CLOSED)));
  }
  return {
    practice: effect(
      'narrative practice',
      'true facts, first 3 invitations',
      'open rapport + narrative practice',
      practised,
      'open rapport only',
      open,
    ),
    openVsClosed: effect(
      'open vs closed rapport',
      'true facts, first 3 invitations',
      'open rapport',
      open,
      'closed rapport',
      closed,
    ),
  };
}

export interface Rate {
  name: string;
  age: number;
  rate: number;
  n: number;
  /** The figure the child is built from (research.ts), for comparison. */
  expected: number;
}

/** Unanswerable yes/no questions answered instead of "I don't know", by age. */
export function unanswerableYesNo(seeds: number, expected: (age: number) => number): Rate[] {
  return AGES.map((age) => {
    let answered = 0;
    let n = 0;
    for (const base of builtInScenarios('en')) {
      const scenario: Scenario = {
        ...base,
        ageYears: age,
        personality: 'talkative',
        reluctance: 0.05,
      };
      for (let seed = 1; seed <= seeds; seed++) {
        const sim = simulate(scenario, seed, [
          ...phase('rapport', RAPPORT_OPEN),
          ...sub(['Was there a zebra?', 'Did it have a trumpet?']),
        ]);
        for (const r of sim.replies.slice(2)) {
          n++;
          if (!/know|remember|sé|understand/i.test(r.answer)) answered++;
        }
      }
    }
    return {
      name: 'unanswerable yes/no answered',
      age,
      rate: answered / n,
      n,
      expected: expected(age),
    };
  });
}

/** Interviewer distortions ("So he had a trumpet.") left uncorrected, by age. */
export function distortionsUncorrected(seeds: number, expected: (age: number) => number): Rate[] {
  return AGES.map((age) => {
    let uncorrected = 0;
    let n = 0;
    for (const base of builtInScenarios('en')) {
      const scenario: Scenario = {
        ...base,
        ageYears: age,
        personality: 'talkative',
        reluctance: 0.05,
      };
      for (let seed = 1; seed <= seeds; seed++) {
        const sim = simulate(scenario, seed, [
          ...phase('rapport', RAPPORT_OPEN),
          ...sub(['Tell me everything that happened.', 'So there was a trumpet.']),
        ]);
        n++;
        if (sim.falseDetails.length > 0) uncorrected++;
      }
    }
    return {
      name: 'distortion left uncorrected',
      age,
      rate: uncorrected / n,
      n,
      expected: expected(age),
    };
  });
}

/** "I don't understand" to a question with legal words, with the rule practised or not. */
export function saysDontUnderstand(seeds: number): Effect {
  const practised: number[] = [];
  const none: number[] = [];
  const rules = phase('groundRules', [
    'If I ask something you don\'t understand, tell me "I don\'t understand".',
    'What is your occupation?',
  ]);
  const hard = sub(['Did the alleged incident occur prior to the party?']);
  for (const { scenario, seed } of variants(seeds)) {
    const said = (sim: ReturnType<typeof simulate>) =>
      sim.replies[sim.replies.length - 1]?.notUnderstood ? 1 : 0;
    practised.push(said(simulate(scenario, seed, [...rules, ...hard])));
    none.push(said(simulate(scenario, seed, hard)));
  }
  return effect(
    '"I don\'t understand"',
    'share of legal-word questions',
    'rule practised',
    practised,
    'no rule',
    none,
  );
}

/** Reminiscence: a second session brings facts not told in the first (Brubacher et al. 2019). */
/**
 * A second session with open prompts: facts new in it (reminiscence), peripheral facts told
 * differently (harmless inconsistency, research.ts HARMLESS_INCONSISTENCY) and false details
 * (which open prompts must not produce, inconsistency or not).
 */
export function reminiscence(seedsPerAge: number): {
  newFacts: Sample;
  toldDifferently: Sample;
  falseDetails: Sample;
} {
  const values: number[] = [];
  const differing: number[] = [];
  const falseOnes: number[] = [];
  for (const { scenario, seed } of variants(seedsPerAge)) {
    const first = sub(FIRST_INVITATIONS);
    const second = simulate(
      scenario,
      seed,
      sub([...FIRST_INVITATIONS, 'Tell me everything else you remember.']),
      [first],
    );
    values.push([...second.elicited.keys()].filter((id) => !second.toldEarlier.has(id)).length);
    differing.push(second.retold.size);
    falseOnes.push(second.falseDetails.length);
  }
  return {
    newFacts: sample(values),
    toldDifferently: sample(differing),
    falseDetails: sample(falseOnes),
  };
}
