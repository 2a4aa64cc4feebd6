// Issue #18, trainer re-check (child23): the simulated child's answers, each kind checked over
// many seeds and ages in en and es-419, with the rate printed.
import { planSession } from '../../../src/protocols';
import {
  builtInScenario,
  simulate,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';
import { scriptedMatchers } from '../../../src/training/scripted';

const SEEDS = 15;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const IDK = /^(?:no s[eé]|no me acuerdo|i don'?t know|i don'?t remember|don'?t know)\.?$/iu;
const OPEN = {
  en: ['Tell me what happened.', 'And then what happened?', 'And then what happened?'],
  es: ['Cuéntame qué pasó.', '¿Y después qué pasó?', '¿Y después qué pasó?'],
};

function scenarioOf(id: string, language: TrainingLanguage): Scenario {
  const s = builtInScenario(id, language);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

type Sim = ReturnType<typeof simulate>;

function runs(
  id: string,
  language: TrainingLanguage,
  turns: PracticeTurn[],
  ages: number[],
): Sim[] {
  const base = scenarioOf(id, language);
  const out: Sim[] = [];
  for (const age of ages)
    for (let seed = 1; seed <= SEEDS; seed++)
      out.push(
        simulate(
          { ...base, ageYears: age, reluctance: 0 },
          seed,
          turns,
          [],
          scriptedMatchers(planSession('nichd', age, language)),
        ),
      );
  return out;
}

const last = (sim: Sim) => sim.replies.at(-1)?.answer ?? '';
const factText = (id: string, language: TrainingLanguage, factId: string) =>
  scenarioOf(id, language).facts.find((f) => f.id === factId)?.text ?? '';
/** Whether the run's free recall told the fact before the last turn. */
const toldBefore = (sim: Sim, factId: string) =>
  sim.replies.slice(0, -1).some((r) => r.factIds.includes(factId));

describe("R18-2: a wh- question about a person the child mentioned gets that person's act", () => {
  const CASES: Array<[TrainingLanguage, string, string, string]> = [
    ['en', 'road-accident', 'What did the baker do?', 'baker'],
    ['es', 'road-accident', '¿Qué hizo el panadero?', 'baker'],
    ['en', 'road-accident', 'What did the man from the bakery do?', 'baker'],
    ['en', 'stolen-bike', 'What did the teenager do?', 'teenager'],
    ['es', 'stolen-bike', '¿Qué hizo el muchacho?', 'teenager'],
  ];
  test.each(CASES)('%s %s: %s', (language, id, question, factId) => {
    const sims = runs(id, language, [...OPEN[language].map(S), S(question)], [7, 11, 14]);
    const mentioned = sims.filter((s) => toldBefore(s, factId));
    const right = mentioned.filter((s) => last(s) === factText(id, language, factId));
    process.stdout.write(
      `R18-2 ${language} ${id} "${question}": asked-for fact ${right.length}/${mentioned.length} after the child mentioned it\n`,
    );
    expect(mentioned.length).toBeGreaterThanOrEqual(5);
    expect(right.length).toBe(mentioned.length);
    // Never another fact of the scenario: the act asked for or "I don't know".
    for (const s of sims)
      expect(last(s) === factText(id, language, factId) || IDK.test(last(s))).toBe(true);
  });
});

describe('R18-2: "What did you do when X?" gets the child\'s act at or after X, never a state before', () => {
  test.each([
    ['en', 'What did you do when the dog bit you?'],
    ['es', '¿Qué hiciste cuando el perro te mordió?'],
  ] as Array<[TrainingLanguage, string]>)('%s', (language, question) => {
    const sims = runs('dog-bite', language, [...OPEN[language].map(S), S(question)], [4, 7, 11]);
    const cried = factText('dog-bite', language, 'cried');
    const slide = factText('dog-bite', language, 'slide');
    const acts = sims.filter((s) => last(s) === cried);
    process.stdout.write(
      `R18-2 ${language} dog-bite "${question}": the reaction ${acts.length}/${sims.length}, else "I don't know"\n`,
    );
    expect(acts.length).toBeGreaterThan(sims.length / 3);
    for (const s of sims) {
      expect(last(s)).not.toBe(slide);
      expect(last(s) === cried || IDK.test(last(s))).toBe(true);
    }
  });
});

describe('R18-2/R18-14: no lone word and no gapped clause as a whole answer', () => {
  test.each([
    ['en', 'What did he hit?'],
    ['en', 'Who did he push?'],
    ['es', '¿Qué golpeó?'],
  ] as Array<[TrainingLanguage, string]>)('%s %s', (language, question) => {
    const sims = runs('stolen-bike', language, [...OPEN[language].map(S), S(question)], [4, 7, 11]);
    const bad = sims.filter(
      (s) => !/\p{L}+[^\p{L}]+\p{L}+/u.test(last(s)) || /^he pushed\.$/iu.test(last(s)),
    );
    process.stdout.write(
      `R18-14 ${language} "${question}": lone-word answers ${bad.length}/${sims.length}\n`,
    );
    expect(bad.map(last)).toEqual([]);
  });

  test('"What did he do?" is never answered by a day ("It was Saturday morning.")', () => {
    const sims = runs('stolen-bike', 'en', [...OPEN.en.map(S), S('What did he do?')], [4, 7, 11]);
    expect(sims.filter((s) => /saturday/iu.test(last(s))).map(last)).toEqual([]);
  });
});

describe('R18-9: a cued invitation about something the child told is answered about that thing', () => {
  test.each([
    [
      'en',
      'Tell me more about the man from the bakery.',
      /^just that a man from the bakery called my dad\.$/iu,
    ],
    [
      'es',
      'Cuéntame más del señor.',
      /^nada más que un señor de la panadería le llamó a mi papá\.$/iu,
    ],
  ] as Array<[TrainingLanguage, string, RegExp]>)('%s %s', (language, prompt, about) => {
    const sims = runs(
      'road-accident',
      language,
      [...OPEN[language].map(S), S(prompt)],
      [7, 11, 14],
    );
    const told = sims.filter((s) => toldBefore(s, 'baker'));
    const nothing =
      /^(?:that's all|nothing else|that's everything i remember|ya|nada más|es todo lo que me acuerdo)\.$/iu;
    const right = told.filter(
      (s) => about.test(last(s)) || s.replies.at(-1)?.factIds.includes('baker'),
    );
    const shrug = told.filter((s) => nothing.test(last(s)));
    process.stdout.write(
      `R18-9 ${language} "${prompt}" after the child told it: about the man ${right.length}/${told.length}, "that's all" ${shrug.length}\n`,
    );
    expect(told.length).toBeGreaterThanOrEqual(5);
    // The cue is answered (the man again, or what came after him), never shrugged off.
    expect(shrug.length).toBe(0);
    expect(right.length).toBeGreaterThan(told.length / 2);
  });
});

describe('R18-8: a summary ending in an invitation gets recall, not "Está bien."', () => {
  test.each([
    ['es', 'Dijiste que había un señor. Cuéntame más del señor.'],
    ['en', 'You said there was a man from the bakery. Tell me more about him.'],
  ] as Array<[TrainingLanguage, string]>)('%s %s', (language, prompt) => {
    const sims = runs(
      'road-accident',
      language,
      [...OPEN[language].map(S), S(prompt)],
      [7, 11, 14],
    );
    const okay = sims.filter((s) =>
      /^(?:s[ií], )?est[aá] bien\.$|^(?:yeah, )?okay\.$/iu.test(last(s)),
    );
    const recall = sims.filter((s) => (s.replies.at(-1)?.factIds.length ?? 0) > 0);
    process.stdout.write(
      `R18-8 ${language}: recall ${recall.length}/${sims.length}, "okay" ${okay.length}\n`,
    );
    expect(okay.map(last)).toEqual([]);
    expect(recall.length).toBeGreaterThan(sims.length * 0.8);
  });
});

describe('R18-3: a reluctant youth yields slowly to support (seeds 1-200)', () => {
  const SUPPORT = {
    en: 'You look a little worried right now.',
    es: 'Te ves un poco preocupada ahorita.',
  };
  const INV = {
    en: [
      'Tell me everything that happened.',
      'And then what happened?',
      'Tell me more about that.',
    ],
    es: ['Cuéntame todo lo que pasó.', '¿Y después qué pasó?', 'Cuéntame más de eso.'],
  };
  test.each(['en', 'es'] as TrainingLanguage[])(
    '%s teen-exploitation: one support, eight invitations',
    (language) => {
      const base = scenarioOf('teen-exploitation', language);
      const turns = [
        S(SUPPORT[language]),
        ...Array.from({ length: 8 }, (_, i) => S(INV[language][i % 3]!)),
      ];
      let half = 0;
      let act = 0;
      let maxPerAnswer = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const sim = simulate(
          base,
          seed,
          turns,
          [],
          scriptedMatchers(planSession('nichd', base.ageYears, language)),
        );
        const told = new Set(sim.replies.flatMap((r) => r.factIds));
        if (told.size >= base.facts.length / 2) half++;
        if ((base.act ?? []).some((a) => told.has(a))) act++;
        // While still reluctant (the first answers after one support) one fact at a time.
        for (const r of sim.replies.slice(0, 4))
          maxPerAnswer = Math.max(maxPerAnswer, r.factIds.length);
      }
      process.stdout.write(
        `R18-3 ${language}: after one support + 8 invitations, half the facts told in ${half}/200 seeds, the act in ${act}/200, most facts in one early answer ${maxPerAnswer}\n`,
      );
      expect(act).toBe(0);
      expect(half).toBeLessThan(80);
      expect(maxPerAnswer).toBe(1);
    },
  );
});
