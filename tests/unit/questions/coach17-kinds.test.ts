// Issue #16, session 17 (coach17): kinds of fault named after session 16, each in English and
// Spanish. Compound questions and "how many times" phrased as an approximation to a young child
// were rated warning-free; "Tell me more about it/that" claimed to reuse the child's words when
// the pronoun was all there was; Spanish secrecy instructions with "platicar" were coded unlike
// their "contar" / "decir" wordings; the training child's "-mente"/"-ly" adverb rule took names.
import { classifyQuestion, type Language } from '../../../src/questions';
import { detailWordsOf, isClosedClass } from '../../../src/training/detail-words';

const code = (text: string, language: Language, childWords?: string[], childAgeYears?: number) =>
  classifyQuestion(text, language, {
    ...(childWords ? { childWords } : {}),
    ...(childAgeYears !== undefined ? { childAgeYears } : {}),
  });

describe('compound questions (Lamb et al. 2018; Powell & Snow 2007: one question at a time)', () => {
  it.each([
    ['en', 'Where were you and what was he wearing?', ['he hit me']],
    ['en', 'Where were you? What did he say?', ['he hit me']],
    ['en', 'Where were you when he hit you and who else was there?', ['he hit me']],
    ['es', '¿Dónde estabas y qué traía puesto?', ['me pegó']],
    ['es', '¿Dónde estabas? ¿Qué te dijo?', ['me pegó']],
  ] as const)('%s "%s" keeps its code but is never warning-free', (language, text, child) => {
    const c = code(text, language, [...child], 9);
    expect(c.type).toBe('directive');
    expect(c.recommended).toBe(false);
    expect(c.verdict).toBe('ask-differently');
    expect(c.reason).toMatch(/one question at a time|una pregunta a la vez/);
    // Which question to keep is the interviewer's call: no rewording is offered.
    expect(c.suggestion).toBeUndefined();
  });

  it.each([
    ['en', 'Did it happen one time or more than one time? How many times?'],
    ['es', '¿Pasó una vez o más de una vez? ¿Cuántas veces?'],
  ] as const)(
    '%s the protocol question with "how many times" added is flagged: "%s"',
    (language, text) => {
      // coach36: the added question codes the turn (the protocol's own question no longer hides
      // what is asked beside it), and two questions at once are flagged at any age.
      for (const age of [4, 9]) {
        const c = code(text, language, [language === 'en' ? 'he hit me' : 'me pegó'], age);
        expect(c.subtype).toBe('time-or-count');
        expect(c.recommended).toBe(false);
      }
    },
  );

  it.each([
    ['en', 'Where were you?', ['he hit me']],
    ['en', 'Tell me what happened and who was there.', ['he hit me']],
    ['es', '¿Dónde estabas?', ['me pegó']],
    ['es', 'Cuéntame qué pasó.', ['me pegó']],
  ] as const)(
    '%s one question or one invitation is not compound: "%s"',
    (language, text, child) => {
      const c = code(text, language, [...child], 9);
      expect(c.recommended).toBe(true);
      expect(c.reason).not.toMatch(/one question at a time|una pregunta a la vez/);
    },
  );
});

describe('"how many times" as an approximation to a young child (NICHD: one time or more)', () => {
  it.each([
    ['en', 'Around how many times did it happen?', ['he hit me']],
    ['es', '¿Como cuántas veces pasó?', ['me pegó']],
    ['es', '¿Más o menos cuántas veces te pegó?', ['me pegó']],
  ] as const)(
    '%s "%s": a count question, flagged at 4, acceptable at 9',
    (language, text, child) => {
      const young = code(text, language, [...child], 4);
      expect(young.subtype).toBe('time-or-count');
      expect(young.verdict).toBe('ask-differently');
      expect(young.suggestion).toMatch(/one time or more than one time|una vez o más de una vez/);
      expect(code(text, language, [...child], 9).verdict).toBe('acceptable');
    },
  );
});

