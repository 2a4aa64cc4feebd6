// Practitioner review 3, B1 and B2: statements and summaries are checked against the child's
// words exactly like questions (Roberts & Lamb 1999; Lamb et al. 2007), and ground rules are
// recognised by what they say, not by an opener such as "let me" or "if". Examples are ours.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords });

describe('B1. a statement that adds a person, act, place or object is suggestive', () => {
  it.each([
    // [utterance, language, child's words so far]
    ['Your uncle pushed you down the stairs.', 'en', ['my uncle pushed me']],
    ['So your uncle pushed you down the stairs.', 'en', ['my uncle pushed me']],
    ['And then he locked the door.', 'en', ['he pushed me']],
    ['And then he said to keep it a secret.', 'en', ['he pushed me']],
    ['She pinched you.', 'en', []],
    ['Grandpa slapped you in the kitchen.', 'en', []],
    ['Entonces tu tío te empujó en la escalera.', 'es', ['mi tío me empujó']],
    ['Y luego él cerró la puerta.', 'es', ['él me empujó']],
    ['Ella te pellizcó.', 'es', []],
    ['Te encerró en el baño.', 'es', []],
    ['Tu abuelo te pegó.', 'es', []],
  ] as const)('%s', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('leading-declarative');
    expect(c.recommended).toBe(false);
    // Any safe rewording quotes only the child.
    for (const w of ['stairs', 'door', 'secret', 'escalera', 'puerta', 'baño', 'kitchen'])
      expect(c.suggestion ?? '').not.toContain(w);
  });

  it('the same statement in both languages gets the same code with no context words', () => {
    const en = code('Your grandpa hit you.', 'en', []);
    const es = code('Tu abuelo te pegó.', 'es', []);
    expect([en.type, en.subtype]).toEqual(['suggestive', 'leading-declarative']);
    expect([es.type, es.subtype]).toEqual([en.type, en.subtype]);
  });
});

describe("B1. a summary in the child's own words stays an acceptable summary", () => {
  it.each([
    ['So your uncle pushed you.', 'en', ['my uncle pushed me']],
    ['And then he pushed you.', 'en', ['he pushed me', 'he was mad']],
    ['Entonces tu tío te empujó.', 'es', ['mi tío me empujó']],
  ] as const)('%s', (text, language, child) => {
    const c = code(text, language, [...child]);
    // NICHD codes a restatement of the child's words as a facilitator (Lamb et al. 2007).
    expect(c.type).toBe('facilitator');
    expect(c.subtype).toBe('summary');
    expect(c.recommended).toBe(true);
  });
});

describe('B2. a summary opener does not make a ground rule', () => {
  it.each([
    [
      'Let me make sure I heard you: your uncle pushed you at school.',
      'en',
      ['my uncle pushed me'],
    ],
    ['Let me check I got it. He pushed you at night.', 'en', ['he pushed me']],
    ['What you are saying is that he pushed you in the garage.', 'en', ['he pushed me']],
    ['Déjame ver si te entendí bien: tu tío te empujó en la escuela.', 'es', ['mi tío me empujó']],
    ['A ver si entendí. Te empujó en la cochera.', 'es', ['me empujó']],
  ] as const)('%s is checked as a summary and is suggestive', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('leading-declarative');
  });

  it.each([
    ['Let me make sure I heard you right: your uncle pushed you.', 'en', ['my uncle pushed me']],
    ['Déjame ver si te entendí: tu tío te empujó.', 'es', ['mi tío me empujó']],
  ] as const)('%s, in the child words only, is a summary', (text, language, child) => {
    expect(code(text, language, [...child]).subtype).toBe('summary');
  });

  it.each([
    ['If you do not know the answer, it is fine to say so.', 'en'],
    ['If I get something wrong, you can correct me.', 'en'],
    ['It is important to only talk about the truth today.', 'en'],
    ['Si no sabes la respuesta, está bien decir que no sabes.', 'es'],
    ['Si me equivoco en algo, puedes corregirme.', 'es'],
  ] as const)('%s is a ground rule by its content', (text, language) => {
    const c = code(text, language, []);
    expect(c.type).toBe('other');
    expect(c.subtype).toBe('ground-rule');
  });

  it('an "if" opener with no ground-rule content is a plain statement', () => {
    const c = code('If you need a break, we can stop.', 'en', []);
    expect(c.type).toBe('other');
    expect(c.subtype).not.toBe('ground-rule');
  });
});
