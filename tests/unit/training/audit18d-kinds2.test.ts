// Issue #18 audit 18d, N18d-8 to N18d-11: the two languages code the same question the same way,
// the Spanish support statements are heard as support, "cannot tell" is acceptable when nothing
// happened, and each kind of hard question has its own effect. Seeded runs, generous bounds.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import { judgeConclusion } from '../../../src/training/feedback';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 100;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' } as const;

describe("N18d-8: another person's report is co-witness information in both languages", () => {
  test.each([
    ['Your mom says something happened at the motel.', 'Tu mamá dice que algo pasó en el motel.'],
    ['His teacher said that you were hurt.', 'Su maestra dice que te lastimaron.'],
  ])('"%s" / "%s"', (en, es) => {
    const a = codeUtterance(en, 'en', ['I was at the park.'], 12);
    const b = codeUtterance(es, 'es', ['Estaba en el parque.'], 12);
    expect([a.type, a.subtype]).toEqual(['suggestive', 'co-witness']);
    expect([b.type, b.subtype]).toEqual([a.type, a.subtype]);
  });

  test("asking for the child's report of it, or summarising it, is not co-witness information", () => {
    expect(
      codeUtterance('Tell me what your mom said.', 'en', ['My mom was there.'], 12).subtype,
    ).not.toBe('co-witness');
    expect(
      codeUtterance('So the man said that he was sorry.', 'en', ['The man said he was sorry.'], 12)
        .subtype,
    ).not.toBe('co-witness');
  });
});

// [English, Spanish]: the same support statement. Each en phrase of locales/en/training.json
// `supportive` has a Spanish twin here (audit of coverage, N18d-9).
const SUPPORT: ReadonlyArray<readonly [string, string]> = [
  [
    'I am here to listen to whatever you want to tell me.',
    'Estoy aquí para escuchar lo que quieras contarme.',
  ],
  [
    'I really want to know about you. You are not in trouble.',
    'De verdad quiero saber de ti. No estás en problemas.',
  ],
  ['You are doing a good job.', 'Lo estás haciendo muy bien.'],
  [
    'Kids tell me about easy things or hard things.',
    'Los niños me cuentan cosas fáciles o difíciles.',
  ],
  ['You can tell me good things and bad things.', 'Me puedes contar cosas buenas y malas.'],
  ['I know this is hard.', 'Sé que esto es difícil.'],
  ['It is important to me to understand.', 'Es importante para mí entender.'],
  ['Take your time.', 'Tómate tu tiempo.'],
  ['You can tell me.', 'Puedes decirme.'],
  ['Thank you.', 'Gracias.'],
  ["You're helping me.", 'Me estás ayudando.'],
  ['If you need a break, tell me.', 'Si necesitas un descanso, dime.'],
  ["I'm listening.", 'Te escucho.'],
];

describe('N18d-9: Spanish support statements are heard as support like their English twins', () => {
  test.each(SUPPORT)('"%s" / "%s"', (en, es) => {
    for (const [language, text] of [
      ['en', en],
      ['es', es],
    ] as const) {
      const scenario = builtInScenario('uncle-secret', language)!;
      const reply = simulate(scenario, 1, [R(text)]).replies[0]!;
      expect([language, text, reply.supportive]).toEqual([language, text, true]);
      expect(codeUtterance(text, language, [], 10).subtype).not.toBe('ground-rule');
    }
  });

  test('three support turns ease reluctance as much in Spanish as in English', () => {
    const mean = (language: TrainingLanguage, id: string) => {
      const scenario = builtInScenario(id, language)!;
      const support = SUPPORT.slice(0, 3).map(([en, es]) => R(language === 'en' ? en : es));
      const asks = [OPEN[language], OPEN[language], OPEN[language]].map(S);
      let reluctant = 0;
      for (let seed = 1; seed <= SEEDS; seed++)
        reluctant += simulate(scenario, seed, [...support, ...asks])
          .replies.slice(3)
          .filter((r) => r.reluctant).length;
      return reluctant / SEEDS;
    };
    for (const id of ['uncle-secret', 'teen-exploitation']) {
      const en = mean('en', id);
      const es = mean('es', id);
      process.stdout.write(
        `N18d-9 ${id}: reluctant answers of 3 after support en ${en} es ${es}\n`,
      );
      // Before the fix: uncle-secret 1.15 (en) vs 1.45 (es), teen 0.99 vs 1.23 (audit tmp/p12.ts).
      expect(Math.abs(en - es)).toBeLessThan(0.15);
    }
  });
});

