// Issue #18 open items: feedback on questions the child did not understand (named question, the
// feature that made it hard, a simpler open prompt from the child's words or neutral wording);
// plain feedback when the substantive phase was never reached; harmless peripheral
// inconsistency in a later session, taught as normal; scenario validation of the new field;
// the child's exact inflected words kept as keywords.
import { planSession } from '../../../src/protocols';
import {
  buildFeedback,
  builtInScenarios,
  simulate,
  validateScenario,
  type PracticeTurn,
  type Scenario,
  type Simulation,
  type TrainingLanguage,
} from '../../../src/training';
import { hardQuestions } from '../../../src/training/understanding';
import { wordTools } from '../../../src/training/words';

const sub = (texts: string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId: 'investigation', substantive: true }));
const rapport = (texts: string[]): PracticeTurn[] =>
  texts.map((text) => ({ text, phaseId: 'rapport', substantive: false }));
const scenario = (id: string, language: TrainingLanguage = 'en'): Scenario => {
  const found = builtInScenarios(language).find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
};

function feedbackFor(
  s: Scenario,
  seed: number,
  turns: PracticeTurn[],
  earlier: PracticeTurn[][] = [],
) {
  const simulation = simulate(s, seed, turns, earlier);
  const dialogue = turns.flatMap((t, i) => [
    { speaker: 'interviewer' as const, text: t.text },
    { speaker: 'child' as const, text: simulation.replies[i]?.answer ?? '' },
  ]);
  return buildFeedback({
    scenario: s,
    seed,
    turns: dialogue,
    simulation,
    plan: planSession('nichd', s.ageYears, s.language),
    phasesEntered: new Set(turns.map((t) => t.phaseId ?? '')),
  });
}

/** Content words of a prompt that are neither the child's nor neutral invitation wording. */
function foreignWords(prompt: string, childSaid: string[], language: TrainingLanguage): string[] {
  const t = wordTools(language);
  const neutral = t.stemsOf(
    language === 'en'
      ? ['Tell me more about that.', 'Tell me everything that happened.', 'what happened next']
      : ['Cuéntame más sobre eso.', 'Cuéntame todo lo que pasó.', 'qué pasó después'],
  );
  const child = t.stemsOf(childSaid);
  return t
    .contentStems(prompt)
    .filter((s) => !neutral.has(s.stem) && !child.has(s.stem))
    .map((s) => s.word);
}

describe.each<[TrainingLanguage, string, string, string]>([
  [
    'en',
    'Tell me everything that happened.',
    'Did the alleged incident occur at the park?',
    'legal',
  ],
  ['es', 'Cuéntame todo lo que pasó.', '¿El presunto incidente ocurrió en el parque?', 'legal'],
])('questions the child did not understand (%s)', (language, open, legal, kind) => {
  const s = scenario('dog-bite', language);
  test("each hard question is named with its feature and a simpler prompt of the child's words or neutral wording", () => {
    let saidIt = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const f = feedbackFor(s, seed, sub([open, legal]));
      const hard = f.hardQuestions.find((q) => q.questionNumber === 2);
      expect(hard).toBeDefined();
      if (!hard) continue;
      expect(hard.kind).toBe(kind);
      expect(hard.text).toBe(legal);
      // The feature is named: the legal words themselves appear in the explanation.
      expect(hard.why).toMatch(
        language === 'en' ? /alleged, incident|incident/ : /presunto, incidente/,
      );
      expect(hard.why).toContain('2');
      const childSaid = f.facts.filter((x) => x.elicited).map((x) => x.text);
      expect(foreignWords(hard.alternative, childSaid, language)).toEqual([]);
      if (hard.childSaidNotUnderstood) {
        saidIt++;
        expect(f.goals.map((g) => g.id)).toContain('simplerQuestions');
      }
    }
    // Children seldom say so (SAYS_DONT_UNDERSTAND, band 0 = 0.15): some seeds, not all.
    expect(saidIt).toBeGreaterThan(0);
    expect(saidIt).toBeLessThan(40);
  });

  test('a question with no hard feature is not listed', () => {
    const f = feedbackFor(s, 3, sub([open]));
    expect(f.hardQuestions).toEqual([]);
  });
});

