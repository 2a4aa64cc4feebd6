// coach29 (issue #16, practitioner review 19): the new-detail rule for choice questions (P19-1),
// the child's diminutives (P19-5), a leading when-clause in the child's words (P19-3) and
// "every time" / "cada vez que" (P19-4). Examples beyond the review's own.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords, stage: 'substantive' });

// coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): options that are objects of
// harm or persons are abuse-relevant, suggestive/new-detail; rooms stay option-posing.
describe('P19-1: a choice between details the child has not said is new-detail', () => {
  it.each<[string, Language, string[], string[], string]>([
    ['Did he hit you with a belt or a rope?', 'en', ['He hit me.'], ['belt', 'rope'], 'suggestive'],
    ['Was it your uncle or your dad?', 'en', ['Somebody hurt me.'], ['uncle', 'dad'], 'suggestive'],
    [
      'Tell me if it was in the bedroom or the bathroom.',
      'en',
      ['He touched me.'],
      ['bathroom'],
      'option-posing',
    ],
    [
      '¿Te pegó con el cinturón o con una cuerda?',
      'es',
      ['Me pegó.'],
      ['cinturón', 'cuerda'],
      'suggestive',
    ],
    [
      '¿Fue en el baño o en la recámara?',
      'es',
      ['Me tocó.'],
      ['baño', 'recámara'],
      'option-posing',
    ],
  ])('%s (%s)', (text, language, child, details, type) => {
    const c = code(text, language, child);
    expect([c.type, c.subtype, c.verdict]).toEqual([type, 'new-detail', 'avoid']);
    for (const d of details) expect(c.reason).toContain(d);
  });

  it.each<[string, Language, string[]]>([
    ['Did he hit you with a belt or a rope?', 'en', ['He hit me with a belt and a rope.']],
    ['¿Fue en el baño o en la recámara?', 'es', ['Me tocó en el baño y en la recámara.']],
  ])('options the child has said stay forced-choice: %s', (text, language, child) => {
    const c = code(text, language, child);
    expect([c.type, c.subtype, c.verdict]).toEqual([
      'option-posing',
      'forced-choice',
      'ask-differently',
    ]);
  });

  it.each<[string, Language, string[]]>([
    ['Did that happen one time or more than one time?', 'en', ['He hit me with a rope.']],
    ['¿Eso pasó una vez o más de una vez?', 'es', ['Me pegó con una cuerda.']],
  ])('the protocol’s own choice is not a new detail: %s', (text, language, child) => {
    const c = code(text, language, child);
    expect(c.subtype).not.toBe('new-detail');
    expect(c.verdict).not.toBe('avoid');
  });
});

describe('P19-5: the child’s diminutive and the base form are one word', () => {
  it.each<[string, string[]]>([
    ['¿Te agarró la mano?', ['Me agarró la manita.']],
    ['¿Te agarró la manita?', ['Me agarró la mano.']],
    ['¿Te pegó en la pompa?', ['Me pegó en las pompis.']],
    ['¿Te pegó en las pompis?', ['Me pegó en la pompita.']],
    ['¿El perro te mordió la pierna?', ['El perrito me mordió la pierna.']],
  ])('%s', (text, child) => {
    const c = code(text, 'es', child);
    expect(c.subtype).not.toBe('new-detail');
    expect(c.type).not.toBe('suggestive');
  });

  it('a body part the child did not name is still a new detail', () => {
    const c = code('¿Te agarró las pompis?', 'es', ['Me agarró la manita.']);
    expect([c.subtype, c.verdict]).toEqual(['new-detail', 'avoid']);
    expect(c.reason).toContain('pompis');
  });
});

describe('P19-3: a when-clause in the child’s own words presumes nothing', () => {
  it.each<[string, Language, string[], string]>([
    ['When he pushed you, were you in the garage?', 'en', ['He pushed me.'], 'garage'],
    ['Cuando te empujó, ¿estabas en la cochera?', 'es', ['Me empujó.'], 'cochera'],
  ])('%s', (text, language, child, detail) => {
    const c = code(text, language, child);
    expect([c.type, c.subtype, c.verdict]).toEqual(['option-posing', 'new-detail', 'avoid']);
    expect(c.reason).toContain(detail);
  });

  it('a when-clause with an act the child has not said stays suggestive', () => {
    const c = code('When he kissed you, were you in the garage?', 'en', ['He pushed me.']);
    expect([c.type, c.subtype]).toEqual(['suggestive', 'presumptive']);
  });
});

describe('P19-4: "every time" / "cada vez que" presumes repeated events', () => {
  it.each<[string, Language, string[]]>([
    ['Each time he came to your room, what did he do?', 'en', ['He came to my room.']],
    ['Every time you saw him, did he hit you?', 'en', ['He hit me.']],
    ['¿Cada que venía a tu cuarto te pegaba?', 'es', ['Me pegó.']],
    ['Todas las veces que fuiste, ¿qué te hizo?', 'es', ['Fui a su casa y me pegó.']],
  ])('%s', (text, language, child) => {
    const c = code(text, language, child);
    expect([c.type, c.subtype, c.verdict]).toEqual(['suggestive', 'presumptive', 'avoid']);
    expect(c.reason).toMatch(language === 'en' ? /more than one time/ : /más de una vez/);
  });

  it.each<[string, Language, string[], string]>([
    ['Every time you saw him, did he kick you?', 'en', ['He hit me lots of times.'], 'kick'],
    ['¿Cada vez que lo veías te pateaba?', 'es', ['Me pegó muchas veces.'], 'pateaba'],
  ])('not once the child said it happened more than once: %s', (text, language, child, act) => {
    const c = code(text, language, child);
    // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): an abuse-relevant unsaid
    // act (kick) in a closed question is suggestive/new-detail.
    expect([c.type, c.subtype]).toEqual(['suggestive', 'new-detail']);
    // The new act is named; "Every" / "Cada" is never listed as a detail the child has not said.
    expect(c.reason).toContain(act);
    expect(c.reason).not.toMatch(/\b(?:Every|Cada)\b/);
  });
});
