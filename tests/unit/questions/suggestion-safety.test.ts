// Property: a suggestion never introduces a detail the child has not said. Over thousands of
// generated risky utterances with random child context, every word of every suggestion is either
// neutral protocol wording (neutralVocabulary) or a word the child has said (issue #16, kind 1).
import fc from 'fast-check';
import { classifyQuestion, neutralVocabulary, type Language } from '../../../src/questions';
import { normalise, stem, words } from '../../../src/questions/text';

const POOL: Record<Language, { content: string[]; frames: string[] }> = {
  en: {
    content: [
      'Daddy',
      'uncle',
      'stepdad',
      'coach',
      'Alex',
      'touched',
      'hit',
      'belt',
      'knife',
      'bottom',
      'private',
      'bedroom',
      'basement',
      'car',
      'clothes',
      'pictures',
      'secret',
      'cake',
      'dog',
      'park',
      'night',
      'kitchen',
      'pimp',
      'abuse',
      'games',
      'sold',
      'kissed',
      'room',
      'bed',
      'school',
      'bike',
      'money',
      'party',
      'thing',
      'pushed',
      'mean',
    ],
    frames: [
      'Can you tell me about the {a}?',
      'Can you tell me about when {a} put his {b} in you?',
      'Do you remember when he {a} your {b}?',
      'Do you remember what {a} did with the {b}?',
      'Could you tell me what happened in the {a}?',
      'Would you tell me about the {a} your {b} did?',
      'Tell me if the {a} was {b}.',
      'Did {a} {b} you?',
      'Was it the {a} or the {b}?',
      'So he {a} you with the {b}.',
      'And then he {a} your {b}.',
      "He {a} you, didn't he?",
      'Where did he {a} your {b}?',
      'What did he use to {a} you?',
      'Your {a} already told us what he did with the {b}.',
      'Tell me about the {a}.',
      'How many times did he {a} you?',
      'Why did you {a} the {b}?',
      'Do you know the difference between the truth and a lie?',
      'was the {a} {b} or not',
    ],
  },
  es: {
    content: [
      'papá',
      'tío',
      'padrastro',
      'entrenador',
      'Alex',
      'tocó',
      'pegó',
      'cinturón',
      'cuchillo',
      'pompa',
      'cuarto',
      'sótano',
      'carro',
      'ropa',
      'fotos',
      'secreto',
      'pastel',
      'perro',
      'parque',
      'noche',
      'cocina',
      'padrote',
      'abuso',
      'juegos',
      'vendió',
      'besó',
      'cama',
      'escuela',
      'bici',
      'dinero',
      'fiesta',
      'cosa',
      'empujó',
      'malo',
    ],
    frames: [
      '¿Me puedes contar del {a}?',
      '¿Me puedes contar del señor que te {a}?',
      '¿Te acuerdas de cuando {a} entró a tu {b}?',
      '¿Te acuerdas si te {a} la {b}?',
      '¿Puedes contarme qué pasó en el {a}?',
      'Dime si el {a} estaba {b}.',
      '¿Tu {a} te {b}?',
      '¿Fue el {a} o el {b}?',
      'Entonces te {a} con el {b}.',
      'Y luego te quitó la {a}.',
      'Te {a}, ¿verdad?',
      '¿Dónde te {a} la {b}?',
      '¿Con qué te {a}?',
      'Tu {a} ya nos dijo lo que hizo con el {b}.',
      'Cuéntame del {a}.',
      '¿Cuántas veces te {a}?',
      '¿Por qué {a} el {b}?',
      '¿Sabes la diferencia entre la verdad y la mentira?',
      'el {a} era {b} o no',
    ],
  },
};

function arbitraries(language: Language) {
  const { content, frames } = POOL[language];
  const word = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...content) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-záéíóúñ]{3,9}$/) },
  );
  const utterance = fc
    .tuple(fc.constantFrom(...frames), word, word)
    .map(([frame, a, b]) => frame.replace('{a}', a).replace('{b}', b));
  const childTurn = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
  const childWords = fc.option(fc.array(childTurn, { maxLength: 5 }), { nil: undefined });
  return { utterance, childWords };
}

/** Words of the suggestion that are neither neutral wording nor said by the child. */
function foreignWords(
  suggestion: string,
  childWords: readonly string[] | undefined,
  language: Language,
): string[] {
  const neutral = neutralVocabulary(language);
  const childStems = new Set<string>();
  for (const turn of childWords ?? [])
    for (const w of words(normalise(turn))) childStems.add(stem(w, language));
  return words(normalise(suggestion)).filter(
    (w) => !neutral.has(w) && !childStems.has(stem(w, language)),
  );
}

describe.each(['en', 'es'] as const)('suggestions are safe (%s)', (language) => {
  const { utterance, childWords } = arbitraries(language);

  it('never carry a content word outside the child words and the neutral vocabulary', () => {
    let withSuggestion = 0;
    fc.assert(
      fc.property(utterance, childWords, (text, child) => {
        const c = classifyQuestion(text, language, child ? { childWords: child } : undefined);
        if (c.suggestion === undefined) return;
        withSuggestion++;
        expect({
          text,
          child,
          suggestion: c.suggestion,
          foreign: foreignWords(c.suggestion, child, language),
        }).toEqual({
          text,
          child,
          suggestion: c.suggestion,
          foreign: [],
        });
      }),
      { numRuns: 3000, seed: 16 },
    );
    // The property is not vacuous: most generated utterances are flagged and get a suggestion.
    expect(withSuggestion).toBeGreaterThan(1500);
  });

  it('offers a suggestion only for flagged utterances', () => {
    fc.assert(
      fc.property(utterance, childWords, (text, child) => {
        const c = classifyQuestion(text, language, child ? { childWords: child } : undefined);
        if (c.recommended) expect(c.suggestion).toBeUndefined();
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});
