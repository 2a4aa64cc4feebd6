// Issue #18 (audits N18e-2 residue and 18f): every kind of wh- question (where, when, who, what,
// how) is answered with the fact it asks for, or "I don't know", in English and Spanish alike:
// "¿Dónde puso los chocolates?" is answered with where the chocolates went, not with the shop
// (Lamb et al. 2007: a wh- question asks for one detail). Rates over 60 seeds per question.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 60;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const IDK = /^(no s[eé]|no me acuerdo|i don'?t know|i don'?t remember)\.?$/iu;

function answers(id: string, lang: TrainingLanguage, question: string): string[] {
  const base = builtInScenario(id, lang);
  if (!base) throw new Error(`no scenario ${id}`);
  const out: string[] = [];
  for (let seed = 1; seed <= SEEDS; seed++)
    out.push(
      simulate({ ...base, ageYears: 9, reluctance: 0 }, seed, [S(OPEN[lang]), S(question)])
        .replies[1]?.answer ?? '',
    );
  return out;
}

// [scenario, kind, en question, es question, en fact, es fact]
const CASES: Array<[string, string, string, string, RegExp, RegExp]> = [
  [
    'shoplifting-sibling',
    'where',
    'Where did Marco put the candy bars?',
    '¿Dónde puso los chocolates?',
    /jacket pocket/u,
    /bolsillo de la chamarra/u,
  ],
  [
    'shoplifting-sibling',
    'where',
    'Where did Marco put them?',
    '¿Dónde los puso Marco?',
    /jacket pocket/u,
    /bolsillo de la chamarra/u,
  ],
  [
    'shoplifting-sibling',
    'where',
    'Where did you go?',
    '¿A dónde fueron?',
    /corner store/u,
    /tiendita de la esquina/u,
  ],
  [
    'stolen-bike',
    'where',
    'Where did you leave your bike?',
    '¿Dónde dejaste tu bici?',
    /outside the library/u,
    /afuera de la biblioteca/u,
  ],
  [
    'stolen-bike',
    'where',
    'Where did he go?',
    '¿A dónde se fue?',
    /bus station/u,
    /estación de autobuses/u,
  ],
  [
    'dog-bite',
    'where',
    'Where did the dog bite you?',
    '¿Dónde te mordió el perro?',
    /my hand/u,
    /la mano/u,
  ],
  [
    'shoplifting-sibling',
    'when',
    'When did you go to the store?',
    '¿Cuándo fueron a la tiendita?',
    /after school/u,
    /después de la escuela/u,
  ],
  ['stolen-bike', 'when', 'When did it happen?', '¿Cuándo pasó?', /Saturday/u, /sábado/u],
  [
    'shoplifting-sibling',
    'who',
    'Who was with you?',
    '¿Quién estaba contigo?',
    /brother Marco/u,
    /hermano mayor, Marco/u,
  ],
  [
    'stolen-bike',
    'who',
    'Who took your bike?',
    '¿Quién se llevó tu bici?',
    /teenager/u,
    /muchacho/u,
  ],
  [
    'shoplifting-sibling',
    'what',
    'What did Marco take?',
    '¿Qué se llevó Marco?',
    /candy bars/u,
    /chocolates/u,
  ],
  [
    'stolen-bike',
    'how',
    'How did he take it?',
    '¿Cómo se la llevó?',
    /riding off/u,
    /yendo en ella/u,
  ],
];

describe('wh- questions get the fact they ask for, or "I don\'t know", in en and es', () => {
  test.each(CASES)('%s %s: "%s" / "%s"', (id, kind, enQ, esQ, enFact, esFact) => {
    const en = answers(id, 'en', enQ);
    const es = answers(id, 'es', esQ);
    const right = (list: string[], fact: RegExp) => list.filter((a) => fact.test(a)).length;
    const other = (list: string[], fact: RegExp) =>
      list.filter((a) => !fact.test(a) && !IDK.test(a) && !/^¿/u.test(a) && !/\?$/u.test(a));
    process.stdout.write(
      `${kind} ${id}: en ${right(en, enFact)}/${SEEDS} "${enQ}", es ${right(es, esFact)}/${SEEDS} "${esQ}"\n`,
    );
    // The fact asked for in most runs (a peripheral fact is remembered by ~70% at 9: research.ts
    // PERIPHERAL_RETENTION); otherwise "I don't know" or a guess, never another fact.
    expect(right(en, enFact)).toBeGreaterThanOrEqual(SEEDS * 0.6);
    expect(right(es, esFact)).toBeGreaterThanOrEqual(SEEDS * 0.6);
    expect(other(en, enFact)).toEqual([]);
    expect(other(es, esFact)).toEqual([]);
    // Same rate table and seeds: the two languages agree.
    expect(Math.abs(right(en, enFact) - right(es, esFact))).toBeLessThanOrEqual(2);
  });

  test('a where- question about something the child never saw gets no other fact', () => {
    for (const [lang, q] of [
      ['en', 'Where did Marco put the knife?'],
      ['es', '¿Dónde puso Marco el cuchillo?'],
    ] as const) {
      const got = answers('shoplifting-sibling', lang, q);
      const shop = got.filter((a) => /corner store|tiendita/u.test(a)).length;
      process.stdout.write(`${lang} "${q}": shop fact ${shop}/${SEEDS}\n`);
      expect(shop).toBe(0);
    }
  });
});
