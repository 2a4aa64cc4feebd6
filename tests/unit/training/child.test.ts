// The simulated child over every built-in scenario, in both languages: open invitations bring
// true facts and no false details, suggestive questions plant false details, the same questions
// always give the same answers; and the behaviours the practitioner review found missing
// (narrative practice, reluctance as a state, "I don't understand", uncorrected distortions,
// wh- answered with the fact asked, the child's own words as keywords, second sessions).
import interviews from '../../fixtures/training/interviews.json';
import {
  builtInScenarios,
  simulate,
  validateScenario,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';

const LANGUAGES: TrainingLanguage[] = ['en', 'es'];
const SEED = 7;
const turns = (texts: string[]): PracticeTurn[] => texts.map((text) => ({ text }));
const sub = (texts: string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId: 'investigation', substantive: true }));
const inPhase = (phaseId: string, texts: string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId, substantive: false }));
const suggestiveFor = (s: Scenario): string[] =>
  (interviews.suggestive[s.language] as Record<string, string[]>)[s.id] ?? [];
const scenario = (id: string, language: TrainingLanguage = 'en'): Scenario => {
  const found = builtInScenarios(language).find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};
const SUPPORT = {
  en: 'I can see this is hard to talk about. You can take your time.',
  es: 'Veo que es difícil hablar de esto. Puedes tomarte tu tiempo.',
};

const BRITISH =
  /\b(plaster|till|crisps|pounds|year 12|half term|mum|favourite|colour|lead|rumour|modelled|practising|pavement|trainers|lorry|petrol|garden)\b/i;
const SPAIN =
  /\b(vale|zumo|móvil|euros|cole|vosotros|coche|tarta|tirita|patatas|ordenador|chaval|insti|piscina|tobogán|pilló|chocolatinas)\b/i;

describe.each(LANGUAGES)('built-in scenarios (%s)', (language) => {
  const scenarios = builtInScenarios(language);

  test('ten, across all four age bands, each valid, with a practice event; the required kinds are there', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    const bands = new Set(
      scenarios.map((s) => (s.ageYears <= 5 ? 0 : s.ageYears <= 9 ? 1 : s.ageYears <= 13 ? 2 : 3)),
    );
    expect([...bands].sort()).toEqual([0, 1, 2, 3]);
    for (const s of scenarios) {
      expect(() => validateScenario(s)).not.toThrow();
      expect(s.practiceEvent?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(s.lures.length).toBeGreaterThan(0);
    }
    const ids = scenarios.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'visitor-nothing',
        'babysitter-repeated',
        'uncle-secret',
        'teen-exploitation',
      ]),
    );
    expect(scenarios.find((s) => s.id === 'visitor-nothing')?.outcome).toBe('nothing-happened');
  });

  test('US English / Latin American Spanish wording only', () => {
    const texts = scenarios.flatMap((s) => [
      s.title,
      s.summary,
      ...s.rapport,
      ...[...s.facts, ...(s.practiceEvent ?? []), ...s.lures].flatMap((f) => [
        f.text,
        ...f.keywords,
      ]),
    ]);
    const pattern = language === 'en' ? BRITISH : SPAIN;
    expect(texts.filter((t) => pattern.test(t))).toEqual([]);
  });

  test.each(builtInScenarios(language).map((s) => [s.id, s] as const))(
    '%s: good invitations elicit more true facts and no false details; suggestive questions plant some',
    (_id, s) => {
      // A reluctant child gets support before each invitation, as the revised protocol asks.
      const good = interviews.good[language].flatMap((q) =>
        s.personality === 'reluctant' ? [SUPPORT[language], q] : [q],
      );
      const goodSim = simulate(s, SEED, sub(good));
      const badSim = simulate(s, SEED, sub(suggestiveFor(s)));
      expect(
        badSim.replies.filter((r) => r.coding.type === 'suggestive').length,
      ).toBeGreaterThanOrEqual(4);
      expect(goodSim.falseDetails).toEqual([]);
      expect(goodSim.elicited.size).toBeGreaterThan(badSim.elicited.size);
      expect(goodSim.elicited.size).toBeGreaterThanOrEqual(3);
      // Uptake rates follow Garven et al. (1998) (about 0.17 at 3-5 without pressure, less with
      // age), so an older child may resist one suggestive interview: counted over ten seeds.
      let planted = 0;
      for (let seed = SEED; seed < SEED + 10; seed++) {
        const sim = seed === SEED ? badSim : simulate(s, seed, sub(suggestiveFor(s)));
        planted += sim.falseDetails.length;
        for (const fd of sim.falseDetails)
          expect(sim.replies[fd.turn]?.newFalseDetails).toContainEqual(fd);
      }
      expect(planted).toBeGreaterThan(0);
    },
  );
});