describe('"Tell me more about it/that": a pronoun is not the child\'s words', () => {
  it.each([
    ['en', 'Tell me more about it.', ['he hit me']],
    ['en', 'Tell me more about that.', ['I like my dog']],
    ['es', 'Cuéntame más sobre eso.', ['pasó en la casa de mi abuelita']],
    ['es', 'Cuéntame todo sobre eso.', ['me gusta mi perro']],
  ] as const)('%s "%s" is an invitation, not a cued one', (language, text, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('invitation');
    expect(c.reason).not.toMatch(/child's words|palabras del niño/);
  });

  it.each([
    ['en', 'Tell me more about the hitting.', ['he hit me']],
    ['es', 'Cuéntame más sobre la casa de tu abuelita.', ['pasó en la casa de mi abuelita']],
  ] as const)('%s a real child word still cues: "%s"', (language, text, child) => {
    expect(code(text, language, [...child]).type).toBe('cued-invitation');
  });
});

describe('Spanish secrecy instructions: every wording coded alike (Garven et al. 1998)', () => {
  const unsaid = ['me pegó'];
  it.each([
    '¿Te dijo que no le contaras a nadie?',
    '¿Te dijo que no le platicaras a nadie?',
    '¿Te dijo "no le platiques"?',
    '¿Te dijo "no le cuentes a nadie"?',
    '¿Te dijo que no dijeras?',
  ])('"%s" introduces the instruction the child has not reported', (text) => {
    // coach28: option-posing/new-detail; coach41 (issue #16 item 2, the lead's scheme): with child words on record, an abuse-relevant unsaid detail in a closed question is suggestive/new-detail (Lamb et al. 2007); coach41-kinds.test.ts pins the split.
    const c = code(text, 'es', unsaid);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('new-detail');
    expect(c.verdict).toBe('avoid');
  });

  it.each([
    ['¿Qué te dijo de no platicarle a nadie?', ['me dijo que no dijera']],
    ['¿Qué te dijo de no contarle a nadie?', ['me dijo no le platiques a nadie']],
    ['¿Qué te dijo de no decirle a nadie?', ['me dijo que no le platicara a nadie']],
  ])('"%s" after the child reported it in other words is a directive', (text, child) => {
    expect(code(text, 'es', child).type).toBe('directive');
  });

  it('the English wordings stay consistent with each other', () => {
    expect(code('Did he tell you not to tell anyone?', 'en', ['he hit me']).subtype).toBe(
      'new-detail',
    );
    expect(code('Did he say "don\'t tell anybody"?', 'en', ['he hit me']).subtype).toBe(
      'new-detail',
    );
    expect(
      code('What did he say about not telling anyone?', 'en', ["he said don't tell"]).type,
    ).toBe('directive');
  });
});

describe('training child: the "-mente"/"-ly" adverb rule never takes a name', () => {
  // Names and nouns found by running the rule over first names and places (session 17).
  it.each(['clemente', 'vehemente', 'demente'])('es "%s" is not an adverb', (w) => {
    expect(isClosedClass(w, 'es')).toBe(false);
  });
  it.each(['billy', 'kimberly', 'beverly', 'sicily', 'assembly', 'polly'])(
    'en "%s" is not an adverb',
    (w) => {
      expect(isClosedClass(w, 'en')).toBe(false);
    },
  );
  it('real adverbs stay closed class', () => {
    expect(isClosedClass('seguramente', 'es')).toBe(true);
    expect(isClosedClass('basically', 'en')).toBe(true);
  });
  it('a capitalised word inside a sentence is a name, a detail the child can take up', () => {
    expect(detailWordsOf('¿Qué pasó cuando Clemente te llevó?', 'es').has('clemente')).toBe(true);
    expect(detailWordsOf('Did Kimberly go with you?', 'en').has('kimberly')).toBe(true);
    // At the start of a sentence the capital says nothing: the adverb stays an adverb.
    expect(detailWordsOf('Seguramente te llevó.', 'es').has('seguramente')).toBe(false);
    expect(detailWordsOf('Basically, did he go?', 'en').has('basically')).toBe(false);
  });
});
