// Practitioner review rev18 (issue #18), the feedback, words and text findings: each review
// example as a test, in English and Latin American Spanish, over several seeds.
import {
  builtInScenarios,
  type PracticeTurn,
  type Scenario,
  type TrainingLanguage,
} from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import { askedPhrase, judgeConclusion } from '../../../src/training/feedback';
import { textsFor } from '../../../src/training/texts';
import {
  builtInScenario,
  practiceTurn as turn,
  runPractice as run,
} from '../../helpers/practice-run';

const SEEDS = [1, 2, 3, 4, 5, 6];
const LANGS: TrainingLanguage[] = ['en', 'es'];

const scenario = (id: string, language: TrainingLanguage): Scenario =>
  builtInScenario(language, id);

const W = {
  en: {
    dogName: 'So if I ask you, "What is my dog\'s name?", what would you say?',
    occupation: 'What is your occupation?',
    riskier: 'Did you go to the park?',
    open: 'Tell me everything that happened, from the very beginning to the end.',
    next: 'And then what happened?',
    oneOrMore: 'Did that happen one time or more than one time?',
    closing:
      'Thank you for talking with me today. If you want to talk again, you can tell your mom, and she can call me.',
    likeSchool: 'Do you like school?',
    rapportBetter: 'Tell me about things you like to do.',
  },
  es: {
    dogName: 'Entonces, si te pregunto “¿Cómo se llama mi perro?”, ¿qué dirías?',
    occupation: '¿Cuál es tu ocupación?',
    riskier: '¿Fuiste al parque?',
    open: 'Cuéntame todo lo que pasó, desde el principio hasta el final.',
    next: '¿Y después qué pasó?',
    oneOrMore: '¿Pasó una vez o más de una vez?',
    closing:
      'Gracias por hablar conmigo hoy. Si quieres volver a hablar, puedes decírselo a tu mamá, y ella me puede llamar.',
    likeSchool: '¿Te gusta la escuela?',
    rapportBetter: 'Cuéntame sobre las cosas que te gusta hacer.',
  },
} as const;

describe('R18-1: a ground-rule "I don\'t know" starts no riskier re-ask', () => {
  test.each(LANGS)('%s: a closed question after the dog-name practice is no re-ask', (lang) => {
    let idk = 0;
    for (const seed of SEEDS) {
      const { feedback } = run(scenario('dog-bite', lang), seed, [
        turn('groundRules', W[lang].dogName),
        turn('narrativePractice', W[lang].riskier),
        turn('transition', W[lang].open),
      ]);
      if (feedback.coded[0]?.type === 'other') idk++;
      expect(feedback.findings.filter((f) => f.rule === 'riskier-reask')).toEqual([]);
    }
    expect(idk).toBe(SEEDS.length);
  });
});

describe('R18-6: protocol-scripted prompts never cost points', () => {
  test.each(LANGS)('%s: "one time or more than one time?" leaves 100%% at 100%%', (lang) => {
    for (const seed of SEEDS) {
      const { feedback } = run(scenario('babysitter-repeated', lang), seed, [
        turn('transition', W[lang].open),
        turn('investigation', W[lang].next),
        turn('investigation', W[lang].oneOrMore),
        turn('investigation', W[lang].next),
      ]);
      expect(feedback.coded[2]?.scripted).toBe(true);
      expect(feedback.measures.substantiveInvitationShare).toBe(1);
      expect(feedback.reachedSubstantive).toBe(true);
    }
  });

  test.each(LANGS)('%s: ground-rule practice prompts are scripted, not wh- questions', (lang) => {
    for (const seed of SEEDS.slice(0, 3)) {
      const { feedback } = run(scenario('pupil-threats', lang), seed, [
        turn('groundRules', W[lang].dogName),
        turn('groundRules', W[lang].occupation),
        turn('transition', W[lang].open),
      ]);
      expect(feedback.coded.slice(0, 2)).toEqual([
        { type: 'other', stage: 'groundRules', scripted: true },
        { type: 'other', stage: 'groundRules', scripted: true },
      ]);
      expect(feedback.counts.directive).toBe(0);
      expect(feedback.recommendedShare).toBe(1);
    }
  });

  test.each(LANGS)('%s: a near-verbatim closing puts no detail in and makes no goal', (lang) => {
    for (const seed of SEEDS) {
      const { feedback } = run(scenario('uncle-secret', lang), seed, [
        turn('transition', W[lang].open),
        turn('investigation', W[lang].next),
        turn('closing', W[lang].closing),
      ]);
      expect(feedback.coded[2]).toMatchObject({ type: 'other', scripted: true });
      expect(feedback.falseDetails.filter((d) => d.questionNumber === 3)).toEqual([]);
      expect(feedback.flagged.filter((f) => f.questionNumber === 3)).toEqual([]);
      expect(feedback.goals.map((g) => g.text).join(' ')).not.toMatch(/question 3|pregunta 3/);
    }
  });

  test('a leading statement in the closing phase is not taken for the closing', () => {
    const { feedback } = run(scenario('uncle-secret', 'en'), 1, [
      turn('transition', W.en.open),
      turn('closing', 'Your uncle touched you and you can call me about it.'),
    ]);
    expect(feedback.coded[1]?.scripted).toBe(false);
  });
});

