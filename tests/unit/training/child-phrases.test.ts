// Cue words and chips are the child's own phrases (audit 18, F-13): a compound the child said stays
// whole ("ice cream", "the bus station", "la estación de autobuses", "helado de chocolate"), a
// modifier is never offered alone ("a blue", "a gray"), a verb never ends a subject ("The dog
// bit") and is never offered alone ("bit"): its cue is the child's clause ("The dog bit my hand",
// re-check R18-10), and every phrase is an exact slice of what the child said. Checked on the phrase rule
// directly (every built-in fact, both languages, and a trainer's own fact) and through the
// simulated child's replies.
import {
  builtInScenarios,
  simulate,
  type Fact,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';
import { childPhrases, DETERMINERS } from '../../../src/training/phrases';
import { wordTools } from '../../../src/training/words';

const phrasesOf = (
  language: TrainingLanguage,
  f: Pick<Fact, 'text' | 'keywords'>,
  text = f.text,
) => {
  const t = wordTools(language);
  const wanted = t.stemsOf(f.keywords);
  return childPhrases(text, {
    language,
    stemsOf: (w) => t.contentStems(w).map((s) => s.stem),
    wanted,
    joinable: new Set([...wanted, ...t.stemsOf([f.text])]),
  });
};
const factOf = (language: TrainingLanguage, scenarioId: string, factId: string): Fact => {
  const s = builtInScenarios(language).find((x) => x.id === scenarioId)!;
  const f = [...s.facts, ...(s.practiceEvent ?? [])].find((x) => x.id === factId);
  if (!f) throw new Error(`no fact ${scenarioId}/${factId}`);
  return f;
};

test.each([
  ['en', 'stolen-bike', 'icecream', ['ice cream']],
  ['en', 'stolen-bike', 'bus', ['the bus station']],
  ['en', 'stolen-bike', 'hoodie', ['a gray hoodie', 'a backpack']],
  ['en', 'stolen-bike', 'blue', ['a blue mountain bike', 'a black seat']],
  ['en', 'uncle-secret', 'touch', ['He touches my private parts over my pajamas', 'my private parts', 'my pajamas']],
  ['en', 'uncle-secret', 'ray', ['My uncle Ray']],
  ['en', 'dog-bite', 'bite', ['The dog bit my hand', 'my hand']],
  ['en', 'party-push', 'push', ["The man pushed Sam's dad really hard"]],
  ['en', 'visitor-nothing', 'visitor', ['Mr. Dan']],
  ['en', 'shoplifting-sibling', 'shop', ['the corner store']],
  ['en', 'teen-exploitation', 'boba', ['boba tea']],
  ['es', 'stolen-bike', 'bus', ['la estación de autobuses']],
  ['es', 'stolen-bike', 'sandcastle', ['Mi hermana', 'un castillo de arena enorme']],
  ['es', 'stolen-bike', 'hoodie', ['una sudadera gris', 'una mochila']],
  ['es', 'shoplifting-sibling', 'chocolate', ['unos chocolates', 'el bolsillo de la chamarra']],
  // The child's negation stays with its verb: «pagó» alone says the opposite (rev18 R18-10).
  ['es', 'shoplifting-sibling', 'pay', ['No los pagó']],
  ['es', 'visitor-nothing', 'popsicle', ['una paleta de hielo']],
  ['es', 'party-push', 'push', ['empujó muy fuerte al papá de Sam']],
  ['es', 'dog-bite', 'cousin', ['mi prima Lucía']],
  ['es', 'babysitter-repeated', 'cake', ['El pastel', 'chocolate']],
] as const)(
  '%s %s/%s: the child’s phrases stay whole',
  (language, scenarioId, factId, expected) => {
    expect(phrasesOf(language, factOf(language, scenarioId, factId))).toEqual(expected);
  },
);

test('a trainer’s own fact: "helado de chocolate" and "ice cream cone" stay whole', () => {
  expect(
    phrasesOf('es', {
      text: 'Comimos helado de chocolate en el parque.',
      keywords: ['helado', 'parque'],
    }),
  ).toEqual(['helado de chocolate', 'el parque']);
  expect(
    phrasesOf('en', {
      text: 'We got an ice cream cone at the park.',
      keywords: ['ice', 'park'],
    }),
  ).toEqual(['an ice cream cone', 'the park']);
});

describe.each(['en', 'es'] as const)('every built-in fact (%s)', (language) => {
  const facts = builtInScenarios(language).flatMap((s) => [...s.facts, ...(s.practiceEvent ?? [])]);
  const determiners = DETERMINERS[language];

  test('each phrase is an exact slice of the child’s words, starts and ends on a word, holds a keyword', () => {
    const t = wordTools(language);
    let phrases = 0;
    for (const f of facts) {
      const wanted = t.stemsOf(f.keywords);
      for (const p of phrasesOf(language, f)) {
        phrases++;
        expect([f.id, f.text.includes(p)]).toEqual([f.id, true]);
        const words = p.split(/\s+/);
        expect([p, determiners.has(words[words.length - 1]!.toLowerCase())]).toEqual([p, false]);
        expect([p, /^(de|del)$/i.test(words[0]!)]).toEqual([p, false]);
        const stems = words.flatMap((w) => t.contentStems(w).map((s) => s.stem));
        expect([p, stems.some((s) => wanted.has(s))]).toEqual([p, true]);
      }
    }
    expect(phrases).toBeGreaterThan(facts.length);
  });

  test('two keywords side by side in a fact are one phrase unless the second is a verb', () => {
    // The kind of F-13: "ice" + "cream", "the bus" + "station", "a gray" + "hoodie".
    const split: string[] = [];
    for (const f of facts) {
      const out = phrasesOf(language, f);
      for (let i = 1; i < out.length; i++) {
        const joined = `${out[i - 1]} ${out[i]}`;
        const second = out[i]!.split(/\s+/)[0]!.toLowerCase();
        if (f.text.includes(joined) && !determiners.has(second)) split.push(joined);
      }
    }
    // What remains split is a subject and its verb, or a verb and what follows it, by design.
    const VERB_SPLITS: Record<TrainingLanguage, string[]> = {
      en: [
        'The juice spilled',
        'a wave knocked',
        'side mirror clipped',
        'walked around',
        'turned left',
      ],
      es: ['El jugo regó', 'Un señor de la panadería le llamó a mi papá'],
    };
    expect(split.filter((s) => !VERB_SPLITS[language].includes(s))).toEqual([]);
  });
});

describe('through the simulated child', () => {
  const sub = (texts: string[]): PracticeTurn[] =>
    texts.map((text) => ({ text, phaseId: 'investigation', substantive: true }));
  const scenario = (id: string, language: TrainingLanguage): Scenario => ({
    ...builtInScenarios(language).find((s) => s.id === id)!,
    personality: 'talkative',
    reluctance: 0,
  });

  test.each([
    [
      'en',
      ['Tell me everything that happened.', 'Tell me more about him.', 'What was he wearing?'],
    ],
    [
      'es',
      [
        'Cuéntame todo lo que pasó.',
        'Cuéntame más sobre él.',
        '¿Qué tenía puesto?',
        '¿Y luego qué pasó?',
      ],
    ],
  ] as const)(
    '%s: keywords over many seeds are whole phrases the child said',
    (language, prompts) => {
      const all = new Set<string>();
      for (let seed = 1; seed <= 40; seed++) {
        const sim = simulate(scenario('stolen-bike', language), seed, sub([...prompts]));
        for (const r of sim.replies) {
          for (const k of r.keywords) {
            expect([k, r.answer.includes(k)]).toEqual([k, true]);
            all.add(k);
          }
        }
      }
      const words = [...all];
      // No compound split, no modifier alone.
      const SPLIT =
        /^(ice|cream|station|the bus|a gray|a blue|a black|hoodie|autobuses|la estación|una sudadera|gris)$/i;
      expect(words.filter((w) => SPLIT.test(w))).toEqual([]);
      const whole =
        language === 'en'
          ? ['the bus station', 'a gray hoodie', 'a black hoodie']
          : ['la estación de autobuses', 'una sudadera gris', 'una sudadera negra'];
      expect(words.some((w) => whole.includes(w))).toBe(true);
    },
  );

  test('a detail the interviewer planted never joins the child’s phrase', () => {
    const s = scenario('dog-bite', 'en');
    for (let seed = 1; seed <= 40; seed++) {
      const sim = simulate(
        s,
        seed,
        sub([
          'Tell me everything that happened.',
          'The dog was black, wasn’t it?',
          'Tell me more.',
        ]),
      );
      for (const r of sim.replies) for (const k of r.keywords) expect(k).not.toMatch(/black/i);
    }
  });
});
