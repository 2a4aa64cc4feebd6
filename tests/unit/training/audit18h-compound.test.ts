// Issue #18 (audit N18e-4): compound yes/no questions are hard to understand in Spanish as in
// English. Spanish yes/no questions have no auxiliary, so the second question is marked by an
// object pronoun or a second-person past after "y/o" ("¿Te empujó y LE DIJISTE...?", "¿Te empujó
// y luego LLORASTE?"). Both languages then use one rate (research.ts SAYS_DONT_UNDERSTAND x
// NOTICES_NOT_UNDERSTANDING.compound: Perry et al. 1995; Walker 2013), measured over seeds.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { explainComplexity } from '../../../src/training/comprehension';
import { codeUtterance } from '../../../src/training/coding';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 100;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const kindOf = (q: string, lang: TrainingLanguage) =>
  explainComplexity(q, codeUtterance(q, lang, [], 8), 1, lang)?.kind;

describe('N18e-4: compound yes/no questions are named as hard in Spanish', () => {
  test.each([
    ['es', '¿Te empujó y le dijiste a tu mamá o a tu maestra?'],
    ['es', '¿Te empujó y luego lloraste?'],
    ['es', '¿Él te empujó y tú le dijiste a tu mamá?'],
    ['es', '¿Te pegó o te empujó?'],
    ['en', 'Did he push you and then did you cry?'],
    ['en', 'Did he push you and did you tell your mom or your teacher?'],
  ] as const)('%s "%s" is compound', (lang, q) => {
    expect(kindOf(q, lang)).toBe('compound');
  });

  test.each([
    ['es', '¿Y te dijo algo?'],
    ['es', 'Cuéntame de la casa y la escuela.'],
    ['es', '¿Jugaste con tu hermano y tu prima?'],
    ['es', '¿Te pegó o no?'],
    ['es', 'Cuéntame todo lo que pasó y lo que te dijo.'],
    ['es', '¿Estaban tu mamá y tu papá?'],
    ['en', 'And did he say anything?'],
    ['en', 'Tell me what happened and then what you did.'],
    ['en', 'Did you go with Marco and your mom?'],
  ] as const)('%s "%s" is one question, not compound', (lang, q) => {
    expect(kindOf(q, lang)).toBeUndefined();
  });
});

describe('N18e-4: the Spanish child says "no entiendo" to compound questions as often as the English one', () => {
  const PAIRS = [
    {
      en: 'Did he push you and did you tell your mom or your teacher?',
      es: '¿Te empujó y le dijiste a tu mamá o a tu maestra?',
    },
    { en: 'Did he push you and then did you cry?', es: '¿Te empujó y luego lloraste?' },
  ];
  const memo = new Map<string, { said: number; n: number }>();
  const rate = (lang: TrainingLanguage, q: string, age: number, kind = 'compound') => {
    const key = `${lang}|${q}|${age}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let said = 0;
    let n = 0;
    for (const id of ['dog-bite', 'stolen-bike', 'road-accident']) {
      const base = builtInScenario(id, lang);
      if (!base) throw new Error(`no scenario ${id}`);
      const scenario = { ...base, ageYears: age, reluctance: 0 };
      for (let seed = 1; seed <= SEEDS; seed++) {
        const reply = simulate(scenario, seed, [S(OPEN[lang]), S(q)]).replies[1];
        n += 1;
        if (reply?.notUnderstood === kind) said += 1;
      }
    }
    memo.set(key, { said, n });
    return { said, n };
  };

  test.each([7, 11, 15])('age %i: en and es rates match and are above zero', (age) => {
    for (const pair of PAIRS) {
      const en = rate('en', pair.en, age);
      const es = rate('es', pair.es, age);
      process.stdout.write(
        `N18e-4 age ${age} "${pair.es}": "no entiendo" es ${es.said}/${es.n}, en ${en.said}/${en.n}` +
          '\n',
      );
      expect(es.said).toBeGreaterThan(0);
      // Same rate table, same dice: within 3 points of each other.
      expect(Math.abs(es.said - en.said)).toBeLessThanOrEqual(0.03 * es.n);
    }
  });

  test('the compound is noticed less than a legal word (NOTICES_NOT_UNDERSTANDING), older more', () => {
    const young = rate('es', PAIRS[0]!.es, 7).said;
    const old = rate('es', PAIRS[0]!.es, 15).said;
    const legal = rate('es', '¿El presunto agresor incurrió en la conducta?', 11, 'legal').said;
    const mid = rate('es', PAIRS[0]!.es, 11).said;
    expect(old).toBeGreaterThan(young);
    expect(legal).toBeGreaterThan(mid);
  });

  test('not noticed: the child answers the last part ("¿Le dijiste a tu mamá o a tu maestra?")', () => {
    const base = builtInScenario('dog-bite', 'es');
    if (!base) throw new Error('no scenario');
    let choice = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const reply = simulate({ ...base, ageYears: 11, reluctance: 0 }, seed, [
        S(OPEN.es),
        S(PAIRS[0]!.es),
      ]).replies[1];
      if (!reply?.notUnderstood && /^(Ninguno|Maestra|Mamá|A mi)/u.test(reply?.answer ?? ''))
        choice += 1;
    }
    expect(choice).toBeGreaterThan(SEEDS / 2);
  });
});