describe('R18-7: feedback names what the trainee did and did not do', () => {
  const quiet = {
    en: 'Tell me about a normal day for you.',
    es: 'Cuéntame cómo es un día normal para ti.',
  };
  test.each(LANGS)('%s: rapport asked of a silent child is done, with "stay longer"', (lang) => {
    for (const seed of SEEDS) {
      const { feedback, simulation } = run(scenario('pupil-threats', lang), seed, [
        turn('rapport', W[lang].rapportBetter),
        turn('rapport', quiet[lang]),
        turn('transition', W[lang].open),
      ]);
      expect(feedback.rapportDone).toBe(true);
      const ids = feedback.goals.map((g) => g.id);
      expect(ids).not.toContain('buildRapport');
      const silent = simulation.replies.slice(0, 2).every((r) => r.reluctant);
      if (silent && !ids.includes('secondSession'))
        expect(feedback.goals.some((g) => g.id === 'longerRapport' && /1/.test(g.text))).toBe(true);
    }
  });

  const support = {
    en: 'I can see this is hard to talk about. You can take your time.',
    es: 'Veo que es difícil hablar de esto. Puedes tomarte tu tiempo.',
  };
  const prompts = (lang: TrainingLanguage) => [
    W[lang].open,
    W[lang].next,
    W[lang].next,
    W[lang].next,
    W[lang].next,
  ];

  test.each(LANGS)('%s: "give support" names the unsupported answers', (lang) => {
    let named = 0;
    for (const seed of SEEDS) {
      const turns = prompts(lang).map((p) => turn('investigation', p));
      const { feedback, simulation } = run(scenario('uncle-secret', lang), seed, turns);
      const unsupported = simulation.replies.flatMap((r, i) =>
        r.reluctant && i + 1 < simulation.replies.length && !simulation.replies[i + 1]?.supportive
          ? [i + 1]
          : [],
      );
      const goal = feedback.goals.find((g) => g.id === 'supportReluctant');
      if (goal) {
        named++;
        for (const n of unsupported) expect(goal.text).toMatch(new RegExp(`\\b${n}\\b`));
      }
    }
    expect(named).toBeGreaterThan(0);
  });

  test.each(LANGS)('%s: "give support" is silent when support followed each one', (lang) => {
    for (const seed of SEEDS) {
      // Support at once after every reluctant answer, as a trainee following the goal would.
      const turns: PracticeTurn[] = [];
      for (const p of prompts(lang)) {
        turns.push(turn('investigation', p));
        const last = run(scenario('uncle-secret', lang), seed, turns).simulation.replies.at(-1);
        if (last?.reluctant) turns.push(turn('investigation', support[lang]));
      }
      const { feedback } = run(scenario('uncle-secret', lang), seed, turns);
      expect(feedback.goals.map((g) => g.id)).not.toContain('supportReluctant');
    }
  });
});

