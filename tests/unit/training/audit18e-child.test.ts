// Issue #18 outside audit 5 (N18e-2, N18e-6): the simulated child answers Spanish wh- questions
// with the fact they ask for (or "No sé"), as in English, and answers a ground-rule practice item
// it gets wrong inside the item, never with a fact of the case; rates over 100 seeds.
import { builtInScenario, BUILTIN_IDS, simulate, type PracticeTurn } from '../../../src/training';
import type { TrainingLanguage } from '../../../src/training/types';

const SEEDS = 100;
const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
const IDK = /^(no s[eé]|no me acuerdo|i don'?t know|don'?t know|i don'?t remember)\.?$/iu;

/** The child's answers to `question` after a first invitation, one per seed. */
function answers(id: string, lang: TrainingLanguage, question: string): string[] {
  const scenario = builtInScenario(id, lang);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const out: string[] = [];
  for (let seed = 1; seed <= SEEDS; seed++)
    out.push(simulate(scenario, seed, [S(OPEN[lang]), S(question)]).replies[1]?.answer ?? '');
  return out;
}
const count = (list: string[], test: (a: string) => boolean) => list.filter(test).length;

describe('N18e-2: Spanish wh- questions get the fact they ask for, as English does', () => {
  test.each([
    // [scenario, question, words of the fact asked for]
    ['shoplifting-sibling', '¿Qué se llevó Marco?', /chocolates/u],
    ['stolen-bike', '¿A dónde se fue?', /estaci[oó]n/u],
    ['road-accident', '¿Qué carro era?', /plateado/u],
  ])('%s "%s": the fact in most runs, never "No." nor the verb echoed', (id, q, fact) => {
    const got = answers(id, 'es', q);
    expect(count(got, (a) => fact.test(a))).toBeGreaterThanOrEqual(60);
    expect(count(got, (a) => fact.test(a) || IDK.test(a) || /^¿/u.test(a))).toBe(SEEDS);
    expect(count(got, (a) => /^No\./u.test(a))).toBe(0);
  });

  test('a wh- question whose only new word is its verb gets no "No." and no echo', () => {
    const got = answers('shoplifting-sibling', 'es', '¿Dónde puso los chocolates?');
    expect(count(got, (a) => /^No\.|^Puso\.?$/u.test(a))).toBe(0);
  });

  test.each([
    ['en', 'What did Marco take?', /candy bars/u],
    ['es', '¿Qué se llevó Marco?', /chocolates/u],
  ] as const)('%s: the fact asked for on the same seeds ("%s")', (lang, q, fact) => {
    expect(count(answers('shoplifting-sibling', lang, q), (a) => fact.test(a))).toBeGreaterThan(90);
  });

  test('a presumptive wh- question naming an act of concern can still plant it', () => {
    const scenario = builtInScenario('visitor-nothing', 'es');
    if (!scenario) throw new Error('no scenario');
    let planted = 0;
    for (let seed = 1; seed <= SEEDS; seed++)
      planted += simulate(scenario, seed, [S(OPEN.es), S('¿Dónde te tocó el señor Dan?')])
        .falseDetails.length;
    expect(planted).toBeGreaterThan(10);
  });
});

describe('N18e-6: a wrong ground-rule practice answer stays inside the item', () => {
  const ITEM = {
    en: "If I ask a question and you don't know the answer, just say 'I don't know'. So if I ask you, what is my dog's name?",
    es: "Si te pregunto algo y no sabes la respuesta, dime 'no sé'. Entonces, si te pregunto, ¿cómo se llama mi perro?",
  };
  test.each(['en', 'es'] as const)('%s: "I don\'t know" or a name-like guess in 10 scenarios x 40 seeds', (lang) => {
    const seen: string[] = [];
    for (const id of BUILTIN_IDS) {
      const scenario = builtInScenario(id, lang);
      if (!scenario) throw new Error(`no scenario ${id}`);
      for (let seed = 1; seed <= 40; seed++)
        seen.push(
          simulate(scenario, seed, [{ text: ITEM[lang], phaseId: 'groundRules', substantive: false }])
            .replies[0]?.answer ?? '',
        );
    }
    // Either "I don't know" or one capitalised word as a question: a guess at the dog's name.
    const fits = (a: string) => IDK.test(a) || /^¿?\p{Lu}\p{Ll}+\?$/u.test(a);
    expect(seen.filter((a) => !fits(a))).toEqual([]);
    // The wrong answers do happen (younger children guess): the item is a real practice.
    expect(seen.filter((a) => !IDK.test(a)).length).toBeGreaterThan(20);
  });
});
