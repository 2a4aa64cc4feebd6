// An observer's suggestion is advice to the interviewer (audit 19c, B19c-6): written as a
// statement of intent it is coded as the question it implies, against the child's words; a
// statement that implies no question is never recommended. classifyQuestion itself is unchanged.
import { classifyQuestion, classifySuggestion, impliedQuestion } from '../../../src/questions';

const EN = { childWords: ['I went to a party with my boyfriend.'] };
const ES = { childWords: ['Fui a una fiesta con mi novio.'] };

describe('impliedQuestion', () => {
  test.each([
    ['I would ask about the money he paid her.', 'Tell me about the money he paid her.'],
    ["I'd ask her about the party.", 'Tell me about the party.'],
    ['Maybe you could ask him what happened at the party.', 'What happened at the party?'],
    ['We should ask her whether he paid her', 'He paid her?'],
    ['I want to know if he paid her.', 'He paid her?'],
    ['Ask the child to describe the room.', 'Describe the room.'],
  ])('en: %s -> %s', (advice, question) => {
    expect(impliedQuestion(advice, 'en')).toBe(question);
  });
  test.each([
    ['Yo le preguntaría por el dinero que le pagaba.', 'Cuéntame sobre el dinero que le pagaba.'],
    ['Podrías preguntarle sobre la fiesta.', 'Cuéntame sobre la fiesta.'],
    ['Pregúntale si le pagaba.', '¿Le pagaba?'],
    ['Le preguntaría qué pasó en la fiesta.', '¿Qué pasó en la fiesta?'],
    ['Quisiera saber si él le pagaba.', '¿Él le pagaba?'],
  ])('es: %s -> %s', (advice, question) => {
    expect(impliedQuestion(advice, 'es')).toBe(question);
  });
  test('questions, plain statements and a bare "ask" imply no other question', () => {
    expect(impliedQuestion('Tell me about the party.', 'en')).toBeUndefined();
    expect(impliedQuestion('She looks tired today.', 'en')).toBeUndefined();
    expect(impliedQuestion('I would ask.', 'en')).toBeUndefined();
    expect(impliedQuestion('¿Qué pasó en la fiesta?', 'es')).toBeUndefined();
    expect(impliedQuestion('Yo le preguntaría.', 'es')).toBeUndefined();
  });
});

describe('classifySuggestion', () => {
  test('en: the implied question brings in "money" the child has not said: avoid, not recommended', () => {
    // Before: coded other/statement, "recommended" (the audit's record "coach: recommended").
    expect(classifyQuestion('I would ask about the money he paid her.', 'en', EN).recommended).toBe(
      true,
    );
    const c = classifySuggestion('I would ask about the money he paid her.', 'en', EN);
    expect(c).toMatchObject({
      type: 'suggestive',
      recommended: false,
      verdict: 'avoid',
      cue: 'money',
      impliedQuestion: 'Tell me about the money he paid her.',
    });
    expect(c.reason).toMatch(/^Coded as the question it implies, “Tell me about the money/);
  });
  test('es: "Yo le preguntaría por el dinero…" flags "dinero" against the child\'s words', () => {
    const c = classifySuggestion('Yo le preguntaría por el dinero que le pagaba.', 'es', ES);
    expect(c).toMatchObject({ type: 'suggestive', recommended: false, cue: 'dinero' });
    expect(c.reason).toMatch(/^Codificada como la pregunta que implica, “Cuéntame sobre el dinero/);
  });
  test("advice about what the child said implies an open prompt in the child's words", () => {
    expect(classifySuggestion('Maybe ask about the party.', 'en', EN)).toMatchObject({
      type: 'cued-invitation',
      recommended: true,
    });
    expect(classifySuggestion('Le preguntaría por la fiesta.', 'es', ES)).toMatchObject({
      type: 'cued-invitation',
      recommended: true,
    });
  });
  test.each([
    [
      'en' as const,
      'The party is important.',
      EN,
      /cannot code it\. Phrase the question/,
    ],
    ['es' as const, 'La fiesta es importante.', ES, /no puede codificarla\. Formule/],
  ])(
    '%s: a statement implying no question is ask-differently with no rewording',
    (lang, text, ctx, why) => {
      expect(classifyQuestion(text, lang, ctx)).toMatchObject({ type: 'other', recommended: true });
      const c = classifySuggestion(text, lang, ctx);
      expect(c).toMatchObject({ type: 'other', recommended: false, verdict: 'ask-differently' });
      expect(c.reason).toMatch(why);
      expect(c.suggestion).toBeUndefined();
    },
  );
  test('a suggestion written as a question is coded as it stands', () => {
    expect(classifySuggestion('Did he pay you?', 'en', EN)).toEqual(
      classifyQuestion('Did he pay you?', 'en', EN),
    );
    expect(classifySuggestion('¿Qué pasó en la fiesta?', 'es', ES)).toEqual(
      classifyQuestion('¿Qué pasó en la fiesta?', 'es', ES),
    );
  });
});