describe('N18d-10: "cannot tell" is acceptable in a nothing-happened scenario', () => {
  const nothing = (language: TrainingLanguage) => ({
    language,
    outcome: 'nothing-happened' as const,
    summary: language === 'en' ? 'Nothing harmful happened.' : 'No pasó nada dañino.',
  });
  const f = { measures: { allegationBy: 'none' as const }, falseDetails: [] };
  test.each(['en', 'es'] as const)('%s', (language) => {
    const r = judgeConclusion('cannot-tell', nothing(language), { toldEarlier: new Set() }, f);
    expect(r.correct).toBe(true);
    expect(r.expected).toEqual(['nothing-happened', 'cannot-tell']);
    expect(r.explanation).toMatch(language === 'en' ? /^Acceptable: / : /^Aceptable: /);
    expect(r.explanation).toMatch(/APSAC 2023/);
    expect(r.explanation).toMatch(/Newlin et al\. 2015/);
    expect(r.explanation).toMatch(/OJJDP/);
    // Still told what really happened, last.
    expect(r.explanation).toMatch(
      language === 'en'
        ? /What really happened: Nothing harmful happened\.$/
        : /Lo que pasó en realidad: No pasó nada dañino\.$/,
    );
    // "Event" is still wrong.
    expect(judgeConclusion('event', nothing(language), { toldEarlier: new Set() }, f).correct).toBe(
      false,
    );
  });
});

describe('N18d-11: each kind of hard question has its own effect', () => {
  // stolen-bike, age 11, not reluctant: the child knows where the teenager went and what he wore.
  const Q = {
    en: {
      legal: 'Did the alleged perpetrator indicate where he was going?',
      negative: "Didn't you see the teenager take your bike?",
      compound: 'Where did he go and what was he wearing?',
    },
    es: {
      legal: '¿El presunto agresor indicó adónde iba?',
      negative: '¿No viste al muchacho llevarse tu bici?',
      compound: '¿Adónde fue y qué traía puesto el muchacho?',
    },
  } as const;
  test.each(['en', 'es'] as const)('%s', (language) => {
    const scenario = { ...builtInScenario('stolen-bike', language)!, reluctance: 0 };
    const rate: Record<string, number> = {};
    let answeredLast = 0;
    let affirmed = 0;
    for (const [kind, q] of Object.entries(Q[language])) {
      let idu = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = simulate(scenario, seed, [S(OPEN[language]), S(q)]).replies[1]!;
        if (r.notUnderstood) idu++;
        else if (kind === 'compound' && /hoodie|sudadera|backpack|mochila/i.test(r.answer))
          answeredLast++;
        else if (kind === 'negative' && /^(?:Yes|Yeah|Sí)(?![\p{L}])/u.test(r.answer)) affirmed++;
      }
      rate[kind] = idu / SEEDS;
    }
    process.stdout.write(
      `N18d-11 ${language} age 11: I don't understand legal ${rate.legal} negative ${rate.negative} compound ${rate.compound}; compound answered by its last part ${answeredLast}, negative answered yes ${affirmed} /${SEEDS}\n`,
    );
    // Before the fix all three were the same band rate (0.45 at 11).
    expect(rate.legal).toBeGreaterThan(0.3);
    expect(rate.negative).toBeLessThan(rate.legal! - 0.15);
    expect(rate.compound).toBeLessThan(rate.legal! - 0.15);
    // Not noticed: the last part is answered.
    expect(answeredLast).toBeGreaterThan(40);
  });
  // A child who misses the "no" of "Didn't you see the teenager take your bike?" answers as if
  // affirmative, with the fact of what it saw (fix18n: the witness question finds the teenager
  // fact, whose "it" is the bike the child's other facts name; was en 15/100, es 0/100).
  test.each(['en', 'es'] as const)('%s: the negative is answered as if affirmative', (language) => {
    const scenario = { ...builtInScenario('stolen-bike', language)!, reluctance: 0 };
    let affirmed = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = simulate(scenario, seed, [S(OPEN[language]), S(Q[language].negative)]).replies[1]!;
      if (!r.notUnderstood && /^(?:Yes|Yeah|Sí)(?![\p{L}])/u.test(r.answer)) affirmed++;
    }
    expect(affirmed).toBeGreaterThan(40);
  });
});