test('answers are a pure function of scenario, seed and questions (a replay gives the same child)', () => {
  const s = scenario('dog-bite');
  const questions = [
    ...interviews.good.en.slice(0, 3),
    ...interviews.suggestive.en['dog-bite'].slice(0, 3),
    ...interviews.good.en.slice(3),
  ];
  const once = simulate(s, 99, turns(questions));
  const again = simulate(s, 99, turns(questions));
  expect(again.replies.map((r) => r.answer)).toEqual(once.replies.map((r) => r.answer));
  for (let k = 1; k <= questions.length; k++) {
    const prefix = simulate(s, 99, turns(questions.slice(0, k)));
    expect(prefix.replies[k - 1]?.answer).toBe(once.replies[k - 1]?.answer);
  }
  const answers = new Set(
    [1, 2, 3, 4, 5, 6].map((seed) =>
      simulate(s, seed, turns(questions))
        .replies.map((r) => r.answer)
        .join('|'),
    ),
  );
  expect(answers.size).toBeGreaterThan(1);
});

test('an adopted false detail comes back in later free recall', () => {
  const s = scenario('dog-bite');
  let repeated = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const sim = simulate(s, seed, sub(["The dog was black, wasn't it?", ...interviews.good.en]));
    if (sim.falseDetails.length === 0) continue;
    if (sim.replies.slice(1).some((r) => r.answer.includes('The dog was black.'))) repeated++;
  }
  expect(repeated).toBeGreaterThan(5);
});

test('wh- questions get the fact of the kind asked for, or "I don\'t know" for what the child never knew', () => {
  const bike = simulate(
    scenario('stolen-bike'),
    SEED,
    sub(['Where did you leave your bike?', 'What was the name of his dog?']),
  );
  expect(bike.replies[0]?.answer).toContain('library');
  expect(bike.replies[1]?.answer).toMatch(/don't (know|remember)/i);
  // Review E4: "What did the man do?" was answered "There was a man with a green cap."
  const party: Scenario = { ...scenario('party-push'), personality: 'talkative', reluctance: 0 };
  // Asked before the child has mentioned a man, the question is presumptive (Lamb et al. 2007),
  // so it is asked only once the child has said "man".
  let checked = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const sim = simulate(
      party,
      seed,
      sub(['Tell me everything that happened.', 'What did the man do?']),
    );
    if (!/\bman\b/.test(sim.replies[0]?.answer ?? '')) continue;
    checked++;
    expect(sim.replies[1]?.answer).not.toMatch(/There was a man/);
    expect(sim.replies[1]?.answer).toMatch(/shouting|pushed/);
  }
  expect(checked).toBeGreaterThan(3);
});

test('keywords are the words the child said, inflection kept, never a lemma or an unsaid keyword', () => {
  const party: Scenario = { ...scenario('party-push'), personality: 'talkative', reluctance: 0 };
  const sim = simulate(
    party,
    3,
    sub(['What did the man do?', 'Tell me everything that happened.', 'And then what happened?']),
  );
  for (const r of sim.replies)
    for (const k of r.keywords) expect(r.answer.toLowerCase()).toContain(k.toLowerCase());
  const all = sim.replies.flatMap((r) => r.keywords);
  // A verb is cued in the child's clause ("He was shouting at Sam's dad", fb23 R18-10), the
  // inflected form as said.
  expect(all.some((k) => /\bshouting\b/u.test(k))).toBe(true);
  expect(all.some((k) => /\bshout(?:ed)?\b/u.test(k))).toBe(false); // never said
  expect(all).not.toContain('shouting'); // never a bare verb
  // Spanish: the whole word as said ("chocolates"), never a stem.
  const es: Scenario = { ...scenario('shoplifting-sibling', 'es') };
  const esSim = simulate(
    es,
    3,
    sub(['¿Qué hizo Marco?', 'Cuéntame todo lo que pasó.', '¿Y luego qué pasó?', 'Cuéntame más.']),
  );
  const esWords = esSim.replies.flatMap((r) => r.keywords);
  const heads = esWords.map((w) => w.split(' ').pop());
  expect(heads).toContain('chocolates');
  expect(heads.some((w) => w === 'chocolat' || w === 'chocolate')).toBe(false);
  // The child's phrase keeps its article: a cued invitation says "sobre los chocolates", never
  // "sobre chocolates" (issue #18: "sobre parque").
  expect(esWords.some((w) => /^(el|la|los|las|un|una|unos|unas|mi|mis|su|sus) \S+$/.test(w))).toBe(
    true,
  );
  for (const r of esSim.replies)
    for (const k of r.keywords) expect(r.answer.toLowerCase()).toContain(k.toLowerCase());
});

