// Issue #18, practitioner review rev18 (R18-1..R18-14, the child's answers): each kind of
// answer is checked over many seeds and ages, in en and es-419, with the rate printed.
import { planSession } from '../../../src/protocols';
import {
  builtInScenario,
  simulate,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';
import { explainComplexity } from '../../../src/training/comprehension';
import { codeUtterance } from '../../../src/training/coding';
import { scriptedMatchers } from '../../../src/training/scripted';

const SEEDS = 15;
const AGES = [4, 7, 10, 13, 16];
const LANGS: TrainingLanguage[] = ['en', 'es'];
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const OPEN: Record<TrainingLanguage, string[]> = {
  en: [
    'Tell me what you came here to talk about today.',
    'Tell me everything that happened.',
    'And then what happened?',
  ],
  es: [
    'Cuéntame de qué viniste a hablar hoy.',
    'Cuéntame todo lo que pasó.',
    '¿Y después qué pasó?',
  ],
};
const IDK = /^(?:no s[eé]|no me acuerdo|i don'?t know|i don'?t remember|don'?t know)\.?$/iu;
const GUESS = /^¿.*\?$|\?$/u;

function scenarioOf(id: string, language: TrainingLanguage): Scenario {
  const s = builtInScenario(id, language);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** Every run's simulation of the turns, over ages and seeds, reluctance off unless kept. */
function runs(
  id: string,
  language: TrainingLanguage,
  turns: PracticeTurn[],
  ages = AGES,
  keepReluctance = false,
): ReturnType<typeof simulate>[] {
  const base = scenarioOf(id, language);
  const out: ReturnType<typeof simulate>[] = [];
  for (const age of ages)
    for (let seed = 1; seed <= SEEDS; seed++)
      out.push(
        simulate(
          { ...base, ageYears: age, ...(keepReluctance ? {} : { reluctance: 0 }) },
          seed,
          turns,
          [],
          scriptedMatchers(planSession('nichd', age, language)),
        ),
      );
  return out;
}

const last = (sim: ReturnType<typeof simulate>) => sim.replies.at(-1)?.answer ?? '';

describe('R18-1: the pleasant-event rapport prompt gets the practice event, named', () => {
  const PROMPT = {
    en: 'Tell me about something fun that happened to you in the last few days.',
    es: 'Cuéntame sobre algo divertido que te pasó en los últimos días.',
  };
  test.each(['dog-bite', 'road-accident', 'uncle-secret', 'teen-exploitation'])('%s', (id) => {
    for (const language of LANGS) {
      const practice = scenarioOf(id, language).practiceEvent ?? [];
      const sims = runs(id, language, [R(PROMPT[language])]);
      const named = sims.filter((s) => practice.some((f) => last(s) === f.text));
      const yes = sims.filter((s) => /^(?:yes|yeah|s[ií])\b/iu.test(last(s)));
      process.stdout.write(
        `R18-1 ${language} ${id}: practice event named ${named.length}/${sims.length}\n`,
      );
      expect(practice.length).toBeGreaterThan(0);
      // A reluctant child may shrug ("..."), otherwise it names the event.
      expect(named.length).toBeGreaterThanOrEqual(sims.length * 0.5);
      expect(yes).toEqual([]);
      // The child's own words become the trainee's chips for narrative practice.
      expect(named.every((s) => (s.replies[0]?.keywords.length ?? 0) > 0)).toBe(true);
    }
  });

  test('narrative practice about the named event is a cued invitation, answered without "Yes."', () => {
    const asks = {
      en: 'Tell me everything that happened on Saturday, from the beginning to the end.',
      es: 'Cuéntame todo lo que pasó el sábado, desde el principio hasta el final.',
    };
    for (const language of LANGS) {
      const sims = runs('uncle-secret', language, [
        R(PROMPT[language]),
        { text: asks[language], phaseId: 'narrativePractice', substantive: false },
      ]);
      const cued = sims.filter((s) => s.replies[1]?.coding.type === 'cued-invitation');
      const yes = sims.filter((s) => /^(?:yes|yeah|s[ií])\b/iu.test(last(s)));
      process.stdout.write(
        `R18-1 ${language} practice prompt cued: ${cued.length}/${sims.length}\n`,
      );
      expect(cued.length).toBeGreaterThanOrEqual(sims.length * 0.5);
      expect(yes).toEqual([]);
    }
  });
});

describe('R18-2: a wh- question gets the fact of the kind it asks for, or "I don\'t know"', () => {
  // [scenario, language, question, the right fact, what must never be said, least share right]
  const CASES: Array<[string, TrainingLanguage, string, RegExp, RegExp, number?]> = [
    [
      'dog-bite',
      'en',
      'Where were you when the dog bit you?',
      /park|slide/u,
      /bit my hand|big dog/u,
    ],
    [
      'dog-bite',
      'es',
      '¿Dónde estabas cuando el perro te mordió?',
      /parque|resbaladilla/u,
      /mordió|perro grande/u,
    ],
    ['stolen-bike', 'en', 'Where did the teenager go?', /bus station/u, /riding off|library/u],
    [
      'stolen-bike',
      'es',
      '¿Adónde se fue el muchacho?',
      /estación de autobuses/u,
      /yendo en ella|biblioteca/u,
    ],
    ['stolen-bike', 'en', 'What was the teenager wearing?', /hoodie/u, /mountain bike/u],
    ['stolen-bike', 'es', '¿Qué traía puesto el muchacho?', /sudadera/u, /montaña/u],
    [
      'road-accident',
      'en',
      'What did the man from the bakery do?',
      /called my dad/u,
      /car turned|elbow|driver/u,
    ],
    [
      'road-accident',
      'es',
      '¿Qué hizo el señor de la panadería?',
      /llamó a mi papá/u,
      /carro|codo|conductora/u,
    ],
    // The lock and the cashier have no such fact in the scenario: "I don't know" or a guess.
    ['stolen-bike', 'es', '¿Cómo era el candado?', /candado/u, /sudadera|mochila|muchacho/u, 0],
    [
      'shoplifting-sibling',
      'en',
      'What did the cashier do?',
      /register|phone/u,
      /pay|candy|gave me/u,
      0,
    ],
    ['party-push', 'es', '¿Qué hizo el hombre?', /hombre|grit|empuj/u, /sillón|tía|jugo/u],
  ];
  test.each(CASES)('%s %s: %s', (id, language, question, right, wrong, least = 0.6) => {
    const sims = runs(id, language, [...OPEN[language].map(S), S(question)], [7, 10, 13]);
    const said = sims.map(last);
    const ok = said.filter((a) => right.test(a)).length;
    const other = said.filter((a) => !right.test(a) && !IDK.test(a) && !GUESS.test(a));
    process.stdout.write(`R18-2 ${language} ${id} "${question}": ${ok}/${said.length} right\n`);
    expect(said.filter((a) => wrong.test(a))).toEqual([]);
    expect(other).toEqual([]);
    expect(ok).toBeGreaterThanOrEqual(said.length * least);
  });
});

describe('R18-3: a reluctant youth tells the act only after repeated support', () => {
  const T = {
    en: {
      rapport: [
        "I'd like to get to know you a bit. Tell me about things you like to do.",
        'Tell me about a normal day for you.',
      ],
      start: "Now I'd like to talk about what brought you here today. Tell me about that.",
      support: [
        "It's okay to take your time. I talk with a lot of young people, and I'm here to listen.",
        "I can see this is hard. You're doing a good job talking with me.",
        'Lots of young people come here to talk. You can tell me whatever you want.',
        "It's okay. I'm here to listen.",
      ],
      ask: [
        'Tell me why you think you are here today.',
        'Tell me more about that.',
        'And then what happened?',
      ],
    },
    es: {
      rapport: [
        'Me gustaría conocerte un poco. Cuéntame sobre las cosas que te gusta hacer.',
        'Cuéntame cómo es un día normal para ti.',
      ],
      start: 'Ahora me gustaría hablar de lo que te trajo aquí hoy. Cuéntame sobre eso.',
      support: [
        'Está bien tomarte tu tiempo. Hablo con muchos jóvenes y estoy aquí para escucharte.',
        'Veo que esto es difícil. Lo estás haciendo muy bien.',
        'Muchos jóvenes vienen aquí a hablar. Puedes contarme lo que quieras.',
        'Está bien. Estoy aquí para escucharte.',
      ],
      ask: [
        'Cuéntame por qué crees que estás aquí hoy.',
        'Cuéntame más sobre eso.',
        '¿Y después qué pasó?',
      ],
    },
  };
  test.each(['teen-exploitation', 'uncle-secret'])('%s', (id) => {
    for (const language of LANGS) {
      const base = scenarioOf(id, language);
      const told = (supports: number) => {
        let act = 0;
        let facts = 0;
        for (let seed = 1; seed <= 40; seed++) {
          const t = T[language];
          const turns: PracticeTurn[] = [...t.rapport.map(R), S(t.start)];
          for (let i = 0; i < supports; i++) turns.push(S(t.support[i] ?? ''), S(t.ask[0] ?? ''));
          turns.push(S(t.ask[1] ?? ''), S(t.ask[2] ?? ''));
          const sim = simulate(base, seed, turns);
          facts += sim.elicited.size;
          if ((base.act ?? []).some((a) => sim.elicited.has(a)) || sim.allegation.by === 'child')
            act++;
        }
        return { act, facts: facts / 40 };
      };
      const one = told(1);
      const four = told(4);
      process.stdout.write(
        `R18-3 ${language} ${id}: act told after 1 support ${one.act}/40 (${one.facts.toFixed(1)} facts), after 4 ${four.act}/40 (${four.facts.toFixed(1)} facts) of ${base.facts.length}\n`,
      );
      expect(one.act).toBeLessThanOrEqual(4);
      expect(one.facts).toBeLessThan(base.facts.length / 2);
      expect(four.act).toBeGreaterThan(one.act + 15);
    }
  });
});

describe('R18-4: the child never says legal wording as its own', () => {
  const CASES: Array<[string, TrainingLanguage, string]> = [
    [
      'stolen-bike',
      'en',
      "Did the alleged perpetrator's conduct constitute an assault upon your person?",
    ],
    [
      'stolen-bike',
      'es',
      '¿La conducta del presunto agresor constituyó una agresión hacia tu persona?',
    ],
    [
      'babysitter-repeated',
      'es',
      '¿Tu niñera alguna vez ha cometido un acto de negligencia o abuso infantil hacia tu persona?',
    ],
    [
      'babysitter-repeated',
      'en',
      'Has your babysitter ever committed an act of neglect or child abuse upon your person?',
    ],
    ['pupil-threats', 'en', "Would you characterize the perpetrator's conduct as extortion?"],
    ['pupil-threats', 'es', '¿Caracterizarías la conducta del agresor como extorsión?'],
  ];
  const LEGAL =
    /alleged|perpetrat|conduct|constitut|upon|persona\b|person\b|negligen|neglect|abuse|abuso|extort|character|caracteriz|presunto|agresor|cometid/iu;
  test.each(CASES)('%s %s: %s', (id, language, question) => {
    const sims = runs(id, language, [
      ...OPEN[language].map(S),
      S(question),
      S(OPEN[language][1] ?? ''),
    ]);
    const answers = sims.flatMap((s) => s.replies.slice(-2).map((r) => r.answer));
    const idu = sims.filter((s) => s.replies.at(-2)?.notUnderstood === 'legal').length;
    process.stdout.write(`R18-4 ${language} ${id}: "I don't understand" ${idu}/${sims.length}\n`);
    expect(answers.filter((a) => LEGAL.test(a))).toEqual([]);
    expect(idu).toBeGreaterThan(0);
    // The question is listed as hard for its legal words (Perry et al. 1995).
    const coding = codeUtterance(question, language, [], 10);
    expect(explainComplexity(question, coding, 2, language)?.kind).toBe('legal');
  });
});

describe('R18-5: Spanish double negatives are hard like English ones', () => {
  test.each([
    ['en', "Isn't it true that you didn't see who did it?"],
    ['es', '¿No es cierto que no viste quién fue?'],
    ['es', '¿Alguna vez no te dejaron no ir al baño?'],
  ] as Array<[TrainingLanguage, string]>)('%s: %s', (language, question) => {
    const coding = codeUtterance(question, language, [], 10);
    const found = explainComplexity(question, coding, 2, language);
    expect([found?.kind, ...(found?.also ?? []).map((a) => a.kind)]).toContain('negative');
    const sims = runs('stolen-bike', language, [...OPEN[language].map(S), S(question)]);
    const idu = sims.filter((s) => s.replies.at(-1)?.notUnderstood === 'negative').length;
    process.stdout.write(
      `R18-5 ${language} "${question}": "I don't understand" ${idu}/${sims.length}\n`,
    );
    expect(idu).toBeGreaterThan(0);
  });
});

describe('R18-8: a cued invitation about something never said is asked about or corrected', () => {
  const CASES: Array<[string, TrainingLanguage, string]> = [
    ['shoplifting-sibling', 'en', 'Tell me more about the guard.'],
    ['shoplifting-sibling', 'es', 'Cuéntame más sobre el guardia.'],
    ['party-push', 'es', 'Cuéntame más sobre la maestra.'],
    ['dog-bite', 'en', 'Tell me more about the cat.'],
  ];
  test.each(CASES)('%s %s: %s', (id, language, question) => {
    const sims = runs(id, language, [...OPEN[language].map(S), S(question)]);
    const said = sims.map(last);
    const asks = said.filter((a) => /^(?:What|Huh|¿Cuál|¿Qué)/u.test(a)).length;
    const corrects = said.filter((a) => /^(?:There wasn't|No había)/u.test(a)).length;
    process.stdout.write(
      `R18-8 ${language} ${id} "${question}": asks ${asks}, says it was not there ${corrects} of ${said.length}\n`,
    );
    expect(asks + corrects).toBe(said.length);
    expect(corrects).toBeGreaterThan(0);
    expect(
      said.filter((a) => /^(?:Okay|Yeah, okay|Está bien|No\.$|Sí\.$|Yes\.$)/u.test(a)),
    ).toEqual([]);
  });

  test('a 4-year-old who answers "you are two" with "Okay." has not practised correcting', () => {
    for (const language of LANGS) {
      const item = {
        en: 'So if I said you are two years old, what would you say?',
        es: 'Entonces, si yo dijera que tienes dos años, ¿qué me dirías?',
      }[language];
      const sims = runs(
        'dog-bite',
        language,
        [{ text: item, phaseId: 'groundRules', substantive: false }],
        [4],
      );
      const failed = sims.filter((s) => /^(?:Okay|Yes|Sí|Ok)\.$/u.test(last(s)));
      process.stdout.write(
        `R18-8 ${language} age 4 correct-me failed ${failed.length}/${sims.length}\n`,
      );
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.filter((s) => s.rules.correctMe === 'practised')).toEqual([]);
      expect(sims.filter((s) => !failed.includes(s) && s.rules.correctMe !== 'practised')).toEqual(
        [],
      );
    }
  });
});

describe('R18-9: a cued invitation adds to the cued item, never the same line', () => {
  const CASES: Array<[string, TrainingLanguage, string, RegExp]> = [
    ['dog-bite', 'en', 'You said the dog bit you. Tell me more about that.', /^A big dog came/u],
    [
      'road-accident',
      'es',
      'Dijiste que el carro dio vuelta. Cuéntame más sobre eso.',
      /^Había un carro plateado/u,
    ],
    ['stolen-bike', 'en', 'Tell me more about the teenager.', /^$/u],
    ['teen-exploitation', 'en', 'Tell me more about Marcus.', /^$/u],
  ];
  test.each(CASES)('%s %s: %s', (id, language, question, wrong) => {
    const sims = runs(id, language, [...OPEN[language].map(S), S(question)]);
    const repeats = sims.filter((s) => {
      const a = last(s);
      return s.replies.slice(0, -1).some((r) => r.answer === a || r.answer.includes(a));
    });
    process.stdout.write(`R18-9 ${language} ${id}: repeats ${repeats.length}/${sims.length}\n`);
    expect(sims.filter((s) => wrong.test(last(s)))).toEqual([]);
    expect(repeats.length).toBeLessThanOrEqual(sims.length * 0.05);
  });
});

describe('R18-11: after "every time...", one time or more than one time is "more than one time"', () => {
  test.each(LANGS)('%s', (language) => {
    const t = {
      en: [
        'Tell me what you came here to talk about today.',
        'Tell me everything about that.',
        'Did that happen one time or more than one time?',
      ],
      es: [
        'Cuéntame de qué viniste a hablar hoy.',
        'Cuéntame todo sobre eso.',
        '¿Eso pasó una vez o más de una vez?',
      ],
    }[language];
    const sims = runs('babysitter-repeated', language, t.map(S)).filter((s) =>
      /every time|cada vez|siempre|always/iu.test(
        s.replies
          .slice(0, 2)
          .map((r) => r.answer)
          .join(' '),
      ),
    );
    const more = sims.filter((s) => /more than one|lots|más de una|muchas/iu.test(last(s)));
    process.stdout.write(
      `R18-11 ${language}: "more than one time" ${more.length}/${sims.length}\n`,
    );
    expect(sims.length).toBeGreaterThan(20);
    expect(more.length).toBe(sims.length);
  });
});

describe('R18-14: no retold fragments, no "And then" before a habit or state', () => {
  test.each(LANGS)('%s', (language) => {
    const q = {
      en: [
        'Did the dog bite you on the leg or on the arm?',
        'Tell me everything that happened.',
        'Tell me more.',
        'And then what happened?',
      ],
      es: [
        '¿El perro te mordió en la pierna o en el brazo?',
        'Cuéntame todo lo que pasó.',
        'Cuéntame más.',
        '¿Y después qué pasó?',
      ],
    }[language];
    const answers = [
      ...runs('dog-bite', language, [S(OPEN[language][0] ?? ''), ...q.map(S)]),
      ...runs('babysitter-repeated', language, [...OPEN[language].map(S), S(q[2] ?? '')]),
      ...runs('teen-exploitation', language, [
        ...OPEN[language].map(S),
        S(q[2] ?? ''),
        S(q[3] ?? ''),
      ]),
    ].flatMap((s) => s.replies.map((r) => r.answer));
    const fragments = answers.filter((a) =>
      /(?:^|\. )(?:And|Y) (?:in|on|en|my|mi|the|la|el) \S+(?: \S+)?\.$/u.test(a),
    );
    const thenHabit = answers.filter((a) =>
      /(?:And then|Y luego) (?:every time|it's|cada vez|siempre|no es)/iu.test(a),
    );
    process.stdout.write(
      `R18-14 ${language}: fragments ${fragments.length}, "and then" + habit ${thenHabit.length} in ${answers.length} answers\n`,
    );
    expect(fragments).toEqual([]);
    expect(thenHabit).toEqual([]);
  });
});
