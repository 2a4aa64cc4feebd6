// Issue #18 outside audit (F-1, F-2, F-5, F-7, F-8): properties of the simulated child checked
// over many seeds and ages, each as a kind rather than the single example the audit named.
import { planSession } from '../../../src/protocols';
import {
  builtInScenario,
  builtInScenarios,
  simulate,
  type PracticeTurn,
} from '../../../src/training';
import { matchScripted, scriptedMatchers } from '../../../src/training/scripted';
import type { TrainingLanguage } from '../../../src/training/types';
import { wordTools } from '../../../src/training/words';

const SEEDS = 120;
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });

const WORDS = {
  en: {
    rapport: 'Tell me about things you like to do.',
    transition:
      'Now that I know you a little better, tell me what you came here to talk about today.',
    open: 'Tell me everything about that.',
    often: 'Did that happen one time or more than one time?',
    last: 'Tell me everything about the last time.',
    first: 'Tell me everything about the first time.',
    more: /more than one|lots of times/i,
  },
  es: {
    rapport: 'Cuéntame sobre las cosas que te gusta hacer.',
    transition: 'Ahora que te conozco un poco mejor, cuéntame de qué viniste a hablar hoy.',
    open: 'Cuéntame todo sobre eso.',
    often: '¿Eso pasó una vez o más de una vez?',
    last: 'Cuéntame todo sobre la última vez.',
    first: 'Cuéntame todo sobre la primera vez.',
    more: /más de una vez|muchas veces/i,
  },
} as const;

describe.each(['en', 'es'] as TrainingLanguage[])('F-7 repeated events (%s)', (language) => {
  const w = WORDS[language];
  test.each(['babysitter-repeated', 'uncle-secret'])(
    '%s answers "more than one time" in most runs, and the NICHD sequence is scripted',
    (id) => {
      const scenario = builtInScenario(id, language)!;
      const matchers = scriptedMatchers(planSession('nichd', scenario.ageYears, language));
      let more = 0;
      let single = 0;
      let lastTold = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const turns = [R(w.rapport), S(w.transition), S(w.open), S(w.often), S(w.last), S(w.first)];
        const sim = simulate(scenario, seed, turns, [], matchers);
        const answer = sim.replies[3]!.answer;
        if (w.more.test(answer)) more++;
        if (/^(one time|una vez)/i.test(answer)) single++;
        if (sim.replies[4]!.factIds.some((f) => scenario.incidents!.last.includes(f))) lastTold++;
        // The multiple-incident prompts plant nothing.
        expect(sim.falseDetails.filter((d) => d.turn >= 3)).toEqual([]);
      }
      expect(single).toBe(0);
      // The reluctant 10-year-old holds back often; the talkative 8-year-old rarely does.
      expect(more).toBeGreaterThan(
        scenario.personality === 'reluctant' ? SEEDS * 0.2 : SEEDS * 0.7,
      );
      expect(lastTold).toBeGreaterThan(scenario.personality === 'reluctant' ? 0 : SEEDS * 0.5);
    },
  );

  test('a single-event scenario answers "one time", never "more than one time"', () => {
    for (const scenario of builtInScenarios(language).filter((s) => !s.incidents))
      for (let seed = 1; seed <= 30; seed++) {
        const sim = simulate(scenario, seed, [R(w.rapport), S(w.open), S(w.often)]);
        expect(sim.replies[2]!.answer).not.toMatch(w.more);
      }
  });
});