test('rapport and ground rules are recognised; practised rules count apart from stated ones and make the child less compliant', () => {
  const s = scenario('shoplifting-sibling');
  const stated = [
    ...inPhase('rapport', ['Tell me about things you like to do.']),
    ...inPhase('groundRules', ["If I ask something you don't know, say I don't know."]),
  ];
  // NICHD 2014 ground rules: when the child guesses, the interviewer says so and practises again
  // (a guess leaves the rule stated, R18-8); a second item after the correction.
  const practised = [
    ...stated,
    ...inPhase('groundRules', ['So if I ask you, "What is my dog\'s name?", what would you say?']),
    ...inPhase('groundRules', [
      "But you don't know my dog's name. When you don't know, don't guess, say that you don't know. What is my cat's name?",
    ]),
  ];
  const leading = sub([
    'Was there a zebra?',
    'Did he have a trumpet?',
    'Did the zebra have a hat?',
  ]);
  let withPractice = 0;
  let without = 0;
  // Sized by the statistic asserted below (was 200 seeds): per seed, d = without - 1.3 × with
  // has mean 1.09 and sd 1.14 (measured over seeds 1-200: 450 vs 178 answers that are not "I
  // don't know"). Over 40 seeds the sum falls to 0 with probability about Φ(-√40 × 1.09 / 1.14)
  // = Φ(-6.0) ≈ 1e-9; these 40 give 87 vs 38. Every seed also checks the rules it was given.
  let practisedSeeds = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const a = simulate(s, seed, [...practised, ...leading]);
    expect(a.rapportDone).toBe(true);
    // Practised only when the child answered a practice item "I don't know"; a guess to both
    // items leaves the rule stated (R18-8).
    const answeredRight = a.replies.slice(2, 4).some((r) => /don'?t know/i.test(r.answer));
    expect(a.rules.dontKnow).toBe(answeredRight ? 'practised' : 'stated');
    if (!answeredRight) continue;
    practisedSeeds++;
    expect(simulate(s, seed, stated).rules.dontKnow).toBe('stated');
    expect(a.replies[0]?.answer).toBe(s.rapport[0]);
    withPractice += a.replies.slice(-3).filter((r) => !/know|remember/i.test(r.answer)).length;
    without += simulate(s, seed, leading).replies.filter(
      (r) => !/know|remember/i.test(r.answer),
    ).length;
  }
  expect(practisedSeeds).toBeGreaterThan(30);
  expect(without).toBeGreaterThan(withPractice * 1.3);
});

test('narrative practice is answered from the practice event, like substantive recall', () => {
  const s = scenario('stolen-bike');
  const sim = simulate(
    s,
    SEED,
    inPhase('narrativePractice', [
      'Tell me everything that happened over spring break.',
      'And then what happened?',
    ]),
  );
  expect(sim.practice.elicited.size).toBeGreaterThanOrEqual(2);
  expect(sim.elicited.size).toBe(0);
  expect(sim.replies[0]?.answer).toMatch(/beach|sandcastle/);
  expect(sim.replies.every((r) => r.stage === 'practice')).toBe(true);
});

