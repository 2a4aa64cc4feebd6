// Kinds the lead fixed after scoring the blind set heldout24 (session 24; that set is no longer
// blind for them). The examples here are new wordings of each kind, not the set's items.
// 1. A name after a word that gives the person's sex is of that sex: "my aunt Rosa" then "he".
// 2. The body part an act is done with is implied by the act: "he kicked me" then "Which foot…?".
// 3. An English person word that stems like a Spanish thing is not a person in Spanish («mano»).
// 4. Colloquial counts say it happened more than once: "a bunch of times", «un chorro de veces».
import { classifyQuestion } from '../../../src/questions';
import { impliedParts } from '../../../src/questions/implied-parts';
import { stem } from '../../../src/questions/text';

type Case = [child: string, question: string];
const code = (language: 'en' | 'es', [child, question]: Case) =>
  classifyQuestion(question, language, { childWords: [child] });

describe.each([
  ['en', ['My grandma Lupe hit me.', 'What did he hit you with?']],
  ['en', ['Mr. Peters grabbed me.', 'What did she do next?']],
  ['es', ['Mi abuela Lupe me pegó.', '¿Con qué te pegó él?']],
  ['es', ['El señor Pérez me agarró.', '¿Qué hizo ella después?']],
] as Array<['en' | 'es', Case]>)(
  '(%s) a pronoun of the other sex than the named person',
  (language, pair) => {
    it(`${pair[1]} after ${pair[0]} is suggestive (presumed person)`, () => {
      const c = code(language, pair);
      expect([c.type, c.recommended]).toEqual(['suggestive', false]);
    });
  },
);

describe.each([
  ['en', ['My grandma Lupe hit me.', 'What did she hit you with?']],
  ['en', ['Lupe hit me.', 'What did he hit you with?']], // a bare name: sex unknown
  ['es', ['Mi abuela Lupe me pegó.', '¿Con qué te pegó ella?']],
  ['en', ['He kicked me.', 'Which foot did he use?']],
  ['en', ['She bit my arm.', 'What did her teeth feel like?']],
  ['es', ['Me dio una cachetada.', '¿Con cuál mano fue?']],
  ['es', ['Me dio una patada.', '¿Con qué pie fue?']],
  ['en', ['It happened a bunch of times.', 'Tell me about the first time.']],
  ['es', ['Pasó un chorro de veces.', 'Cuéntame de la última vez.']],
] as Array<['en' | 'es', Case]>)('(%s) the child already said it', (language, pair) => {
  it(`${pair[1]} after ${pair[0]} carries no warning`, () => {
    expect(code(language, pair).recommended).toBe(true);
  });
});

describe.each([
  ['en', ['He was mean to me.', 'Which foot did he use?']],
  ['en', ['He kicked me.', 'Which hand did he use?']], // a kick implies a foot, not a hand
  ['es', ['Fue malo conmigo.', '¿Con cuál mano fue?']],
  ['en', ['It happened one time.', 'Tell me about the first time.']],
  ['es', ['Me pegó.', 'Cuéntame de la última vez.']],
] as Array<['en' | 'es', Case]>)('(%s) the child has not said it', (language, pair) => {
  it(`${pair[1]} after ${pair[0]} is flagged`, () => {
    const c = code(language, pair);
    expect([c.type, c.recommended]).toEqual(['suggestive', false]);
  });
});

test('«mano» is a body part, not a person, in Spanish (the English "man" stems like it)', () => {
  const c = classifyQuestion('¿Con qué mano lo hizo?', 'es', { childWords: ['Él me pegó.'] });
  expect(c.reason).toContain('mano');
  expect(c.reason).not.toMatch(/persona que no ha nombrado/);
});

test('an act implies only the part it is done with, and only when the child named the act', () => {
  const mouth = stem('mouth', 'en');
  expect(impliedParts('he bit me', 'en').includes(mouth)).toBe(true);
  expect(impliedParts('it hurt a bit', 'en').includes(mouth)).toBe(false); // "a bit" is no bite
  expect(impliedParts('he bit me', 'en').includes(stem('hand', 'en'))).toBe(false);
  expect(impliedParts('me dio una nalgada', 'es').includes(stem('mano', 'es'))).toBe(true);
});