test('negative, compound and long questions are named by their feature', () => {
  const s = scenario('stolen-bike'); // age 11
  const f = feedbackFor(
    s,
    5,
    sub([
      'Tell me everything that happened.',
      "Didn't you not see where he went?",
      'Where did he go and what did he take?',
      'Can you tell me every single thing about the whole time at the library from when you first got there in the morning until you left to go home with your mom?',
    ]),
  );
  const kinds = new Map(f.hardQuestions.map((q) => [q.questionNumber, q.kind]));
  expect(kinds.get(2)).toBe('negative');
  expect(kinds.get(3)).toBe('compound');
  expect(kinds.get(4)).toBe('long');
  const long = f.hardQuestions.find((q) => q.kind === 'long');
  expect(long?.why).toMatch(/\d+ words; for a child aged 11, Hearth suggests at most 22/);
});

test("a simpler prompt reuses the child's exact word that the hard question used", () => {
  const s = scenario('dog-bite');
  // Find a seed where the child says "park" first, then ask a legal question about the park.
  for (let seed = 1; seed <= 60; seed++) {
    const first = simulate(s, seed, sub(['Tell me everything that happened.']));
    if (!first.replies[0]?.keywords.includes('the park')) continue;
    const f = feedbackFor(
      s,
      seed,
      sub([
        'Tell me everything that happened.',
        'Regarding the park, did the incident occur there?',
      ]),
    );
    const hard = f.hardQuestions.find((q) => q.questionNumber === 2);
    expect(hard?.alternative).toMatch(/the park/);
    return;
  }
  throw new Error('no seed where the child said "the park"');
});

describe.each<TrainingLanguage>(['en', 'es'])('no substantive phase (%s)', (language) => {
  const s = scenario('party-push', language);
  test('says plainly that the substantive phase was not reached and how to get there', () => {
    const q =
      language === 'en'
        ? ['Tell me about things you like to do.', 'What else do you like?']
        : ['Cuéntame de las cosas que te gusta hacer.', '¿Qué más te gusta?'];
    const f = feedbackFor(s, 2, rapport(q));
    expect(f.reachedSubstantive).toBe(false);
    expect(f.measures.substantivePrompts).toBe(0);
    expect(f.goals[0]?.id).toBe('reachSubstantive');
    expect(f.goals[0]?.text).toMatch(
      language === 'en' ? /did not reach the substantive phase/ : /No llegó a la fase sustantiva/,
    );
    // No 0% invitation-share lesson for a phase that never happened, and no praise.
    expect(f.goals.map((g) => g.id)).not.toContain('moreInvitations');
    expect(f.goals.map((g) => g.id)).not.toContain('keepGoing');
  });
  test('no questions at all: nothing to score, said as such', () => {
    const f = feedbackFor(s, 2, []);
    expect(f.goals[0]?.id).toBe('noQuestions');
  });
});

