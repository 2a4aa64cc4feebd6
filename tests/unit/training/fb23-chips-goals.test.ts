// Trainer re-check fb23, chips and goals, in English and Latin American Spanish:
// - R18-10: a chip is never a bare inflected verb ("Tell me more about hit.", "You said, “bit”.");
//   a verb the child said is cued in the child's own clause ("The dog bit my hand", "he didn't
//   stop"), an exact slice of its answer, so the chip's cued invitation quotes what the child said
//   (Lamb, Brown, Hershkowitz, Orbach & Esplin 2018: "You said [the child's words]. Tell me more
//   about that.");
// - a guessed ground-rule item: the goal says the child guessed and asks for a second item, never
//   "practise the ground rules" after the trainee practised them (NICHD revised protocol 2014);
// - R18-12: a later session with the same child never asks to practise the rules again; it asks
//   for the brief reminder when no rule was named.
import { builtInScenarios, type PracticeTurn, type TrainingLanguage } from '../../../src/training';
import { practiceTurn as turn, runPractice as run } from '../../helpers/practice-run';

const LANGS: TrainingLanguage[] = ['en', 'es'];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const OPEN: Record<TrainingLanguage, string[]> = {
  en: [
    'Tell me everything that happened, from the very beginning to the end.',
    'And then what happened?',
    'Tell me more about that.',
    'What happened next?',
    'Tell me everything about that.',
    'What else happened?',
  ],
  es: [
    'Cuéntame todo lo que pasó, desde el principio hasta el final.',
    '¿Y después qué pasó?',
    'Cuéntame más sobre eso.',
    '¿Qué pasó después?',
    'Cuéntame todo sobre eso.',
    '¿Qué más pasó?',
  ],
};

// The verb forms the built-in children say (their fact texts), written out here so the check does
// not lean on the rule it checks.
const VERBS: Record<TrainingLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'bit cried read walked left knocked yelled gave bought shouted pushed touches fell scraped ' +
      'turned clipped snowed forgot stay call sleep pay stop fight locks works said took came went'
    ).split(' '),
  ),
  es: new Set(
    (
      'mordió lloré leyó caminó saludó gritó toqué nevó empujó pagó paró olvidó caí raspé llamó ' +
      'dio salí peleábamos callara conté compré trabaja cierra dijo vio fue'
    ).split(' '),
  ),
};
const NEGATED_START: Record<TrainingLanguage, RegExp> = {
  en: /^(?:didn't|don't|doesn't|wasn't|not|never|forgot)\b/iu,
  es: /^$/u, // Spanish drops the subject: «no se paró» is the child's whole clause.
};

describe.each(LANGS)('%s: chips are the child’s clauses, never a bare verb', (language) => {
  const scenarios = builtInScenarios(language);
  test('every chip of every built-in child over many seeds', () => {
    let chips = 0;
    let clauses = 0;
    const bad: string[] = [];
    for (const s of scenarios)
      for (const seed of SEEDS) {
        const { simulation } = run(
          s,
          seed,
          OPEN[language].map((q) => turn('investigation', q)),
        );
        for (const r of simulation.replies)
          for (const k of r.keywords) {
            chips++;
            const words = k.split(/\s+/u);
            // An exact slice of what the child said.
            if (!r.answer.includes(k)) bad.push(`${s.id}: «${k}» not in «${r.answer}»`);
            if (words.length === 1 && VERBS[language].has(k.toLowerCase()))
              bad.push(`${s.id}: bare verb «${k}»`);
            if (NEGATED_START[language].test(k)) bad.push(`${s.id}: no subject «${k}»`);
            if (words.some((w) => VERBS[language].has(w.toLowerCase()))) clauses++;
          }
      }
    expect(bad).toEqual([]);
    // Verbs are still cued, in their clauses.
    expect(clauses).toBeGreaterThan(20);
    expect(chips).toBeGreaterThan(200);
  });
});

test.each([
  ['en', 'dog-bite', 'The dog bit my hand'],
  ['en', 'stolen-bike', "he didn't stop"],
  ['es', 'dog-bite', 'El perro me mordió la mano'],
  ['es', 'shoplifting-sibling', 'no los pagó'],
] as const)('%s %s: the verb is cued as «%s»', (language, id, clause) => {
  const s = builtInScenarios(language).find((x) => x.id === id)!;
  const seen = SEEDS.some((seed) =>
    run(
      s,
      seed,
      OPEN[language].map((q) => turn('investigation', q)),
    ).simulation.replies.some((r) => r.keywords.includes(clause)),
  );
  expect(seen).toBe(true);
});

