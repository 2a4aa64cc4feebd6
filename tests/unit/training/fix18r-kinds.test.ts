// Issue #18 (fix18r): four kinds of fault in the simulated child and the training coding.
// 1. A negative question reads alike in English and Spanish (negation.ts): "Didn't he hit you
//    with the belt?" / "¿No te pegó con el cinturón?" presume the act and are leading; "Can't
//    you remember?" / "¿No te puedes acordar?" (ability) and "Didn't he not hit you?" / "¿No es
//    cierto que no te pegó?" (second negative) are not. On main the Spanish child took "no me
//    pegó cinturón" as its agreement and the English child "hit belt".
// 2. A wh- question's frame is no answer ("¿Qué tenía en las manos?" -> "Tenía en las manos.",
//    "What did he have in his hands?" -> "The dog was brown and fluffy."), nor is an action or a
//    place an answer to "Why did you go there?".
// 3. Support in the present is answered as support in every built-in scenario, both languages.
import {
  builtInScenario,
  builtInScenarios,
  simulate,
  type PracticeTurn,
} from '../../../src/training';
import { codeUtterance } from '../../../src/training/coding';
import {
  negatedProposition,
  negativeQuestion,
  positiveCounterpart,
} from '../../../src/training/negation';
import { textsFor } from '../../../src/training/texts';
import type { Scenario, TrainingLanguage } from '../../../src/training/types';

