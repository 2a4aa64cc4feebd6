// Session 7 (issue #16): kinds of error seen on heldout5 (which is now seen, not blind), each fixed
// from its source and tested here with our own sentences and child words, never heldout5's lines.
// Sources: Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007 (Child Abuse Negl 31:1201-1231:
// utterance types; a cued invitation reuses the child's words; a prompt that assumes undisclosed
// information is suggestive); Lamb et al. 2018 (Tell Me What Happened, 2nd ed.); Garven, Wood,
// Malpass & Shaw 1998 (stereotype induction); Ministry of Justice 2022 (ABE, interpreters: the
// question is rendered as asked); Hershkowitz et al. 2021 (later sessions do not press).
import { classifyQuestion, type Language, type QuestionType } from '../../../src/questions';

type Case = readonly [string, Language, readonly string[] | undefined, QuestionType];

function expectTypes(cases: readonly Case[]): void {
  it.each(cases)('%s (%s) codes as %s', (text, language, child, type) => {
    const c = classifyQuestion(text, language, child ? { childWords: [...child] } : undefined);
    expect(c.type).toBe(type);
    const risky = type === 'option-posing' || type === 'suggestive';
    if (!risky && type !== 'directive') expect(c.recommended).toBe(true);
    if (type === 'suggestive') expect(c.recommended).toBe(false);
  });
}

describe('interviewer to interpreter, es-419 usted and tú forms: the relayed question is coded', () => {
  expectTypes([
    ['Pregúntale qué más pasó.', 'es', ['me fui a mi cuarto'], 'invitation'],
    ['Pídale que me platique todo lo que se acuerde.', 'es', undefined, 'invitation'],
    ['Dígale que me explique todo desde el principio.', 'es', undefined, 'invitation'],
    ['Pregúntele dónde estaba su mamá.', 'es', ['mi mamá estaba trabajando'], 'directive'],
    ['Pregúntele quién más estaba en la casa.', 'es', ['mi tío estaba en la casa'], 'directive'],
    [
      'Pregúntele si la puerta estaba abierta o cerrada.',
      'es',
      ['él cerró la puerta'],
      'option-posing',
    ],
    // coach28: a relayed yes/no question with a new act, new-detail (decision.ts); suggestive
    // since coach41 (issue #16 item 2, the lead's scheme: an abuse-relevant act).
    ['Pregúntele si su tío le tocó la pierna.', 'es', ['mi tío vive con nosotros'], 'suggestive'],
    ['Dígale que no está en problemas.', 'es', undefined, 'other'],
    ['Dígale que si necesita ir al baño, me avise.', 'es', undefined, 'other'],
  ]);
  it('after "dígale" an unaccented "que" is the complementizer, after "pregúntele" it is "qué"', () => {
    expect(classifyQuestion('Pregúntele que paso despues', 'es').type).toBe('invitation');
    expect(classifyQuestion('Dígale que puede tomar agua.', 'es').type).toBe('other');
  });
});

describe('"you said X" quoting the child back is a cued invitation, not a stereotype', () => {
  expectTypes([
    [
      'Dijiste que ella era mala contigo. Platícame más de eso.',
      'es',
      ['ella era mala conmigo'],
      'cued-invitation',
    ],
    [
      'You said he was mean to you. Tell me more about that.',
      'en',
      ['he was mean to me'],
      'cued-invitation',
    ],
  ]);
  it('the same frame is still a stereotype when the child never said it', () => {
    const c = classifyQuestion('Dijiste que ella era mala contigo. Platícame más de eso.', 'es', {
      childWords: ['fuimos al parque'],
    });
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('stereotype');
  });
});

describe('"justo después" is neutral time wording around the child\'s own act', () => {
  expectTypes([
    [
      'Dijiste que te jaló. ¿Qué pasó justo después de que te jaló?',
      'es',
      ['me jaló del brazo'],
      'cued-invitation',
    ],
    ['¿Qué pasó justo antes de que se fuera?', 'es', ['luego se fue'], 'cued-invitation'],
  ]);
});

