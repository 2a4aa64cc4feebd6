// The interviewing research's known effects, measured on the simulated child over many seeds,
// scenarios and ages. Shared by the unit tests (which assert the direction and size of each
// effect) and `npm run bench child` (which prints the statistics for bench/RESULTS.md).
import interviews from '../tests/fixtures/training/interviews.json';
import {
  builtInScenarios,
  simulate,
  type PracticeTurn,
  type Scenario,
  type Simulation,
} from '../src/training';
import { textsFor } from '../src/training/texts';

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

function variants(
  seedsPerAge: number,
  ages: readonly number[] = AGES,
): Array<{ scenario: Scenario; seed: number }> {
  const out: Array<{ scenario: Scenario; seed: number }> = [];
  for (const base of builtInScenarios('en'))
    for (const ageYears of ages)
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
export function distortionsUncorrected(
  seeds: number,
  expected: (age: number) => number,
  language: 'en' | 'es' = 'en',
): Rate[] {
  const prompts =
    language === 'en'
      ? [
          ...phase('rapport', RAPPORT_OPEN),
          ...sub(['Tell me everything that happened.', 'So there was a trumpet.']),
        ]
      : [
          ...phase('rapport', [
            'Cuéntame de las cosas que te gusta hacer.',
            'Cuéntame más sobre eso.',
          ]),
          ...sub(['Cuéntame todo lo que pasó.', 'Entonces había una trompeta.']),
        ];
  return AGES.map((age) => {
    let uncorrected = 0;
    let n = 0;
    for (const base of builtInScenarios(language)) {
      const scenario: Scenario = {
        ...base,
        ageYears: age,
        personality: 'talkative',
        reluctance: 0.05,
      };
      for (let seed = 1; seed <= seeds; seed++) {
        const sim = simulate(scenario, seed, prompts);
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

// ---- child26 (issue #18): cued invitations, summaries and guarded reluctance ------------------
// Each effect below runs in either language (US English, Latin American Spanish) so that the unit
// tests can check both; the bench prints the English run beside the Spanish one.

type Lang = 'en' | 'es';
const LOCAL: Record<
  Lang,
  {
    open: string;
    wh: readonly string[];
    cued: (kw: string) => string;
    summary: (words: readonly string[]) => string;
    more: string;
    effort: string;
    content: (kw: string) => string;
    filler: string;
    opens: readonly string[];
    support: readonly string[];
    pressure: readonly string[];
    label: string;
  }
> = {
  en: {
    open: 'Tell me everything that happened.',
    wh: WH_QUESTIONS,
    // The NICHD cued invitation: the child's own words, then an invitation about them (Lamb et
    // al. 2007, Child Abuse Negl 31:1201-1231; Lamb et al. 2018, Tell Me What Happened, ch. 5).
    cued: (kw) => `You said ${kw}. Tell me more about ${kw}.`,
    summary: (w) => `So you told me about ${w.join(' and ')}.`,
    more: 'Tell me everything else that happened.',
    effort: "You're doing a good job talking with me.",
    content: (kw) => `Good job telling me about ${kw}.`,
    filler: 'Mm-hm.',
    opens: OPEN,
    support: SUPPORT,
    pressure: [
      'You need to tell me now.',
      "We can't leave until you tell me what he did.",
      'Other kids already told me what happened.',
    ],
    label: 'Is Marcus trafficking you?',
  },
  es: {
    open: 'Cuéntame todo lo que pasó.',
    wh: [
      '¿Quién estaba ahí?',
      '¿Dónde estabas?',
      '¿Cuándo pasó?',
      '¿Qué hizo él?',
      '¿Qué traía puesto?',
      '¿De qué color era?',
      '¿Quién más estaba ahí?',
      '¿A dónde se fue?',
    ],
    cued: (kw) => `Dijiste ${kw}. Cuéntame más de ${kw}.`,
    summary: (w) => `Entonces me platicaste de ${w.join(' y de ')}.`,
    more: 'Cuéntame todo lo demás que pasó.',
    effort: 'Lo estás haciendo muy bien platicando conmigo.',
    content: (kw) => `Buen trabajo contándome de ${kw}.`,
    filler: 'Ajá.',
    opens: [
      'Cuéntame de lo que viniste a platicar hoy.',
      'Cuéntame todo sobre eso.',
      '¿Y luego qué pasó?',
      'Cuéntame más sobre eso.',
      '¿Qué pasó después?',
      'Cuéntame todo lo demás que te acuerdes.',
    ],
    support: [
      'Veo que es difícil hablar de esto. Puedes tomarte tu tiempo.',
      'Aquí me puedes contar de cualquier cosa, cosas fáciles o cosas difíciles.',
      'Gracias por seguir aquí conmigo. Sé que no es fácil.',
      'Platico con muchos jóvenes de todo tipo de cosas que les pasan.',
      'Lo estás haciendo muy bien escuchando y platicando conmigo.',
    ],
    pressure: [
      'Tienes que decírmelo ahorita.',
      'No nos podemos ir hasta que me digas qué te hizo.',
      'Los otros niños ya me contaron lo que pasó.',
    ],
    label: '¿Marcus te está explotando?',
  },
};

function talkative(
  language: Lang,
  seedsPerAge: number,
): Array<{ scenario: Scenario; seed: number }> {
  const out: Array<{ scenario: Scenario; seed: number }> = [];
  for (const base of builtInScenarios(language))
    for (const ageYears of AGES)
      for (let seed = 1; seed <= seedsPerAge; seed++)
        out.push({
          scenario: { ...base, ageYears, personality: 'talkative', reluctance: 0.05 },
          seed,
        });
  return out;
}

/** The reluctant built-in scenarios, each played at every age with its own start reluctance. */
function reluctantVariants(
  language: Lang,
  seedsPerAge: number,
): Array<{ scenario: Scenario; seed: number }> {
  const out: Array<{ scenario: Scenario; seed: number }> = [];
  for (const base of builtInScenarios(language).filter((s) => s.personality === 'reluctant'))
    for (const ageYears of AGES)
      for (let seed = 1; seed <= seedsPerAge; seed++)
        out.push({ scenario: { ...base, ageYears }, seed });
  return out;
}

const newFacts = (sim: ReturnType<typeof simulate>, turn: number): number =>
  sim.replies[turn]!.factIds.filter((id) => sim.elicited.get(id) === turn).length;

/**
 * A cued invitation in the child's own words ("You said the park. Tell me more about the park.")
 * after the first free-recall answer, against a wh- question at the same point: new true facts
 * in that one answer. Cued invitations draw more, and more accurate, detail than focused
 * questions (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007, Child Abuse Negl 31:1201-1231;
 * Orbach & Lamb 2000, Child Abuse Negl 24:1631-1648). `cuedShare`: share of the cued prompts the
 * coach coded as a cued invitation (the prompt is what it claims to be).
 */
export function cuedVersusWh(
  seedsPerAge: number,
  language: Lang = 'en',
): Effect & { cuedShare: number } {
  const L = LOCAL[language];
  const cued: number[] = [];
  const wh: number[] = [];
  let coded = 0;
  for (const { scenario, seed } of talkative(language, seedsPerAge)) {
    const first = simulate(scenario, seed, sub([L.open]));
    const kws = first.replies[0]!.keywords;
    if (kws.length === 0) continue;
    const kw = kws[seed % kws.length]!;
    const c = simulate(scenario, seed, sub([L.open, L.cued(kw)]));
    if (c.replies[1]!.coding.type === 'cued-invitation') coded++;
    cued.push(newFacts(c, 1));
    wh.push(newFacts(simulate(scenario, seed, sub([L.open, L.wh[seed % L.wh.length]!])), 1));
  }
  return {
    ...effect(
      `cued invitation vs wh- (${language})`,
      'new true facts in the next answer',
      "cued invitation, child's words",
      cued,
      'wh- question',
      wh,
    ),
    cuedShare: coded / Math.max(1, cued.length),
  };
}

/**
 * A summary in the child's own words followed by an invitation ("So you told me about the park
 * and Grandma. Tell me everything else that happened.") against the same summary alone: new
 * true facts in the answer. The summary with an invitation is the NICHD way to go on (Lamb et
 * al. 2018, Tell Me What Happened, 2nd ed., ch. 5); a summary alone invites only "yes".
 */
export function summaryThenInvitation(seedsPerAge: number, language: Lang = 'en'): Effect {
  const L = LOCAL[language];
  const withInv: number[] = [];
  const alone: number[] = [];
  for (const { scenario, seed } of talkative(language, seedsPerAge)) {
    const first = simulate(scenario, seed, sub([L.open]));
    const kws = first.replies[0]!.keywords.slice(0, 2);
    if (kws.length === 0) continue;
    const summary = L.summary(kws);
    withInv.push(newFacts(simulate(scenario, seed, sub([L.open, `${summary} ${L.more}`])), 1));
    alone.push(newFacts(simulate(scenario, seed, sub([L.open, summary])), 1));
  }
  return effect(
    `summary + invitation (${language})`,
    'new true facts in the next answer',
    'summary + invitation',
    withInv,
    'summary alone',
    alone,
  );
}

/**
 * A reluctant child asked closed questions (one yes/no, one forced choice) about true details
 * right after the first invitation, without support: facts told in those two answers, against
 * the talkative variant of the same scenarios. `byAge[].bare`: of the reluctant child's answers
 * that were not a refusal ("I don't want to talk about it."), the share answered bare ("Yes.",
 * "No.", an option's words) rather than "I don't know", by age (acquiescence by age).
 * research.ts GUARDED_CLOSED (Blasbalg, Hershkowitz & Karni-Visel 2018; Ahern et al. 2016).
 */
export function guardedClosed(
  seedsPerAge: number,
  language: Lang = 'en',
): Effect & { byAge: Array<{ age: number; bare: number; n: number }>; reluctantWithFacts: number } {
  const Q: Record<string, Record<Lang, [string, string]>> = {
    'party-push': {
      en: ["Did the man push Sam's dad?", 'Was it at a party or at school?'],
      es: ['¿El hombre empujó al papá de Sam?', '¿Fue en una fiesta o en la escuela?'],
    },
    'uncle-secret': {
      en: ['Does your uncle come in your room at night?', 'Was it in your room or in the kitchen?'],
      es: ['¿Tu tío entra a tu cuarto en la noche?', '¿Fue en tu cuarto o en la cocina?'],
    },
    'pupil-threats': {
      en: ['Did Ryan send you messages?', 'Did the messages come on Snapchat or on Instagram?'],
      es: ['¿Ryan te mandó mensajes?', '¿Los mensajes llegaron por Snapchat o por Instagram?'],
    },
    'teen-exploitation': {
      en: ['Did Marcus take you to a motel?', 'Was it at a motel or at a house?'],
      es: ['¿Marcus te llevó a un motel?', '¿Fue en un motel o en una casa?'],
    },
  };
  const L = LOCAL[language];
  const reluctant: number[] = [];
  const open: number[] = [];
  const byAge = new Map<number, { bare: number; n: number }>();
  for (const { scenario, seed } of reluctantVariants(language, seedsPerAge)) {
    const qs = Q[scenario.id]?.[language];
    if (!qs) continue;
    const turns = sub([L.opens[0]!, ...qs]);
    const r = simulate(scenario, seed, turns);
    reluctant.push(r.replies.slice(1).reduce((n, x) => n + x.factIds.length, 0));
    const t = simulate({ ...scenario, personality: 'talkative', reluctance: 0.05 }, seed, turns);
    open.push(t.replies.slice(1).reduce((n, x) => n + x.factIds.length, 0));
    const a = byAge.get(scenario.ageYears) ?? { bare: 0, n: 0 };
    // Answered (a bare "yes", "no" or option) against "I don't know"; refusals left out.
    for (const x of r.replies.slice(1)) {
      if (textsFor(language).child.reluctant.includes(x.answer)) continue;
      a.n++;
      if (!/know|remember|(?<!\p{L})sé|acuerdo/iu.test(x.answer)) a.bare++;
    }
    byAge.set(scenario.ageYears, a);
  }
  return {
    ...effect(
      `closed questions to a reluctant child (${language})`,
      'facts told to a yes/no + a choice question',
      'talkative child',
      open,
      'reluctant child, no support',
      reluctant,
    ),
    byAge: [...byAge].map(([age, v]) => ({ age, n: v.n, bare: v.bare / Math.max(1, v.n) })),
    reluctantWithFacts: reluctant.filter((n) => n > 0).length,
  };
}

/**
 * When support comes and what it praises, for reluctant children (the four reluctant
 * scenarios at every age): the same six open prompts, each preceded by (a) support of effort
 * from the first prompt on, before any fact ("You're doing a good job talking with me."), (b)
 * the same support only once the child has told a fact, (c) praise of content once it has
 * ("Good job telling me about the motel."), or (d) a facilitator. True facts told. Support
 * predicted less reluctance and more information in the next utterance (Blasbalg, Hershkowitz &
 * Karni-Visel 2018, Psychol Public Policy Law 24(4):518-527); the revised protocol gives it
 * from rapport on, before the allegation (Hershkowitz, Lamb & Katz 2014, Psychol Public Policy
 * Law 20(3):336-344); praise contingent on content is reinforcement, a suggestive technique
 * (Garven et al. 1998), not support (research.ts CONTENT_PRAISE).
 */
export function supportTiming(
  seedsPerAge: number,
  language: Lang = 'en',
): { beforeFirstFact: Effect; effortVersusContent: Effect; effortVersusNone: Effect } {
  const L = LOCAL[language];
  const arms = {
    early: [] as number[],
    late: [] as number[],
    content: [] as number[],
    none: [] as number[],
  };
  for (const { scenario, seed } of reluctantVariants(language, seedsPerAge)) {
    const play = (before: (sim: ReturnType<typeof simulate> | undefined) => string): number => {
      const turns: PracticeTurn[] = [];
      let sim: ReturnType<typeof simulate> | undefined;
      for (const q of L.opens) {
        turns.push(...sub([before(sim), q]));
        sim = simulate(scenario, seed, turns);
      }
      return sim!.elicited.size;
    };
    const lastWord = (sim: ReturnType<typeof simulate> | undefined): string | undefined =>
      sim?.replies.flatMap((r) => r.keywords).at(-1);
    // Fixed sequences need no step-by-step replay.
    const fixed = (line: string) =>
      simulate(scenario, seed, sub(L.opens.flatMap((q) => [line, q]))).elicited.size;
    arms.early.push(fixed(L.effort));
    arms.late.push(play((sim) => (sim && sim.elicited.size > 0 ? L.effort : L.filler)));
    arms.content.push(
      play((sim) => {
        const kw = sim && sim.elicited.size > 0 ? lastWord(sim) : undefined;
        return kw === undefined ? L.filler : L.content(kw);
      }),
    );
    arms.none.push(fixed(L.filler));
  }
  return {
    beforeFirstFact: effect(
      `support before the first fact (${language})`,
      'true facts per 6 open prompts',
      'effort support from the start',
      arms.early,
      'same support after the first fact',
      arms.late,
    ),
    effortVersusContent: effect(
      `effort vs content praise (${language})`,
      'true facts per 6 open prompts',
      'effort support after the first fact',
      arms.late,
      'content praise after the first fact',
      arms.content,
    ),
    effortVersusNone: effect(
      `effort support vs none (${language})`,
      'true facts per 6 open prompts',
      'effort support from the start',
      arms.early,
      'facilitators only',
      arms.none,
    ),
  };
}

/**
 * The reluctant adolescent of the exploitation scenario (teen-exploitation, 14-17) against the
 * same youth talkative, in the same supportive interview with one victim label asked after the
 * third prompt: facts told in the first three open prompts (slowly: Lavoie, Dickerson, Redlich &
 * Quas 2019, Psychol Public Policy Law 25(4):225-238; Henderson, Cho, Nogalska & Lyon 2021,
 * Child Abuse Negl), and the share of reluctant interviews in which the youth both denies being a
 * victim (rejects the label, or says "I'm not a victim, I chose it.") and tells facts of the
 * exploitation (owe, dates, motel, ads) after that denial: she answers while still denying.
 */
export function exploitedAdolescent(
  seeds: number,
  language: Lang = 'en',
): { slow: Effect; answersWhileDenying: number; n: number } {
  const L = LOCAL[language];
  const base = builtInScenarios(language).find((s) => s.id === 'teen-exploitation')!;
  const early = (sim: ReturnType<typeof simulate>) =>
    [...sim.elicited.values()].filter((turn) => turn < 6).length;
  const reluctant: number[] = [];
  const open: number[] = [];
  let both = 0;
  const labelLines = [
    ...textsFor(language).child.labelRejected,
    ...textsFor(language).child.labelDisengaged.filter((l) => l !== '...'),
  ];
  const exploitation = new Set(['owe', 'dates', 'motel', 'ads']);
  for (const ageYears of [14, 15, 16, 17])
    for (let seed = 1; seed <= seeds; seed++) {
      const turns = sub(
        L.opens.flatMap((q, i) => [
          L.support[i % L.support.length]!,
          ...(i === 3 ? [L.label] : []),
          q,
        ]),
      );
      const r = simulate({ ...base, ageYears }, seed, turns);
      const t = simulate(
        { ...base, ageYears, personality: 'talkative', reluctance: 0.05 },
        seed,
        turns,
      );
      reluctant.push(early(r));
      open.push(early(t));
      const denied = r.replies.findIndex(
        (x) => labelLines.includes(x.answer) || x.factIds.includes('choice'),
      );
      if (
        denied >= 0 &&
        r.replies.slice(denied + 1).some((x) => x.factIds.some((id) => exploitation.has(id)))
      )
        both++;
    }
  return {
    slow: effect(
      `exploited adolescent (${language})`,
      'true facts, first 3 open prompts',
      'talkative youth',
      open,
      'reluctant youth',
      reluctant,
    ),
    answersWhileDenying: both / reluctant.length,
    n: reluctant.length,
  };
}

/**
 * "Not today" and a second session: reluctant children (the four reluctant scenarios at every
 * age) pressed without support end the first session "not today" more often than children
 * given support; after a "not today", a second session with support and open prompts still
 * brings facts (the revised protocol's second interview for a reluctant child: Hershkowitz,
 * Lamb, Blasbalg & Karni-Visel 2021, Dev Psychopathol 33:739-747).
 */
export function notTodayThenSecondSession(
  seedsPerAge: number,
  language: Lang = 'en',
): { notToday: Effect; secondSessionFacts: Sample; firstSessionFacts: Sample } {
  const L = LOCAL[language];
  const pressed: number[] = [];
  const supported: number[] = [];
  const second: number[] = [];
  const firstFacts: number[] = [];
  for (const { scenario, seed } of reluctantVariants(language, seedsPerAge)) {
    const pressure = sub(L.opens.flatMap((q, i) => [L.pressure[i % L.pressure.length]!, q]));
    const p = simulate(scenario, seed, pressure);
    const s = simulate(
      scenario,
      seed,
      sub(L.opens.flatMap((q, i) => [L.support[i % L.support.length]!, q])),
    );
    pressed.push(p.notToday ? 1 : 0);
    supported.push(s.notToday ? 1 : 0);
    if (p.notToday) {
      firstFacts.push(p.elicited.size);
      const again = simulate(
        scenario,
        seed,
        sub(L.opens.flatMap((q, i) => [L.support[i % L.support.length]!, q])),
        [pressure],
      );
      second.push([...again.elicited.keys()].filter((id) => !again.toldEarlier.has(id)).length);
    }
  }
  return {
    notToday: effect(
      `"not today" (${language})`,
      'share of first sessions ended "not today"',
      'pressure, no support',
      pressed,
      'support',
      supported,
    ),
    secondSessionFacts: sample(second),
    firstSessionFacts: sample(firstFacts),
  };
}

// ---- train29 (issue #18): reminiscence across two sessions against Katz & Hershkowitz 2013 ----

/** One row of secondSessionNewShare: facts told in a second session, and how many were new. */
export interface NewShareRow {
  /** Age in years, or 'all' for the pooled row. */
  age: number | 'all';
  /** Facts told in the second session (each counted once per session). */
  told: number;
  /** Of those, facts not told in the first session. */
  fresh: number;
  /** fresh / told (0 when nothing was told). */
  share: number;
  /**
   * Detail units told in the second session (train31): a fact is one unit, and the part its
   * brief form (Fact.brief) leaves out is another, told once the fact is told in full.
   */
  details: number;
  /** Of those, units not told in the first session. */
  freshDetails: number;
  /** freshDetails / details (0 when nothing was told). */
  detailShare: number;
  /** Second sessions measured. */
  n: number;
}

/** Detail units of each fact told in a session: 2 for a fact with a brief form told in full. */
function detailUnits(scenario: Scenario, sim: Simulation): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of sim.elicited.keys()) {
    const fact = scenario.facts.find((f) => f.id === id);
    out.set(id, fact?.brief !== undefined && !sim.briefOnly?.has(id) ? 2 : 1);
  }
  return out;
}

/** A first interview that uses one invitation and then wh- questions (train31's "poor" first). */
const POOR_FIRST = ['Tell me everything that happened.', 'Who was there?', 'Where were you?'];

/**
 * Reminiscence across sessions as Katz & Hershkowitz (2013) measured it: a first free-recall
 * interview, then a second interview that repeats free recall (NICHD invitations only) and then
 * asks one focused question (a wh- directive; theirs were "closed questions"). The share of the
 * facts told in the second session that were not told in the first. Katz & Hershkowitz, "Repeated interviews with children who are the alleged victims of
 * sexual abuse", Res Soc Work Pract 2013, 23(2):210-218, abstract: "In the second interview,
 * children reported 58% new forensically relevant details" (56 children; the abstract adds that
 * the increase was "especially marked for younger children and for children who provided poor
 * narratives in their" first interview). Their unit is a forensically relevant detail (a word
 * or phrase); Hearth's is a scenario fact (a clause), so the two shares are compared, not
 * matched. Rows: per age (talkative variants of every built-in scenario, as the other effects
 * here), pooled, and pooled split by a poor first account (at most half the scenario's facts) or a
 * fuller one.
 */
export function secondSessionNewShare(seedsPerAge: number): {
  byAge: NewShareRow[];
  poorFirst: NewShareRow;
  fullerFirst: NewShareRow;
  /** train31: the first interview itself poorer (one invitation, then wh- questions), by age. */
  poorInterview: NewShareRow[];
} {
  const empty = (age: number | 'all'): NewShareRow => ({
    age,
    told: 0,
    fresh: 0,
    share: 0,
    details: 0,
    freshDetails: 0,
    detailShare: 0,
    n: 0,
  });
  const rows = new Map<number, NewShareRow>();
  const poorRows = new Map<number, NewShareRow>();
  const poor = empty('all');
  const fuller = empty('all');
  const first = [
    ...phase('rapport', RAPPORT_OPEN),
    ...sub([...FIRST_INVITATIONS, 'Tell me everything else you remember.']),
  ];
  const poorFirst = [...phase('rapport', RAPPORT_OPEN), ...sub(POOR_FIRST)];
  const second = [
    ...phase('rapport', RAPPORT_OPEN),
    ...sub([...FIRST_INVITATIONS, 'Tell me everything else you remember.', 'Who else was there?']),
  ];
  const add = (r: NewShareRow, before: Map<string, number>, after: Map<string, number>) => {
    for (const [id, units] of after) {
      r.told++;
      r.details += units;
      const earlier = before.get(id) ?? 0;
      if (earlier === 0) r.fresh++;
      r.freshDetails += Math.max(0, units - earlier);
    }
    r.n++;
  };
  for (const { scenario, seed } of variants(seedsPerAge)) {
    for (const [turns, table] of [
      [first, rows],
      [poorFirst, poorRows],
    ] as const) {
      const once = simulate(scenario, seed, turns);
      const again = simulate(scenario, seed, second, [turns]);
      const before = detailUnits(scenario, once);
      const after = detailUnits(scenario, again);
      const row = table.get(scenario.ageYears) ?? empty(scenario.ageYears);
      add(row, before, after);
      table.set(scenario.ageYears, row);
      if (turns === first)
        add(once.elicited.size <= scenario.facts.length / 2 ? poor : fuller, before, after);
    }
  }
  const withShare = (r: NewShareRow): NewShareRow => ({
    ...r,
    share: r.told === 0 ? 0 : r.fresh / r.told,
    detailShare: r.details === 0 ? 0 : r.freshDetails / r.details,
  });
  const pooled = (list: NewShareRow[]): NewShareRow =>
    list.reduce(
      (a, r) => ({
        ...a,
        told: a.told + r.told,
        fresh: a.fresh + r.fresh,
        details: a.details + r.details,
        freshDetails: a.freshDetails + r.freshDetails,
        n: a.n + r.n,
      }),
      empty('all'),
    );
  const byAge = [...rows.values()].map(withShare);
  const poorByAge = [...poorRows.values()].map(withShare);
  return {
    byAge: [...byAge, withShare(pooled(byAge))],
    poorFirst: withShare(poor),
    fullerFirst: withShare(fuller),
    poorInterview: [...poorByAge, withShare(pooled(poorByAge))],
  };
}

// ---- train32 (issue #18): the first interview that matches Katz & Hershkowitz's design ----

/**
 * Katz & Hershkowitz 2013 (Res Soc Work Pract 23(2):210-218), abstract, Method: "56 children
 * participated in a first free-recall interview that was followed by a second interview composed
 * of a repeated free-recall phase that was then followed by closed questions". So the matching
 * first interview is free recall only (invitations, no wh- or yes/no question), and the second is
 * free recall again, then closed questions: here three wh- directives. train31 compared its
 * 58% with a poor first interview (one invitation, two wh- questions), which is not their design.
 * Rows per age for every age in `ages` (talkative variants of the 10 built-in scenarios, English),
 * then pooled. Units as secondSessionNewShare (facts; detail units with the brief parts).
 */
export const KATZ_SECOND_CLOSED = ['Who else was there?', 'Where were you?', 'What time was it?'];

export function katzMatchedNewShare(seedsPerAge: number, ages: readonly number[]): NewShareRow[] {
  const rows = new Map<number, NewShareRow>();
  const first = [
    ...phase('rapport', RAPPORT_OPEN),
    ...sub([...FIRST_INVITATIONS, 'Tell me everything else you remember.']),
  ];
  const second = [
    ...phase('rapport', RAPPORT_OPEN),
    ...sub([...FIRST_INVITATIONS, 'Tell me everything else you remember.', ...KATZ_SECOND_CLOSED]),
  ];
  for (const { scenario, seed } of variants(seedsPerAge, ages)) {
    const once = simulate(scenario, seed, first);
    const again = simulate(scenario, seed, second, [first]);
    const before = detailUnits(scenario, once);
    const after = detailUnits(scenario, again);
    const r = rows.get(scenario.ageYears) ?? {
      age: scenario.ageYears,
      told: 0,
      fresh: 0,
      share: 0,
      details: 0,
      freshDetails: 0,
      detailShare: 0,
      n: 0,
    };
    for (const [id, units] of after) {
      r.told++;
      r.details += units;
      const earlier = before.get(id) ?? 0;
      if (earlier === 0) r.fresh++;
      r.freshDetails += Math.max(0, units - earlier);
    }
    r.n++;
    rows.set(scenario.ageYears, r);
  }
  const list = [...rows.values()];
  const all = list.reduce(
    (a, r) => ({
      ...a,
      told: a.told + r.told,
      fresh: a.fresh + r.fresh,
      details: a.details + r.details,
      freshDetails: a.freshDetails + r.freshDetails,
      n: a.n + r.n,
    }),
    {
      age: 'all' as const,
      told: 0,
      fresh: 0,
      share: 0,
      details: 0,
      freshDetails: 0,
      detailShare: 0,
      n: 0,
    },
  );
  return [...list, all].map((r) => ({
    ...r,
    share: r.told === 0 ? 0 : r.fresh / r.told,
    detailShare: r.details === 0 ? 0 : r.freshDetails / r.details,
  }));
}