test('"I don\'t understand" to legal, negative and compound questions; more often once the rule was practised', () => {
  const s: Scenario = { ...scenario('stolen-bike'), personality: 'talkative', reluctance: 0 };
  const hard = [
    'Did the alleged perpetrator indicate where he was going?',
    "Didn't you not see where he didn't go?",
    'Where did he go and who did you call and what did the librarian say?',
  ];
  const rule = inPhase('groundRules', [
    'If I ask something you don\'t understand, tell me "I don\'t understand".',
    'If I asked you, "What is your occupation?", what would you say?',
  ]);
  let practised = 0;
  let plain = 0;
  const reasons = new Set<string>();
  // Kept at 100 seeds: per seed, d = practised - 1.5 × plain has mean 1.05 but sd 2.19 (a seed
  // whose child misunderstands one hard question often misunderstands all three), so 100 seeds
  // fail by chance with probability about Φ(-10 × 1.05 / 2.19) = Φ(-4.8) ≈ 1e-6, and 40 would
  // with about 1e-3.
  for (let seed = 1; seed <= 100; seed++) {
    for (const q of hard) {
      const a = simulate(s, seed, [...rule, ...sub([q])]).replies[2]!;
      const b = simulate(s, seed, sub([q])).replies[0]!;
      if (a.notUnderstood) {
        practised++;
        reasons.add(a.notUnderstood);
        expect(a.answer).toMatch(/understand|mean|get it/i);
      }
      if (b.notUnderstood) plain++;
    }
  }
  expect([...reasons].sort()).toEqual(['compound', 'legal', 'negative']);
  expect(practised).toBeGreaterThan(plain * 1.5);
  // A short, plain question is never "not understood".
  expect(
    simulate(s, 1, sub(['Tell me everything that happened.'])).replies[0]?.notUnderstood,
  ).toBeUndefined();
});

test('a leading summary is often left uncorrected and counted as a planted detail (Roberts & Lamb 1999)', () => {
  const s: Scenario = { ...scenario('party-push'), personality: 'talkative', reluctance: 0 };
  let uncorrected = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const sim = simulate(
      s,
      seed,
      sub(['Tell me everything that happened.', "So he hit Sam's dad with a bottle."]),
    );
    if (sim.falseDetails.some((f) => f.turn === 1)) uncorrected++;
    else expect(sim.replies[1]?.answer).toMatch(/not right/);
  }
  expect(uncorrected).toBeGreaterThan(40);
  expect(uncorrected).toBeLessThan(95);
});

describe('reluctance as a state', () => {
  const teen = scenario('pupil-threats');
  const OPEN = [
    'Tell me what you came here to talk about today.',
    'Tell me everything about that.',
    'And then what happened?',
    'Tell me more about that.',
  ];

  test('shows already in rapport', () => {
    let guarded = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const sim = simulate(
        teen,
        seed,
        inPhase('rapport', ['Tell me about things you like to do.', 'Tell me more about that.']),
      );
      guarded += sim.replies.filter((r) => r.reluctant).length;
    }
    expect(guarded).toBeGreaterThan(30);
  });

  test('two rapport questions do not unlock all the facts (review E2)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const sim = simulate(teen, seed, [
        ...inPhase('rapport', ['Tell me about things you like to do.', 'Tell me more about that.']),
        ...sub(OPEN),
      ]);
      expect(sim.elicited.size).toBeLessThan(teen.facts.length);
      expect(sim.replies[2]?.factIds.length ?? 0).toBeLessThanOrEqual(2);
    }
  });

  test('yields slowly to support; grows under pressure; can end in "not today"', () => {
    let supported = 0;
    let plain = 0;
    let notToday = 0;
    // Sized by the statistics asserted below (was 60 seeds): per seed, supported - 1.5 × plain
    // has mean 1.28 and sd 1.61 (seeds 1-60), so 40 seeds sum to 0 or less with probability about
    // Φ(-√40 × 1.28 / 1.61) = Φ(-5.0) ≈ 3e-7; "not today" comes in 28 % of pressured runs, so
    // none in 40 has probability 0.72^40 ≈ 2e-6. These 40 give 86 vs 22 facts and 8 "not today".
    for (let seed = 1; seed <= 40; seed++) {
      const withSupport = simulate(teen, seed, sub(OPEN.flatMap((q) => [SUPPORT.en, q])));
      expect(withSupport.reluctanceEnd).toBeLessThan(withSupport.reluctanceStart);
      // One supportive statement is not enough to drop reluctance below half.
      expect(simulate(teen, seed, sub([SUPPORT.en])).reluctanceEnd).toBeGreaterThan(0.5);
      supported += withSupport.elicited.size;
      plain += simulate(teen, seed, sub(OPEN)).elicited.size;
      const pressured = simulate(
        teen,
        seed,
        sub([
          'You need to tell me what happened.',
          "He punched you, didn't he?",
          'Tell me what happened.',
          'Your mom told me he punched you.',
          'Tell me what happened.',
          'Tell me what happened.',
          'Tell me what happened.',
          'Tell me what happened.',
        ]),
      );
      expect(pressured.reluctanceEnd + pressured.falseDetails.length).toBeGreaterThan(
        pressured.reluctanceStart,
      );
      if (pressured.notToday) notToday++;
    }
    expect(supported).toBeGreaterThan(plain * 1.5);
    expect(notToday).toBeGreaterThan(0);
  });

  test('a second session: support carries over and facts not told come back (reminiscence)', () => {
    let more = 0;
    let newFacts = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const first = sub(OPEN);
      const firstSupported = sub(OPEN.flatMap((q) => [SUPPORT.en, q]));
      const again = simulate(teen, seed, sub(OPEN), [firstSupported]);
      const cold = simulate(teen, seed, sub(OPEN), [first]);
      expect(again.session).toBe(2);
      if (again.reluctanceStart < cold.reluctanceStart) more++;
      newFacts += [...again.elicited.keys()].filter((id) => !again.toldEarlier.has(id)).length;
    }
    expect(more).toBeGreaterThan(30);
    expect(newFacts).toBeGreaterThan(0);
  });
});