// The NICHD repeated-incident prompts as trainers say them, with the slot left out or a pronoun in
// it, are scripted in both languages (en: "Did that happen...", es: "¿Pasó una vez o más de una
// vez?", "Cuéntame todo sobre la última vez.", "Cuéntame de otra vez que recuerdes bien.").
const INCIDENT_PROMPTS: Record<TrainingLanguage, { age: number; text: string; type: string }[]> = {
  en: [
    { age: 8, text: 'Did that happen one time or more than one time?', type: 'option-posing' },
    { age: 8, text: 'Did it happen one time or more than one time?', type: 'option-posing' },
    { age: 8, text: 'Tell me everything about the last time.', type: 'cued-invitation' },
    { age: 8, text: 'Tell me everything about the first time.', type: 'cued-invitation' },
    { age: 8, text: 'Tell me about another time that you remember well.', type: 'cued-invitation' },
    { age: 4, text: 'Tell me about the last time.', type: 'cued-invitation' },
    { age: 4, text: 'Did that happen one time or more than one time?', type: 'option-posing' },
  ],
  es: [
    { age: 8, text: '¿Pasó una vez o más de una vez?', type: 'option-posing' },
    { age: 8, text: '¿Eso pasó una vez o más de una vez?', type: 'option-posing' },
    { age: 8, text: 'Eso que me contaste, ¿pasó una vez o más de una vez?', type: 'option-posing' },
    { age: 8, text: 'Cuéntame todo sobre la última vez.', type: 'cued-invitation' },
    { age: 8, text: 'Cuéntame todo sobre la última vez que pasó.', type: 'cued-invitation' },
    { age: 8, text: 'Cuéntame todo sobre la primera vez.', type: 'cued-invitation' },
    { age: 8, text: 'Cuéntame de otra vez que recuerdes bien.', type: 'cued-invitation' },
    {
      age: 15,
      text: 'Cuéntame de otra vez que pasó y que recuerdes bien.',
      type: 'cued-invitation',
    },
    { age: 4, text: '¿Pasó una vez o más de una vez?', type: 'option-posing' },
    { age: 4, text: 'Cuéntame de la última vez.', type: 'cued-invitation' },
    { age: 4, text: 'Cuéntame de otra vez.', type: 'cued-invitation' },
  ],
};

describe.each(['en', 'es'] as TrainingLanguage[])('repeated-incident prompts (%s)', (language) => {
  test.each(INCIDENT_PROMPTS[language])('age $age: "$text" is scripted', ({ age, text, type }) => {
    const matchers = scriptedMatchers(planSession('nichd', age, language));
    expect(matchScripted(matchers, text, ['More than one time.'])?.type).toBe(type);
  });

  test('a slot with the interviewer’s own words is still not the script', () => {
    const matchers = scriptedMatchers(planSession('nichd', 8, language));
    const own =
      language === 'en'
        ? [
            'Tell me everything about the last time he hurt you.',
            'Did he hurt you one time or more than one time?',
          ]
        : [
            'Cuéntame todo sobre la última vez que te lastimó.',
            'Eso que me contaste, que te lastimó, ¿pasó una vez o más de una vez?',
          ];
    for (const text of own)
      expect(
        matchScripted(matchers, text, ['Más de una vez.', 'More than one time.']),
      ).toBeUndefined();
  });
});

describe('F-5 a scripted prompt is never "too long" for the child', () => {
  test.each(['en', 'es'] as TrainingLanguage[])(
    '%s: the NICHD transition at every age',
    (language) => {
      const w = WORDS[language];
      for (const scenario of builtInScenarios(language)) {
        const plan = planSession('nichd', scenario.ageYears, language);
        const matchers = scriptedMatchers(plan);
        // The plan's own wording for the child's age (the 3-5 variant is shorter).
        const transition = plan.sessions
          .flatMap((s) => s.phases)
          .find((p) => p.id === 'transition')!.prompts[0]!.text;
        for (let seed = 1; seed <= 60; seed++) {
          const sim = simulate(scenario, seed, [R(w.rapport), S(transition)], [], matchers);
          expect(sim.replies[1]!.notUnderstood).toBeUndefined();
        }
      }
    },
  );
});