const RULES: Record<TrainingLanguage, PracticeTurn[]> = {
  en: [
    turn('rapport', 'Tell me about things you like to do.'),
    turn('rapport', 'Tell me more about that.'),
    turn(
      'groundRules',
      'If I ask you a question and you don\'t know the answer, just say "I don\'t know."',
    ),
    turn('groundRules', 'So if I ask you, "What is my dog\'s name?", what would you say?'),
    turn('narrativePractice', 'Tell me everything that happened on your last birthday.'),
    turn('narrativePractice', 'And then what happened?'),
    turn('narrativePractice', 'Tell me more about that.'),
    turn('transition', 'Tell me what you came here to talk about today.'),
    turn('investigation', 'Tell me everything that happened.'),
    turn('investigation', 'And then what happened?'),
    turn('investigation', 'Tell me more about that.'),
  ],
  es: [
    turn('rapport', 'Cuéntame sobre las cosas que te gusta hacer.'),
    turn('rapport', 'Cuéntame más sobre eso.'),
    turn('groundRules', 'Si te hago una pregunta y no sabes la respuesta, dime “no sé”.'),
    turn('groundRules', 'Entonces, si te pregunto “¿Cómo se llama mi perro?”, ¿qué dirías?'),
    turn('narrativePractice', 'Cuéntame todo lo que pasó en tu último cumpleaños.'),
    turn('narrativePractice', '¿Y después qué pasó?'),
    turn('narrativePractice', 'Cuéntame más sobre eso.'),
    turn('transition', 'Cuéntame de qué viniste a hablar hoy.'),
    turn('investigation', 'Cuéntame todo lo que pasó.'),
    turn('investigation', '¿Y después qué pasó?'),
    turn('investigation', 'Cuéntame más sobre eso.'),
  ],
};
const GUESSED: Record<TrainingLanguage, RegExp> = {
  en: /At question 4 the child guessed on the practice item for “I don't know”.*second item/u,
  es: /En la pregunta 4, (?:la niña|el niño) adivinó en el ejercicio de práctica de «no sé».*segundo ejercicio/u,
};

test.each(LANGS)('%s: a guessed practice item asks for a second item', (language) => {
  const s = builtInScenarios(language).find((x) => x.id === 'dog-bite')!;
  let guessed = 0;
  let right = 0;
  for (const seed of SEEDS) {
    const { simulation, feedback } = run(s, seed, RULES[language]);
    const ids = feedback.goals.map((g) => g.id);
    const rule = feedback.measures.groundRules.find((r) => r.rule === 'dontKnow');
    if (simulation.rules.dontKnow === 'practised') {
      right++;
      expect(rule?.guessedAt).toBeUndefined();
      expect(ids).not.toContain('groundRulesGuessed');
      continue;
    }
    guessed++;
    expect(rule?.guessedAt).toBe(4);
    expect(ids).toContain('groundRulesGuessed');
    expect(ids).not.toContain('groundRules');
    expect(feedback.goals.find((g) => g.id === 'groundRulesGuessed')?.text).toMatch(
      GUESSED[language],
    );
  }
  // Both outcomes happen at this age over these seeds (the practice item's success rate).
  expect(guessed).toBeGreaterThan(0);
  expect(right).toBeGreaterThan(0);
});

describe.each(LANGS)(
  '%s: a second session carries the first session’s ground rules',
  (language) => {
    const s = builtInScenarios(language).find((x) => x.id === 'dog-bite')!;
    const second = (withReminder: boolean): PracticeTurn[] => [
      turn(
        'reconnect',
        language === 'en'
          ? "Tell me about what you've been doing since we last talked."
          : 'Cuéntame qué has hecho desde la última vez que hablamos.',
      ),
      ...(withReminder
        ? [
            turn(
              'reconnect',
              language === 'en'
                ? "Remember: if you don't know, say \"I don't know\"; if you don't understand, tell me; and if I get something wrong, tell me."
                : 'Recuerda: si no sabes, di “no sé”; si no entiendes, dímelo; y si me equivoco, dímelo.',
            ),
          ]
        : []),
      turn(
        'transition',
        language === 'en'
          ? 'Tell me what you came here to talk about today.'
          : 'Cuéntame de qué viniste a hablar hoy.',
      ),
      turn(
        'investigation',
        language === 'en' ? 'Tell me everything that happened.' : 'Cuéntame todo lo que pasó.',
      ),
    ];

    test('no "practise the ground rules"; the reminder goal only without a reminder', () => {
      for (const seed of SEEDS.slice(0, 4)) {
        const quiet = run(s, seed, second(false), [RULES[language]]).feedback;
        expect(quiet.session).toBe(2);
        const ids = quiet.goals.map((g) => g.id);
        expect(ids).not.toContain('groundRules');
        expect(ids).toContain('remindRules');
        expect(
          quiet.measures.groundRules.find((r) => r.rule === 'dontKnow')?.earlier,
        ).toBeDefined();
        const reminded = run(s, seed, second(true), [RULES[language]]).feedback;
        expect(reminded.goals.map((g) => g.id)).not.toContain('remindRules');
        expect(reminded.goals.map((g) => g.id)).not.toContain('groundRules');
      }
    });

    test('a first session without any rules still asks to practise them', () => {
      const none = RULES[language].filter((t) => t.phaseId !== 'groundRules');
      const { feedback } = run(s, 1, none);
      expect(feedback.measures.groundRules.every((r) => r.earlier === undefined)).toBe(true);
      expect(feedback.goals.map((g) => g.id)).toContain('groundRules');
    });
  },
);