test('the nothing-happened scenario: open questions bring no allegation; suggestion makes one', () => {
  const s = scenario('visitor-nothing');
  let planted = 0;
  for (let seed = 1; seed <= 50; seed++) {
    const good = simulate(s, seed, sub(interviews.good.en));
    expect(good.falseDetails).toEqual([]);
    expect(good.allegation.by).not.toBe('interviewer');
    const bad = simulate(s, seed, sub(suggestiveFor(s)));
    if (bad.falseDetails.some((f) => f.lureId !== undefined)) {
      planted++;
      expect(bad.allegation.by).toBe('interviewer');
    }
  }
  expect(planted).toBeGreaterThan(40);
});

describe.each([
  ['en', "We can't leave until you tell me. Tell me about the prior incident."],
  ['es', 'No podemos irnos hasta que me digas. Cuéntame del incidente anterior.'],
] as const)(
  'outside review #3: pressure and legal words plant no detail (%s)',
  (language, text) => {
    test.each(builtInScenarios(language).map((s) => [s.id, s] as const))(
      '%s: pressure raises reluctance, never a detail "leave"/"until"/"tell"',
      (_id, s) => {
        for (const seed of [1, 2, 3, 4, 5]) {
          const sim = simulate(s, seed, sub([text, text]));
          const planted = sim.falseDetails.map((d) => d.detail).join(' | ');
          expect(planted).not.toMatch(
            /\b(leave|until|tell|prior|incident|irnos|hasta|digas|incidente|anterior)\b/i,
          );
          expect(sim.reluctanceEnd).toBeGreaterThanOrEqual(sim.reluctanceStart);
        }
      },
    );
  },
);

test('truth practice is answered in the question’s own terms; a promise is promised', () => {
  for (const [language, item, notTrue, promise, promised] of [
    [
      'en',
      'If I said my shoes are red, would that be true or not true?',
      /^Not true\.$/,
      'Do you promise to tell me the truth?',
      /promise/i,
    ],
    [
      'es',
      'Si te digo que mis zapatos son rojos, ¿eso es verdad o no es verdad?',
      /^No es verdad\.$/,
      '¿Me prometes que me vas a decir la verdad?',
      /prometo/i,
    ],
  ] as const) {
    let right = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const sim = simulate(
        scenario('stolen-bike', language),
        seed,
        inPhase('groundRules', [item, promise]),
      );
      if (notTrue.test(sim.replies[0]?.answer ?? '')) right++;
      expect(sim.replies[1]?.answer).toMatch(promised);
    }
    expect(right).toBeGreaterThan(10);
  }
});
