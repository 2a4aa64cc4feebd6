// Issue #16 (outside review, open findings): the presumption check generalised beyond the
// lexicon's closed lists, the media subtype, and the Spanish exploitation label "citas".
import { classifyQuestion } from '../../../src/questions';

const code = (text: string, language: 'en' | 'es', child: string[]) =>
  classifyQuestion(text, language, { childWords: child });

describe('presumptions beyond the word lists', () => {
  it.each([
    ['en', 'When he took you to his house, what happened?', ['he was mean to me'], 'took'],
    ['en', 'When he came to your house, what happened?', ['he was mean to me'], 'house'],
    ['en', 'Where did he put the bag?', ['he got mad'], 'bag'],
    ['en', 'What did she do with the blanket?', ['she came over'], 'blanket'],
    ['en', 'Tell me about when he drove you to the lake.', ['he is my neighbor'], 'lake'],
    ['es', 'Cuando te llevó a su casa, ¿qué pasó?', ['él fue malo conmigo'], 'llev'],
    ['es', 'Cuando él vino a la bodega, ¿qué pasó?', ['él fue malo conmigo'], 'bodega'],
    ['es', '¿Qué hizo él con la cobija?', ['él vino a la casa'], 'cobija'],
  ] as const)('%s "%s" after %j assumes %s', (language, text, child, word) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('presumptive');
    expect(c.cue?.toLowerCase()).toContain(word);
    // The safe suggestion uses only the child's words.
    expect(c.suggestion ?? '').not.toContain(word);
  });

  it.each([
    ['en', 'When he took you to his house, what happened?', ['he took me to his house']],
    ['en', 'What color was his truck?', ['he had a big truck']],
    ['en', 'Where on your body did he touch you?', ['he touched me']],
    ['en', 'What were you doing when he came in?', ['he came in my room']],
    ['en', 'How did you feel when she yelled?', ['she yelled at me']],
    ['es', '¿Qué pasó cuando llegaste a tu casa?', ['luego llegué a mi casa']],
    ['es', '¿De qué color era su camioneta?', ['él tenía una camioneta grande']],
    // Questions that identify a person the child named assume no act (Hearth's neutral list).
    ['en', 'What did he smell like?', ['he came in']],
    ['en', 'Where does he live?', ['my neighbor was mean']],
    ['es', '¿Dónde vive él?', ['él es mi vecino']],
  ] as const)('%s "%s" in the child\'s words is not suggestive', (language, text, child) => {
    expect(code(text, language, [...child]).type).not.toBe('suggestive');
  });

  it('does not flag neutral protocol wording about things, not people', () => {
    for (const [text, language] of [
      ['Tell me about your last birthday.', 'en'],
      ['Tell me about something that made you sad.', 'en'],
      ['Cuéntame sobre algo que te puso triste.', 'es'],
      ['Ahora me gustaría hablar de lo que te trajo aquí hoy. Cuéntame sobre eso.', 'es'],
    ] as const)
      expect(code(text, language, ['me gusta el futbol', 'I like soccer']).recommended).toBe(true);
  });
});

describe('media (dolls, body diagrams, drawings)', () => {
  it.each([
    ['en', 'Show me on the doll where he touched you.', ['he touched me']],
    ['en', 'Point to the picture where he touched you.', ['he touched my leg']],
    ['es', 'Muéstrame en el dibujo dónde te tocó.', ['me tocó']],
  ] as const)('%s "%s" takes the media subtype', (language, text, child) => {
    const c = code(text, language, [...child]);
    expect(c.subtype).toBe('media');
    expect(c.verdict).toBe('ask-differently');
    const ncac = classifyQuestion(text, language, {
      childWords: [...child],
      mediaStance: 'after-disclosure',
      childAgeYears: 8,
    });
    expect(ncac.verdict).toBe('acceptable');
    const young = classifyQuestion(text, language, {
      childWords: [...child],
      mediaStance: 'after-disclosure',
      childAgeYears: 4,
    });
    expect(young.verdict).toBe('ask-differently');
    const nichd = classifyQuestion(text, language, {
      childWords: [...child],
      mediaStance: 'not-used',
      childAgeYears: 8,
    });
    expect(nichd.verdict).toBe('ask-differently');
  });

  it('a media prompt that introduces an act stays suggestive', () => {
    expect(
      code('Show me on the body diagram where he kissed you.', 'en', ['he touched me']).type,
    ).toBe('suggestive');
  });

  it('talk about toys is not media use', () => {
    expect(classifyQuestion('Did you play with dolls?', 'en').subtype).not.toBe('media');
  });
});

describe('Spanish exploitation label "citas"', () => {
  it('flags "las citas" / "tus citas" unless the youth said it', () => {
    expect(classifyQuestion('Cuéntame de las citas.', 'es').subtype).toBe('label');
    expect(classifyQuestion('¿Con quién eran tus citas?', 'es').subtype).toBe('label');
    expect(code('Cuéntame de las citas.', 'es', ['tenía citas con señores']).subtype).not.toBe(
      'label',
    );
  });
});