describe("R18-10: chips keep the child's negation", () => {
  const cases = {
    en: { ask: W.en.open, negated: "didn't stop", bare: 'stop' },
    es: { ask: W.es.open, negated: 'no se paró', bare: 'paró' },
  } as const;
  test.each(LANGS)('%s: "%s" stays whole', (lang) => {
    let seen = 0;
    for (const seed of SEEDS) {
      const { simulation } = run(scenario('stolen-bike', lang), seed, [
        turn('transition', cases[lang].ask),
        turn('investigation', W[lang].next),
        turn('investigation', W[lang].next),
      ]);
      for (const r of simulation.replies) {
        if (!r.answer.includes(cases[lang].negated)) continue;
        seen++;
        // The negated verb is cued in the child's clause ("he didn't stop"), never bare (fb23).
        expect(r.keywords.some((k) => k.includes(cases[lang].negated))).toBe(true);
        expect(r.keywords).not.toContain(cases[lang].bare);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe("R18-12: a second session counts the first session's disclosure", () => {
  test.each(LANGS)('%s: "event" fits, without "did not tell"', (lang) => {
    const s = scenario('uncle-secret', lang);
    const central = s.facts.filter((f) => f.centrality === 'central').map((f) => f.id);
    const r = judgeConclusion(
      'event',
      s,
      { toldEarlier: new Set(central) },
      { measures: { allegationBy: 'none' }, falseDetails: [] },
    );
    expect(r.correct).toBe(true);
    expect(r.explanation).not.toMatch(/did not tell|no contó|cannot be told|no se puede saber/);
    expect(r.explanation).toMatch(/earlier session|sesión anterior/);
    // Nothing central told earlier: still the careful "cannot tell".
    const none = judgeConclusion(
      'cannot-tell',
      s,
      { toldEarlier: new Set() },
      { measures: { allegationBy: 'none' }, falseDetails: [] },
    );
    expect(none.correct).toBe(true);
  });
});

describe('R18-13: Spanish co-witness wording is co-witness', () => {
  test.each([
    'Tus compañeros dijeron que el señor Dan rompió un libro. ¿Lo rompió?',
    'Tu mamá ya me contó que el señor Dan rompió un libro.',
    'Tu maestra dice que pasó algo en el salón.',
  ])('%s', (q) => {
    expect(codeUtterance(q, 'es', ['Vino un señor a nuestro salón.'], 5).subtype).toBe(
      'co-witness',
    );
  });
  test("asking for the child's report of what mom said is not", () => {
    expect(codeUtterance('Cuéntame qué dijo tu mamá.', 'es', [], 5).subtype).not.toBe('co-witness');
  });
});

describe('R18-14: goal quotes and rapport suggestions', () => {
  test('an adopted detail is quoted whole, never clipped', () => {
    expect(askedPhrase('Did he touch your private parts?', 'touch private')).toBe(
      'touch your private parts',
    );
    expect(
      askedPhrase('Dijiste que fue tu amiga la que se llevó el chocolate.', 'amiga llevó'),
    ).toBe('tu amiga la que se llevó el chocolate');
    // The act's object person is not taken as part of the detail.
    expect(askedPhrase('Did the man hit you?', 'man')).toBe('the man');
  });

  test.each(LANGS)('%s: a rapport yes/no is bettered by a rapport invitation', (lang) => {
    for (const seed of SEEDS.slice(0, 3)) {
      const { feedback } = run(scenario('visitor-nothing', lang), seed, [
        turn('rapport', W[lang].likeSchool),
        turn('transition', W[lang].open),
      ]);
      const flag = feedback.flagged.find((f) => f.questionNumber === 1);
      expect(flag?.suggestion).toBe(W[lang].rapportBetter);
    }
  });
});

describe('R18-15: es-419 scenario wording', () => {
  const es = textsFor('es');
  const all = JSON.stringify(es);
  test.each([
    'Cada vez, Tina',
    'feria del condado',
    'refrigerio',
    'atrapadas',
    'enfadad',
    '¿Y luego qué pasó?',
  ])('no «%s»', (x) => {
    expect(all).not.toContain(x);
  });
  test('Latin American forms instead', () => {
    expect(es.frameWords).toEqual(expect.arrayContaining(['enojado', 'enojada']));
    expect(builtInScenarios('es').find((s) => s.id === 'visitor-nothing')?.alias).toBe('Elena');
  });
});