describe('a later session: the child said they would tell the rest later (not pressing)', () => {
  expectTypes([
    [
      'Last time you said you wanted to tell me more. Tell me everything you want me to know.',
      'en',
      ["i'll tell you more later"],
      'cued-invitation',
    ],
    [
      'La otra vez me dijiste que querías contarme más. Cuéntame lo que quieras que yo sepa.',
      'es',
      ['otro día te cuento'],
      'cued-invitation',
    ],
  ]);
  it('without the child deferring, "you wanted to tell me" still presumes a held-back disclosure', () => {
    const c = classifyQuestion(
      'La otra vez me dijiste que querías contarme más. Cuéntame lo que quieras que yo sepa.',
      'es',
      { childWords: ['me gusta la escuela'] },
    );
    expect(c.type).toBe('suggestive');
  });
});

describe('which room of the house the child named is a wh- directive; "more about the room" is not', () => {
  expectTypes([
    ['What room was that in?', 'en', ['it happened at his apartment'], 'directive'],
    ['¿En qué habitación pasó?', 'es', ['pasó en el departamento de mi tía'], 'directive'],
    ['Tell me more about the room.', 'en', ['it happened at his house'], 'suggestive'],
    ['¿En qué cuarto pasó?', 'es', ['fuimos al parque'], 'suggestive'],
  ]);
});

describe('es-419 listening sounds and acknowledgements are facilitators; thanks alone is a courtesy', () => {
  expectTypes([
    ['Mjmm.', 'es', undefined, 'facilitator'],
    ['ujum', 'es', undefined, 'facilitator'],
    ['Muchas gracias, eso me ayuda mucho.', 'es', undefined, 'facilitator'],
    ['Thanks, this really helps.', 'en', undefined, 'facilitator'],
    ['Gracias.', 'es', undefined, 'other'],
    ['Thank you.', 'en', undefined, 'other'],
  ]);
});

describe('a turn with several prompts is coded by its riskiest (Lamb et al. 2007 code each question; Hearth keeps the riskiest)', () => {
  expectTypes([
    [
      'Tell me more about that. Did she say anything?',
      'en',
      ['she came to my room'],
      'option-posing',
    ],
    ['Tell me about that. Was it dark?', 'en', undefined, 'option-posing'],
    ['Cuéntame más de eso. ¿Ella te dijo algo?', 'es', ['ella entró a mi cuarto'], 'option-posing'],
    ['Platícame más de eso. ¿Estaba oscuro?', 'es', undefined, 'option-posing'],
  ]);
  it('the scripted line alone is still the cued invitation it is', () => {
    expect(
      classifyQuestion('Tell me more about that.', 'en', { childWords: ['she came to my room'] })
        .recommended,
    ).toBe(true);
  });
});

describe('a yes/no question about a feeling is option-posing in both languages; a statement of it is suggestive', () => {
  expectTypes([
    ['Were you sad?', 'en', ['she yelled at me'], 'option-posing'],
    ['¿Estabas triste?', 'es', ['ella me gritó'], 'option-posing'],
    ['¿Te sentías nerviosa?', 'es', ['me gritó'], 'option-posing'],
    ['You were sad.', 'en', ['she yelled at me'], 'suggestive'],
    ['Estabas triste.', 'es', ['ella me gritó'], 'suggestive'],
    ['Estabas triste, ¿verdad?', 'es', ['ella me gritó'], 'suggestive'],
    ['¿Parece que estabas triste?', 'es', ['ella me gritó'], 'suggestive'],
  ]);
});

describe('unpunctuated speech-recognition text: "you said X" then an invitation', () => {
  expectTypes([
    ['dijiste que se cayó platícame más de eso', 'es', ['se cayó de la bici'], 'cued-invitation'],
    [
      'you said she took your phone tell me more about that',
      'en',
      ['she took my phone'],
      'cued-invitation',
    ],
    ['dijiste que te besó cuéntame más de eso', 'es', ['me empujó'], 'suggestive'],
    ['you said she kissed you tell me more about that', 'en', ['she pushed me'], 'suggestive'],
  ]);
});

describe('interpreter relay: "que le diga" is the child being asked to tell, in either verb ending', () => {
  it('"Pídale que me diga todo" is coded as "Dime todo"', () => {
    expect(classifyQuestion('Pídale que me diga todo lo que pasó.', 'es').type).toBe('invitation');
  });
});