describe.each<TrainingLanguage>(['en', 'es'])(
  'harmless inconsistency across sessions (%s)',
  (language) => {
    const s = scenario('stolen-bike', language);
    const hoodie = s.facts.find((f) => f.id === 'hoodie');
    const ask =
      language === 'en'
        ? [
            'Tell me everything that happened.',
            'And then what happened?',
            'Tell me more about him.',
            'What was he wearing?',
          ]
        : [
            'Cuéntame todo lo que pasó.',
            '¿Y luego qué pasó?',
            'Cuéntame más sobre él.',
            '¿Qué traía puesto?',
          ];
    test('a second session brings new details and a peripheral detail told differently; feedback says it is normal', () => {
      expect(hoodie?.retold).toBeDefined();
      let differing = 0;
      let newDetails = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const first = simulate(s, seed, sub(ask));
        if (!first.elicited.has('hoodie')) continue;
        const f = feedbackFor(s, seed, sub(ask), [sub(ask)]);
        expect(f.session).toBe(2);
        expect(f.acrossSessions).toBeDefined();
        newDetails += f.acrossSessions?.newDetails ?? 0;
        const fact = f.facts.find((x) => x.id === 'hoodie');
        if (fact?.toldDifferently) {
          differing++;
          expect(fact.toldDifferently).toBe(hoodie?.retold);
          expect(fact.text).toBe(hoodie?.text);
          // Neither version is established; no claim about lying (Fisher, Brewer & Mitchell 2009
          // address accuracy, not deception: practitioner review 4, m6).
          expect(f.acrossSessions?.note).toMatch(
            language === 'en'
              ? /does not by itself make the rest of the account less accurate.*treat neither version as established/
              : /por sí solo no hace menos exacto el resto del relato.*no dé ninguna de las dos por establecida/,
          );
          expect(f.acrossSessions?.note).not.toMatch(/lying|mentira/);
          // The child really said the differing wording, and never in the first session.
          const sim = simulate(s, seed, sub(ask), [sub(ask)]);
          expect(
            sim.replies.some((r) => r.answer.includes(hoodie?.retold?.slice(0, 20) ?? '~')),
          ).toBe(true);
          expect(
            first.replies.some((r) => r.answer.includes(hoodie?.retold?.slice(0, 20) ?? '~')),
          ).toBe(false);
        }
      }
      expect(differing).toBeGreaterThan(0);
      expect(differing).toBeLessThan(40);
      expect(newDetails).toBeGreaterThan(0);
    });
    test('a differing wording is never a lure and never planted as a false detail', () => {
      for (let seed = 1; seed <= 20; seed++) {
        const f = feedbackFor(s, seed, sub(ask), [sub(ask)]);
        expect(f.falseDetails).toEqual([]);
      }
    });
    test('a first session has no across-sessions note and tells no detail differently', () => {
      const f = feedbackFor(s, 1, sub(ask));
      expect(f.acrossSessions).toBeUndefined();
      expect(f.facts.some((x) => x.toldDifferently)).toBe(false);
    });
  },
);

test('validation names the field of a differing wording on a central fact or the practice event', () => {
  const s = scenario('dog-bite');
  const central = structuredClone(s);
  const i = central.facts.findIndex((f) => f.centrality === 'central');
  central.facts[i] = { ...central.facts[i]!, retold: 'Something else.' };
  expect(() => validateScenario(central)).toThrow(
    new RegExp(`scenario\\.facts\\.${i}\\.retold: only a peripheral fact`),
  );
  const same = structuredClone(s);
  const j = same.facts.findIndex((f) => f.centrality === 'peripheral');
  same.facts[j] = { ...same.facts[j]!, retold: same.facts[j]!.text };
  expect(() => validateScenario(same)).toThrow(
    new RegExp(`scenario\\.facts\\.${j}\\.retold: the same`),
  );
  const practice = structuredClone(s);
  practice.practiceEvent![0] = { ...practice.practiceEvent![0]!, retold: 'x y z' };
  expect(() => validateScenario(practice)).toThrow(/scenario\.practiceEvent\.0\.retold/);
  // A lure that matches the differing wording is not a lure.
  const lure = structuredClone(s);
  lure.lures[0] = { ...lure.lures[0]!, keywords: ['blue'] };
  expect(() => validateScenario(lure)).toThrow(/scenario\.lures\.0\.keywords/);
});