describe('F-1 wh- questions are answered with the fact they ask for', () => {
  const table: Array<[string, string, RegExp, number]> = [
    ['stolen-bike', 'Who took your bike?', /teenager/, 0.95],
    ['stolen-bike', 'What was he wearing?', /hoodie|backpack/, 0.6],
    ['stolen-bike', 'Where were you?', /library/, 0.95],
    ['stolen-bike', 'Where did he go?', /bus station/, 0.6],
    ['stolen-bike', 'What did you do?', /shout|lock|left/, 0.95],
    ['stolen-bike', 'What did you see?', /teenager|riding|shouted|lock/, 0.9],
    ['dog-bite', 'What did the dog do?', /bit/, 0.95],
    ['dog-bite', 'Where were you?', /park/, 0.95],
    ['dog-bite', 'Who was there?', /Grandma|dog/, 0.95],
  ];
  test.each(table)('%s "%s"', (id, question, asked, rate) => {
    const scenario = builtInScenario(id, 'en')!;
    let hit = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(scenario, seed, [
        R('Tell me about things you like to do.'),
        S('Tell me everything that happened.'),
        S(question),
      ]);
      const reply = sim.replies[2]!;
      if (asked.test(reply.answer)) hit++;
      // Never "Yes." to a wh- question, and no made-up detail when the child remembers it.
      expect(reply.answer).not.toMatch(/^(Yes|Yeah)\b/);
      if (asked.test(reply.answer)) expect(reply.newFalseDetails).toEqual([]);
    }
    expect(hit / SEEDS).toBeGreaterThanOrEqual(rate);
  });
});

describe('F-8 rapport wh- questions are never answered "Yes."', () => {
  test.each(['en', 'es'] as TrainingLanguage[])('%s, every scenario', (language) => {
    const qs =
      language === 'en'
        ? ['What grade are you in?', 'What is your favorite food?', 'How old are you?']
        : ['¿En qué grado estás?', '¿Cuál es tu comida favorita?', '¿Cuántos años tienes?'];
    for (const scenario of builtInScenarios(language))
      for (let seed = 1; seed <= 30; seed++) {
        const sim = simulate(scenario, seed, qs.map(R));
        for (const r of sim.replies) expect(r.answer).not.toMatch(/^(Yes|Yeah|Sí)\b/);
        const age = sim.replies[2]!.answer;
        if (!sim.replies[2]!.reluctant) expect(age).toContain(String(scenario.ageYears));
      }
  });
});

describe('F-2 who introduced the allegation', () => {
  test.each([
    ['en', "The dog bit your leg, didn't it?"],
    ['es', 'El perro te mordió la pierna, ¿no?'],
  ] as Array<[TrainingLanguage, string]>)(
    '%s: the e2e sequence names the interviewer',
    (language, q) => {
      const scenario = builtInScenario('dog-bite', language)!;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = simulate(scenario, seed, [R(WORDS[language].rapport), S(q)]);
        expect(sim.allegation.by).toBe('interviewer');
      }
    },
  );

  test.each(['en', 'es'] as TrainingLanguage[])(
    '%s: every fact and lure keeps a keyword the child model can hear',
    (language) => {
      const t = wordTools(language);
      for (const s of builtInScenarios(language))
        for (const f of [...s.facts, ...s.lures])
          expect([f.id, f.keywords.some((k) => t.contentStems(k).length > 0)]).toEqual([
            f.id,
            true,
          ]);
      for (const word of language === 'en' ? ['bit', 'bite', 'hurt', 'hit'] : ['mordió', 'sábado'])
        expect(t.contentStems(word)).toHaveLength(1);
    },
  );

  test('nothing happened: an unprepared suggestion the child takes up is an allegation', () => {
    const scenario = builtInScenario('visitor-nothing', 'en')!;
    let runs = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulate(scenario, seed, [
        R('Tell me about things you like to do.'),
        S('Did the man touch you?'),
      ]);
      if (sim.falseDetails.some((d) => d.detail.toLowerCase().includes('touch'))) {
        runs++;
        expect(sim.allegation.by).toBe('interviewer');
      }
    }
    expect(runs).toBeGreaterThan(0);
  });
});