const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const R = (text: string): PracticeTurn => ({ text, phaseId: 'rapport', substantive: false });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const IDK = /^(?:no s[eé]|no me acuerdo|i don'?t know|don'?t know|i don'?t remember)\.?$/iu;
const AGES = [4, 6, 9, 12, 15];
const LANGS: TrainingLanguage[] = ['en', 'es'];

function scenario(id: string, lang: TrainingLanguage): Scenario {
  const s = builtInScenario(id, lang);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

describe('negative questions: one rule for English and Spanish', () => {
  const PAIRS: Array<[string, string, string | undefined]> = [
    ["Didn't he hit you with the belt?", '¿No te pegó con el cinturón?', 'presumes-act'],
    ["Can't you remember?", '¿No te puedes acordar?', 'ability'],
    ["Don't you remember?", '¿No te acuerdas?', 'ability'],
    ["Didn't he not hit you?", '¿No es cierto que no te pegó?', 'double-negative'],
    [
      "Didn't he tell you not to tell anyone?",
      '¿No te dijo que no le dijeras a nadie?',
      'presumes-act',
    ],
    ['Nobody helped you?', '¿Nadie te ayudó?', undefined],
  ];
  it.each(PAIRS)('%s / %s read as %s in both languages', (en, es, kind) => {
    expect(negativeQuestion(en, 'en')).toBe(kind);
    expect(negativeQuestion(es, 'es')).toBe(kind);
    // The proposition put is negative in both or in neither.
    expect(negatedProposition(en, 'en') === undefined).toBe(
      negatedProposition(es, 'es') === undefined,
    );
  });

  it('a negative question that presumes the act puts the act, not its negation', () => {
    expect(negatedProposition("Didn't he hit you with the belt?", 'en')).toBeUndefined();
    expect(negatedProposition('¿No te pegó con el cinturón?', 'es')).toBeUndefined();
    expect(negatedProposition("Didn't he not hit you?", 'en')).toBe('not');
    expect(negatedProposition('¿No es cierto que no te pegó?', 'es')).toBe('no');
    expect(positiveCounterpart("Can't you remember?", 'en')).toBe('Can you remember?');
    expect(positiveCounterpart('¿No te puedes acordar?', 'es')).toBe('¿Te puedes acordar?');
  });

  it('the coding: the act-presuming question is leading in both, ability and double negatives are not negative-leading', () => {
    for (const [en, es] of [
      ["Didn't he hit you with the belt?", '¿No te pegó con el cinturón?'],
    ] as const) {
      expect(codeUtterance(en, 'en', [], 9).type).toBe('suggestive');
      expect(codeUtterance(es, 'es', [], 9).type).toBe('suggestive');
    }
    for (const [q, lang] of [
      ["Can't you remember?", 'en'],
      ['¿No te puedes acordar?', 'es'],
      ["Don't you remember?", 'en'],
      ['¿No te acuerdas?', 'es'],
    ] as const)
      expect(codeUtterance(q, lang, [], 9).type).not.toBe('suggestive');
    for (const [q, lang] of [
      ["Didn't he not hit you?", 'en'],
      ['¿No es cierto que no te pegó?', 'es'],
    ] as const)
      expect(codeUtterance(q, lang, [], 9).subtype).not.toBe('negative');
  });

  it('the child agrees to the act in both languages, never to its negation, and takes up no ability verb', () => {
    const agreed = { en: 0, es: 0 };
    for (const id of ['dog-bite', 'visitor-nothing', 'uncle-secret'])
      for (const age of AGES)
        for (let seed = 1; seed <= 12; seed++) {
          const en = simulate({ ...scenario(id, 'en'), ageYears: age, reluctance: 0 }, seed, [
            S(OPEN.en),
            S("Didn't he hit you with the belt?"),
          ]);
          const es = simulate({ ...scenario(id, 'es'), ageYears: age, reluctance: 0 }, seed, [
            S(OPEN.es),
            S('¿No te pegó con el cinturón?'),
          ]);
          for (const a of en.adoptedDetails) expect(a).not.toMatch(/\bnot?\b|n't/u);
          for (const a of es.adoptedDetails) expect(a).not.toMatch(/(?<!\p{L})no(?!\p{L})/u);
          agreed.en += en.adoptedDetails.length > 0 ? 1 : 0;
          agreed.es += es.adoptedDetails.length > 0 ? 1 : 0;
          const ability = simulate({ ...scenario(id, 'es'), ageYears: age, reluctance: 0 }, seed, [
            S(OPEN.es),
            S('¿No te puedes acordar?'),
          ]);
          expect(ability.adoptedDetails).toEqual([]);
        }
    process.stdout.write(
      `${`negative question agreed to (act adopted): en ${agreed.en}, es ${agreed.es} of 180`}\n`,
    );
    expect(agreed.en).toBeGreaterThan(0);
    expect(agreed.es).toBeGreaterThan(0);
  });

  it('a double negative is agreed to as the negative proposition, in both languages', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const en = simulate({ ...scenario('dog-bite', 'en'), ageYears: 5, reluctance: 0 }, seed, [
        S(OPEN.en),
        S("Didn't he not hit you?"),
      ]);
      const es = simulate({ ...scenario('dog-bite', 'es'), ageYears: 5, reluctance: 0 }, seed, [
        S(OPEN.es),
        S('¿No es cierto que no te pegó?'),
      ]);
      for (const a of en.adoptedDetails) expect(a).toMatch(/\bnot\b/u);
      for (const a of es.adoptedDetails) expect(a).toMatch(/(?<!\p{L})no(?!\p{L})/u);
      expect(es.replies[1]?.answer).not.toMatch(/no es cierto/iu);
    }
  });
});

describe("a wh- question's frame is never the answer", () => {
  const WH = { en: 'What did he have in his hands?', es: '¿Qué tenía en las manos?' };
  const WHY = { en: 'Why did you go there?', es: '¿Por qué fuiste ahí?' };
  it.each(LANGS)(
    '%s: "what did he have in his hands" gets a fact about hands or I don\'t know',
    (lang) => {
      let n = 0;
      for (const sc of builtInScenarios(lang))
        for (const age of AGES)
          for (let seed = 1; seed <= 6; seed++) {
            const sim = simulate({ ...sc, ageYears: age, reluctance: 0 }, seed, [
              S(OPEN[lang]),
              S(WH[lang]),
            ]);
            const answer = sim.replies[1]?.answer ?? '';
            const fact = sc.facts.find((f) => f.text === answer);
            const ok =
              IDK.test(answer) || (fact !== undefined && /\bhands?\b|mano/iu.test(fact.text));
            if (!ok) throw new Error(`${lang} ${sc.id} age ${age} seed ${seed}: "${answer}"`);
            expect(answer).not.toMatch(/en las manos\.?$|in his hands\.?$/iu);
            n++;
          }
      process.stdout.write(
        `${`${lang} "${WH[lang]}": ${n}/${n} answered with the fact asked for or I don't know`}\n`,
      );
    },
  );

  it.each(LANGS)(
    '%s: a why question gets a reason fact or I don\'t know, never a place or "Because."',
    (lang) => {
      for (const sc of builtInScenarios(lang))
        for (const age of AGES)
          for (let seed = 1; seed <= 6; seed++) {
            const sim = simulate({ ...sc, ageYears: age, reluctance: 0 }, seed, [
              S(OPEN[lang]),
              S(WHY[lang]),
            ]);
            const answer = sim.replies[1]?.answer ?? '';
            const ok = IDK.test(answer) || /\b(?:because|porque)\b/iu.test(answer);
            if (!ok || /^(?:because|porque s[ií])\.?$/iu.test(answer))
              throw new Error(`${lang} ${sc.id} age ${age} seed ${seed}: "${answer}"`);
          }
    },
  );

  it('a why question about a remembered reason is answered with it', () => {
    const sim = simulate({ ...scenario('stolen-bike', 'es'), ageYears: 12, reluctance: 0 }, 1, [
      S(OPEN.es),
      S('¿Por qué no le pusiste el candado?'),
    ]);
    expect(sim.replies[1]?.answer).toMatch(/porque tenía prisa/u);
  });
});

describe('support in the present is answered as support in every scenario', () => {
  const SUPPORT: Record<TrainingLanguage, string[]> = {
    en: [
      'You look worried right now.',
      "You're being really brave.",
      'That must be hard.',
      'You seem a little nervous right now.',
    ],
    es: [
      'Te ves preocupada ahorita.',
      'Te noto un poco nerviosa ahorita.',
      'Debe ser difícil.',
      'Estás siendo muy valiente.',
    ],
  };
  it('every support turn, every scenario x seed x age x stage, both languages', () => {
    let total = 0;
    let asSupport = 0;
    const wrong: string[] = [];
    for (const lang of LANGS) {
      const t = textsFor(lang).child;
      // Praise ("You're being really brave.") is thanked for (fix18q's praise replies).
      const replies = new Set([t.yesYoung, ...t.commentDeny, ...t.praise, '...']);
      for (const sc of builtInScenarios(lang))
        for (const age of AGES)
          for (let seed = 1; seed <= 3; seed++)
            for (const line of SUPPORT[lang])
              for (const stage of ['rapport', 'substantive'] as const) {
                const turns = stage === 'rapport' ? [R(line)] : [S(OPEN[lang]), S(line)];
                const sim = simulate({ ...sc, ageYears: age }, seed, turns);
                const reply = sim.replies[sim.replies.length - 1]!;
                total++;
                if (reply.supportive && replies.has(reply.answer)) asSupport++;
                else if (wrong.length < 5)
                  wrong.push(`${lang} ${sc.id} ${age} "${line}" -> "${reply.answer}"`);
              }
    }
    process.stdout.write(`support answered as support: ${asSupport}/${total}\n`);
    expect(wrong).toEqual([]);
    expect(asSupport).toBe(total);
  });
});
