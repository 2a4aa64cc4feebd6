// Issue #18 outside audit 2 (B18-1, B18-2, B18-3): kinds, over many seeds, in en and es-419,
// with wording written apart from the audits' examples.
import { planSession } from '../../../src/protocols';
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import { matchScripted, scriptedMatchers } from '../../../src/training/scripted';
import { hardQuestions } from '../../../src/training/understanding';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 30;
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const RAPPORT = {
  en: 'Tell me about things you like to do.',
  es: 'Cuéntame sobre las cosas que te gusta hacer.',
};
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const matchersFor = (age: number, language: TrainingLanguage) =>
  scriptedMatchers(planSession('nichd', age, language));

describe('B18-1 wh- questions get the fact they ask for (en, es)', () => {
  const rows: Array<[string, TrainingLanguage, string, RegExp]> = [
    ['dog-bite', 'es', '¿Qué te hizo el perro?', /mord/i],
    ['dog-bite', 'en', 'What did Grandma do?', /band-aid/i],
    ['stolen-bike', 'es', '¿Quién te ayudó a llamar a tu mamá?', /bibliotecaria/i],
    ['stolen-bike', 'en', 'Where did you leave your bike?', /library/i],
    ['road-accident', 'es', '¿Cómo te lastimaste?', /codo|caí|manubrio/i],
    ['road-accident', 'en', 'What did the driver look like?', /short hair/i],
    ['shoplifting-sibling', 'es', '¿Qué hizo Marco?', /chocolates|pagó|dio/i],
    ['babysitter-repeated', 'en', 'What does Tina do?', /lock|yell/i],
  ];
  test.each(rows)('%s %s "%s"', (id, language, question, asked) => {
    const scenario = builtInScenario(id, language)!;
    const matchers = matchersFor(scenario.ageYears, language);
    let answered = 0;
    let hits = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(
        scenario,
        seed,
        [R(RAPPORT[language]), S(OPEN[language]), S(question)],
        [],
        matchers,
      );
      const reply = sim.replies[2]!;
      // Never "Yes."/"Sí." to a wh- question, and no detail taken from its words.
      expect(reply.answer).not.toMatch(/^(yes|yeah|sí)\b/i);
      expect(sim.falseDetails.filter((d) => d.turn === 2 && d.source === 'suggested')).toEqual([]);
      if (reply.reluctant) continue;
      answered++;
      if (asked.test(reply.answer)) hits++;
    }
    expect(answered).toBeGreaterThan(0);
    expect(hits / answered).toBeGreaterThanOrEqual(0.8);
  });

  test('a slot the child has no fact for gets "I don\'t know" or a guess, never another fact', () => {
    const scenario = builtInScenario('stolen-bike', 'es')!;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(scenario, seed, [
        R(RAPPORT.es),
        S(OPEN.es),
        S('¿Cómo se llamaba el muchacho?'),
      ]);
      expect(sim.replies[2]!.factIds).toEqual([]);
    }
  });
});

describe.each(['en', 'es'] as TrainingLanguage[])(
  'B18-2 frame words plant nothing (%s)',
  (language) => {
    const open = {
      en: [
        'Take a moment, then tell me everything from the start.',
        'Thanks for letting me hear about it. What happened next?',
        'I want to get to know you better, so tell me what brings you here.',
      ],
      es: [
        'Tómate un momento y cuéntame todo desde el principio.',
        'Gracias por dejarme escucharte. ¿Y luego qué pasó?',
        'Puedes tomarte el tiempo que necesites. Cuéntame todo.',
      ],
    }[language];
    test('open and supportive paraphrases to every scenario', () => {
      const planted: string[] = [];
      for (const id of BUILTIN_IDS) {
        const scenario = builtInScenario(id, language)!;
        const matchers = matchersFor(scenario.ageYears, language);
        for (let seed = 1; seed <= 10; seed++) {
          const sim = simulate(
            scenario,
            seed,
            [R(RAPPORT[language]), ...open.map(S)],
            [],
            matchers,
          );
          planted.push(...sim.falseDetails.map((d) => `${id}: ${d.detail}`));
        }
      }
      expect(planted).toEqual([]);
    });
    test('a suggested content word still plants', () => {
      const scenario = builtInScenario('dog-bite', language)!;
      const q = language === 'en' ? 'Did the black dog touch you?' : '¿El perro negro te tocó?';
      let planted = 0;
      for (let seed = 1; seed <= 60; seed++)
        if (simulate(scenario, seed, [S(q)]).falseDetails.length > 0) planted++;
      expect(planted).toBeGreaterThan(0);
    });
  },
);

describe('B18-2/B18-3 the protocol wording of any age band is scripted and never "hard"', () => {
  test('NICHD transition and rapport prompt with a 4-year-old', () => {
    const matchers = matchersFor(4, 'en');
    const transition =
      'Now that I know you a little better, tell me what you came here to talk about today.';
    expect(matchScripted(matchers, transition, [])).toBeDefined();
    const scenario = builtInScenario('dog-bite', 'en')!;
    const questions = [
      'Tell me about something fun that happened to you in the last few days.',
      'Tell me about the part where you were playing at the big park with Grandma.',
      'Tell me about the part where the big dog came over to the slide at the park.',
    ];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const turns = [R(questions[0]!), S(questions[1]!), S(questions[2]!)];
      const simulation = simulate(scenario, seed, turns, [], matchers);
      const hard = hardQuestions({
        language: 'en',
        ageYears: 4,
        questions,
        simulation,
        scripted: [false, false, false],
        coachSuggestion: new Map(),
      });
      // Long questions the child answered are not "hard to understand"; only a child's signal is.
      for (const h of hard) expect(h.childSaidNotUnderstood || h.kind !== 'long').toBe(true);
    }
  });
  test('a legal word is still hard', () => {
    const scenario = builtInScenario('road-accident', 'en')!;
    const questions = [
      'Tell me about the incident.',
      'Did the alleged perpetrator indicate anything?',
    ];
    const simulation = simulate(scenario, 1, [S(questions[0]!), S(questions[1]!)]);
    const hard = hardQuestions({
      language: 'en',
      ageYears: 14,
      questions,
      simulation,
      scripted: [false, false],
      coachSuggestion: new Map(),
    });
    expect(hard.some((h) => h.kind === 'legal')).toBe(true);
  });
});
