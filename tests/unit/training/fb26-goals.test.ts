// fb26 (issue #18, "Feedback in NICHD terms"), in English and Latin American Spanish:
// - goals come in order of harm (planted or first-named details, leading prompts, unpaired
//   option-posing before the style of questioning and the pre-substantive phases), and every
//   goal text names its source;
// - the ground-rules goal follows what the child's age band asks of each rule (age-bands.ts):
//   practise where the band practises, never "practise" a rule the band only explains ("I don't
//   understand" at 3-5, every rule at 14-17; Brubacher, Poole & Dickinson 2015);
// - narrative practice with a preschooler is "good" at 2 practice details (Lamb et al. 2003);
// - the feedback carries the scenario child's gender for Spanish grammar on screen.
import en from '../../../locales/en/training.json';
import es from '../../../locales/es/training.json';
import { type PracticeTurn, type Scenario, type TrainingLanguage } from '../../../src/training';
import { practiceDetailsExpected } from '../../../src/training/measures';
import {
  builtInScenario,
  practiceTurn as turn,
  runPractice as run,
} from '../../helpers/practice-run';

const LANGS: TrainingLanguage[] = ['en', 'es'];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

const scenario = builtInScenario;

/** The harm order of chooseGoals (feedback.ts), most harmful first. */
const ORDER = [
  'noNewDetails',
  'allegationFromChild',
  'avoidSuggestive',
  'pairOptionPosing',
  'secondSession',
  'noQuestions',
  'reachSubstantive',
  'simplerQuestions',
  'supportReluctant',
  'moreInvitations',
  'narrativePractice',
  'buildRapport',
  'longerRapport',
  'groundRulesGuessed',
  'remindRules',
  'groundRules',
  'explainRules',
  'ageAppropriate',
  'keepGoing',
];

/** Rapport, stated rules (no practice item), narrative practice, then open invitations. */
const GOOD: Record<TrainingLanguage, PracticeTurn[]> = {
  en: [
    turn('rapport', 'Tell me about things you like to do.'),
    turn('rapport', 'Tell me more about that.'),
    turn(
      'groundRules',
      'If I ask you a question and you don\'t know the answer, just say "I don\'t know."',
    ),
    turn('groundRules', "If I say something wrong, tell me. You know things I don't know."),
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
    turn('groundRules', 'Si digo algo que está mal, dímelo. Tú sabes cosas que yo no sé.'),
    turn('narrativePractice', 'Cuéntame todo lo que pasó en tu último cumpleaños.'),
    turn('narrativePractice', '¿Y después qué pasó?'),
    turn('narrativePractice', 'Cuéntame más sobre eso.'),
    turn('transition', 'Cuéntame de qué viniste a hablar hoy.'),
    turn('investigation', 'Cuéntame todo lo que pasó.'),
    turn('investigation', '¿Y después qué pasó?'),
    turn('investigation', 'Cuéntame más sobre eso.'),
  ],
};

/** The same without any ground rule. */
const NO_RULES = (language: TrainingLanguage) =>
  GOOD[language].filter((t) => t.phaseId !== 'groundRules');

/** Closed and wh- questions, one option-posing left unpaired, few invitations. */
const CLOSED: Record<TrainingLanguage, PracticeTurn[]> = {
  en: [
    turn('rapport', 'Tell me about things you like to do.'),
    turn('transition', 'Tell me what you came here to talk about today.'),
    turn('investigation', 'Where were you?'),
    turn('investigation', 'Were you inside or outside?'),
    turn('investigation', 'Who was there?'),
    turn('investigation', 'Did you say something?'),
    turn('investigation', 'What did he say?'),
    turn('investigation', 'Where did you go after that?'),
  ],
  es: [
    turn('rapport', 'Cuéntame sobre las cosas que te gusta hacer.'),
    turn('transition', 'Cuéntame de qué viniste a hablar hoy.'),
    turn('investigation', '¿Dónde estabas?'),
    turn('investigation', '¿Estabas adentro o afuera?'),
    turn('investigation', '¿Quién estaba ahí?'),
    turn('investigation', '¿Dijiste algo?'),
    turn('investigation', '¿Qué dijo él?'),
    turn('investigation', '¿A dónde fuiste después de eso?'),
  ],
};