describe('the simpler prompt keeps the exact inflected words the child said', () => {
  const reply = (keywords: string[], type: string, subtype = 'open') =>
    ({
      keywords,
      factIds: keywords.length > 0 ? ['x'] : [],
      stage: 'substantive',
      coding: { type, subtype },
    }) as unknown as Simulation['replies'][number];
  test.each<[TrainingLanguage, string, string, string]>([
    [
      'en',
      'shouting',
      'Regarding the shouting, did the alleged incident happen?',
      'You said, “shouting”. Tell me more about that.',
    ],
    [
      'en',
      'the scraped elbow',
      'Was the scraped elbow subsequently treated by an individual?',
      'You said, “the scraped elbow”. Tell me more about that.',
    ],
    [
      'es',
      'los gritos',
      '¿El presunto agresor daba los gritos?',
      'Dijiste: “los gritos”. Cuéntame más sobre eso.',
    ],
    [
      'es',
      'las paletitas',
      '¿Las paletitas fueron el incidente?',
      'Dijiste: “las paletitas”. Cuéntame más sobre eso.',
    ],
    // A verb the child used reads as a quote, never as "Tell me more about cried" /
    // "Cuéntame más sobre lloré" (es-419 review, finding 1).
    [
      'en',
      'cried',
      'Regarding the alleged incident, when you cried, was it prior?',
      'You said, “cried”. Tell me more about that.',
    ],
    [
      'es',
      'lloré',
      '¿Lloré fue antes del presunto incidente?',
      'Dijiste: “lloré”. Cuéntame más sobre eso.',
    ],
  ])('%s: "%s"', (language, said, question, expected) => {
    const simulation = {
      replies: [reply([said], 'invitation'), reply([], 'directive', 'wh')],
    } as unknown as Simulation;
    const out = hardQuestions({
      language,
      ageYears: 8,
      questions: ['(open prompt)', question],
      simulation,
      scripted: [false, false],
      coachSuggestion: new Map(),
    });
    expect(out[0]?.kind).toBe('legal');
    expect(out[0]?.alternative).toBe(expected);
  });
  test("with none of the child's words in the question, neutral protocol wording", () => {
    const simulation = {
      replies: [reply(['shouting'], 'invitation'), reply([], 'directive', 'wh')],
    } as unknown as Simulation;
    const out = hardQuestions({
      language: 'en',
      ageYears: 8,
      questions: ['(open prompt)', 'Did the perpetrator use a weapon?'],
      simulation,
      scripted: [false, false],
      coachSuggestion: new Map(),
    });
    expect(out[0]?.alternative).toBe('Tell me more about that.');
  });
});

describe.each<TrainingLanguage>(['en', 'es'])(
  "every keyword is the child's exact word, in every scenario and both sessions (%s)",
  (language) => {
    const ask =
      language === 'en'
        ? [
            'Tell me everything that happened.',
            'And then what happened?',
            'Tell me more about that.',
            'What else?',
          ]
        : [
            'Cuéntame todo lo que pasó.',
            '¿Y luego qué pasó?',
            'Cuéntame más sobre eso.',
            '¿Qué más?',
          ];
    test.each(builtInScenarios(language).map((s) => [s.id, s] as const))('%s', (_id, s) => {
      for (const seed of [1, 2, 3]) {
        const sim = simulate(s, seed, sub(ask), [sub(ask)]);
        for (const r of sim.replies)
          for (const k of r.keywords) {
            // Verbatim, inflection and accents kept (never a lemma or a fact keyword unsaid).
            expect(r.answer).toContain(k);
            expect(foreignWords(fillCue(language, k), [r.answer], language)).toEqual([]);
          }
      }
    });
  },
);

function fillCue(language: TrainingLanguage, words: string): string {
  return language === 'en' ? `Tell me more about ${words}.` : `Cuéntame más sobre ${words}.`;
}

// A question with two hard features names both, not only the first (a legal word and a double
// negative; issue #21, training leftovers of #18).
describe('a question with several hard features names every one', () => {
  const reply = (type: string, subtype: string, keywords: string[] = []) =>
    ({
      keywords,
      factIds: keywords.length > 0 ? ['x'] : [],
      stage: 'substantive',
      coding: { type, subtype },
    }) as unknown as Simulation['replies'][number];
  test.each<[TrainingLanguage, string, RegExp[]]>([
    [
      'en',
      "Didn't the perpetrator never say anything?",
      [
        /^Question 2 used words young people rarely know \("perpetrator"\)/,
        /It was also a negative question \("[^"]*never[^"]*"\)/,
      ],
    ],
    [
      'es',
      '¿No es cierto que el presunto agresor nunca dijo nada?',
      [
        /^La pregunta 2 usó palabras que niños y jóvenes casi nunca conocen \(«[^»]*presunto[^»]*»\)/,
        /Además era una pregunta negativa \(«[^»]*»\)/,
      ],
    ],
  ])('%s: %s', (language, question, expected) => {
    const simulation = {
      replies: [reply('invitation', 'open', ['park']), reply('option-posing', 'negative')],
    } as unknown as Simulation;
    const out = hardQuestions({
      language,
      ageYears: 8,
      questions: ['(open prompt)', question],
      simulation,
      scripted: [false, false],
      coachSuggestion: new Map(),
    });
    expect(out).toHaveLength(1);
    expect(out[0]!.kind).toBe('legal');
    for (const part of expected) expect(out[0]!.why).toMatch(part);
  });
});