describe.each(LANGS)('%s goals', (language) => {
  test('every goal text names its source (a year or the protocol section)', () => {
    const goals = (language === 'en' ? en : es).goals as Record<string, string>;
    const missing = Object.entries(goals).filter(
      ([, text]) => !/\b(?:19|20)\d{2}\b/u.test(text) && !/NICHD/u.test(text),
    );
    expect(missing.map(([id]) => id)).toEqual([]);
    // Every goal chooseGoals can give is in the catalog and in ORDER (plural forms such as
    // explainRules_one / explainRules_other are one goal).
    const ids = [...new Set(Object.keys(goals).map((k) => k.replace(/_(?:one|many|other)$/u, '')))];
    expect(ids.sort()).toEqual([...ORDER].sort());
  });

  test('goals come in order of harm: unpaired option-posing before share, support, reluctance', () => {
    let both = 0;
    for (const id of ['dog-bite', 'party-push', 'stolen-bike', 'road-accident'])
      for (const seed of SEEDS) {
        for (const turns of [CLOSED[language], GOOD[language], NO_RULES(language)]) {
          const ids = run(scenario(language, id), seed, turns).feedback.goals.map((g) => g.id);
          const ranks = ids.map((g) => ORDER.indexOf(g));
          expect(ranks.every((r) => r >= 0)).toBe(true);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          // Before fb26 these came after unpaired option-posing's lesson, or pushed it out.
          if (
            ids[0] === 'pairOptionPosing' &&
            ['secondSession', 'simplerQuestions', 'supportReluctant', 'moreInvitations'].includes(
              ids[1] ?? '',
            )
          )
            both++;
        }
      }
    // The case the order is about happens: the unpaired choice question comes first.
    expect(both).toBeGreaterThan(4);
  });

  test('14-17: the rules are explained, never a goal to practise them', () => {
    const s = scenario(language, 'road-accident');
    expect(s.ageYears).toBeGreaterThanOrEqual(14);
    let explained = 0;
    for (const seed of SEEDS) {
      // "I don't know" and "correct me" stated, "I don't understand" never named: at most a
      // goal to state the missing one, never to practise the stated ones.
      const stated = run(s, seed, GOOD[language]).feedback;
      expect(stated.measures.groundRules.every((r) => r.expected === 'explain')).toBe(true);
      const ids = stated.goals.map((g) => g.id);
      expect(ids).not.toContain('groundRules');
      const missing = stated.goals.find((g) => g.id === 'explainRules')?.text ?? '';
      expect(missing).not.toMatch(language === 'en' ? /“I don't know”/u : /«no sé»/u);
      if (missing !== '')
        expect(missing).toMatch(language === 'en' ? /“I don't understand”/u : /«no entiendo»/u);
      const none = run(s, seed, NO_RULES(language)).feedback;
      const noneIds = none.goals.map((g) => g.id);
      expect(noneIds).not.toContain('groundRules');
      if (noneIds.includes('explainRules')) {
        explained++;
        const text = none.goals.find((g) => g.id === 'explainRules')!.text;
        expect(text).toMatch(language === 'en' ? /“I don't know”/u : /«no sé»/u);
        expect(text).toMatch(/Brubacher, Poole (?:&|y) Dickinson 2015/u);
      }
    }
    expect(explained).toBeGreaterThan(SEEDS.length / 2);
  });

  test('3-5: practise "I don\'t know" and "correct me", never "I don\'t understand"', () => {
    const s = scenario(language, 'dog-bite');
    expect(s.ageYears).toBeLessThanOrEqual(5);
    let asked = 0;
    for (const seed of SEEDS) {
      const f = run(s, seed, NO_RULES(language)).feedback;
      const expected = Object.fromEntries(f.measures.groundRules.map((r) => [r.rule, r.expected]));
      expect(expected).toMatchObject({
        dontKnow: 'practise',
        dontUnderstand: 'explain',
        correctMe: 'practise',
      });
      const goal = f.goals.find((g) => g.id === 'groundRules');
      if (!goal) continue;
      asked++;
      expect(goal.text).toMatch(language === 'en' ? /“I don't know”/u : /«no sé»/u);
      expect(goal.text).toMatch(language === 'en' ? /“correct me”/u : /«corrígeme»/u);
      expect(goal.text).not.toMatch(language === 'en' ? /I don't understand/u : /no entiendo/u);
    }
    expect(asked).toBeGreaterThan(SEEDS.length / 2);
  });

  test('6-9: a rule only stated is still a goal to practise it', () => {
    const s = scenario(language, 'party-push');
    let asked = 0;
    for (const seed of SEEDS) {
      const f = run(s, seed, NO_RULES(language)).feedback;
      expect(f.measures.groundRules.every((r) => r.expected === 'practise')).toBe(true);
      const goal = f.goals.find((g) => g.id === 'groundRules');
      if (!goal) continue;
      asked++;
      expect(goal.text).toMatch(language === 'en' ? /I don't understand/u : /no entiendo/u);
    }
    expect(asked).toBeGreaterThan(SEEDS.length / 2);
  });

  test('the feedback carries the scenario child’s gender', () => {
    const s = scenario(language, 'dog-bite');
    expect(s.gender).toBe('girl');
    expect(run(s, 1, GOOD[language]).feedback.childGender).toBe('girl');
    const noGender: Scenario = { ...s };
    delete noGender.gender;
    expect(run(noGender, 1, GOOD[language]).feedback.childGender).toBeUndefined();
  });
});

test('narrative practice: 2 practice details are enough at 3-5, 3 from 6 (Lamb et al. 2003)', () => {
  expect([3, 4, 5, 6, 9, 15].map(practiceDetailsExpected)).toEqual([2, 2, 2, 3, 3, 3]);
  // Two open practice prompts: a 4-year-old tells about one detail per invitation, a 7-year-old
  // more; two details is good practice at 4 and partial at 7.
  const practice = (language: TrainingLanguage) =>
    GOOD[language].filter((t) => t.phaseId === 'narrativePractice').slice(0, 2);
  const seen = { young: 0, older: 0 };
  for (const language of LANGS)
    for (const seed of SEEDS) {
      for (const [id, key] of [
        ['dog-bite', 'young'],
        ['party-push', 'older'],
      ] as const) {
        const s = scenario(language, id);
        const np = run(s, seed, practice(language)).feedback.measures.narrativePractice;
        expect(np.invitations).toBe(2);
        const expected = Math.min(practiceDetailsExpected(s.ageYears), np.factsTotal);
        expect(np.quality).toBe(np.factsElicited >= expected ? 'good' : 'partial');
        if (np.factsElicited === 2) seen[key]++;
      }
    }
  // Both cases happen: two details at 4 (good) and at 7 (partial).
  expect(seen.young).toBeGreaterThan(0);
  expect(seen.older).toBeGreaterThan(0);
});

/**
 * Pressure on a reluctant child (the bench's pressure lines, child-effects.ts) with a leading
 * question and an unpaired choice question: the child ends "not today", and the goals more
 * harmful than the second-session lesson (act named first, leading prompt, unpaired option-posing)
 * also apply.
 */
const PRESSED: Record<TrainingLanguage, PracticeTurn[]> = {
  en: [
    turn('rapport', 'Tell me about things you like to do.'),
    turn('transition', 'Tell me what you came here to talk about today.'),
    turn('investigation', 'You need to tell me now.'),
    turn('investigation', "He hurt you, didn't he?"),
    turn('investigation', "We can't leave until you tell me what he did."),
    turn('investigation', 'Was it in the kitchen or in the bedroom?'),
    turn('investigation', 'Other kids already told me what happened.'),
    turn('investigation', 'You need to tell me now.'),
    turn('investigation', "We can't leave until you tell me what he did."),
  ],
  es: [
    turn('rapport', 'Cuéntame sobre las cosas que te gusta hacer.'),
    turn('transition', 'Cuéntame de qué viniste a hablar hoy.'),
    turn('investigation', 'Tienes que decírmelo ahorita.'),
    turn('investigation', 'Él te lastimó, ¿verdad?'),
    turn('investigation', 'No nos podemos ir hasta que me digas qué te hizo.'),
    turn('investigation', '¿Fue en la cocina o en el cuarto?'),
    turn('investigation', 'Los otros niños ya me contaron lo que pasó.'),
    turn('investigation', 'Tienes que decírmelo ahorita.'),
    turn('investigation', 'No nos podemos ir hasta que me digas qué te hizo.'),
  ],
};

describe.each(LANGS)('%s, practitioner review fix23b', (language) => {
  test('"not today": the second-session goal is always among the two shown, even when two more harmful goals apply', () => {
    let notToday = 0;
    let crowded = 0;
    for (const id of ['party-push', 'uncle-secret', 'pupil-threats', 'teen-exploitation'])
      for (const seed of SEEDS) {
        const { simulation, feedback } = run(scenario(language, id), seed, PRESSED[language]);
        const ids = feedback.goals.map((g) => g.id);
        expect(ids.length).toBeLessThanOrEqual(2);
        if (!simulation.notToday) {
          expect(ids).not.toContain('secondSession');
          continue;
        }
        notToday++;
        expect(ids).toContain('secondSession');
        // Still in order of harm: the one shown before it is more harmful.
        expect(ORDER.indexOf(ids[0]!)).toBeLessThanOrEqual(ORDER.indexOf('secondSession'));
        // Two more harmful goals applied (the first shown, and the unpaired choice question
        // that is not shown): without the rule, the second-session lesson was pushed out.
        const m = feedback.measures;
        if (ids[0] !== 'pairOptionPosing' && m.pairing.closed > m.pairing.pairedAtOnce) crowded++;
      }
    expect(notToday).toBeGreaterThan(SEEDS.length);
    expect(crowded).toBeGreaterThan(SEEDS.length);
  });

  test('explainRules: one missing rule in the singular, several in the plural', () => {
    const s = scenario(language, 'road-accident');
    let one = 0;
    let several = 0;
    for (const seed of SEEDS)
      for (const turns of [
        GOOD[language],
        NO_RULES(language),
        // "correct me" in the protocol's own Spanish words, so that only «no entiendo» is missing.
        GOOD[language].map((t) =>
          t.phaseId === 'groundRules' && /equivoco|está mal/u.test(t.text)
            ? turn('groundRules', 'A veces me equivoco. Si digo algo que no es cierto, dímelo.')
            : t,
        ),
      ]) {
        const goal = run(s, seed, turns).feedback.goals.find((g) => g.id === 'explainRules');
        if (!goal) continue;
        // The rules are quoted: “I don't know” in English, «no sé» in Spanish.
        const named = goal.text.match(language === 'en' ? /“[^”]+”/gu : /«[^»]+»/gu) ?? [];
        if (named.length === 1) {
          one++;
          expect(goal.text).toMatch(
            language === 'en'
              ? /^State the rule “[^”]+” .*explain this rule,/u
              : /^Explique la regla «[^»]+» .*explicar esta regla.*no tenerla clara/u,
          );
        } else {
          several++;
          expect(goal.text).toMatch(
            language === 'en' ? /explain these rules,/u : /explicar estas reglas.*tenerlas claras/u,
          );
        }
      }
    expect(one).toBeGreaterThan(0);
    expect(several).toBeGreaterThan(0);
  });
});
