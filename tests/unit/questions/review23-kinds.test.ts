// review23 (fix23a): kinds of fault an outside practitioner / es-419 reviewer found in the
// coach35 question-coach changes. Each kind is tested in English and Latin American Spanish
// where it applies, with the child's words as context. A question is suggestive when it assumes
// what the child has not said (Lamb et al. 2007); techniques that are not questions follow
// Garven et al. 1998 and Leichtman & Ceci 1995; the open prompts follow Lamb et al. 2007,
// appendix, and the revised NICHD protocol (2014).
import { classifyQuestion, type ClassifyContext, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords?: string[], extra: ClassifyContext = {}) =>
  classifyQuestion(text, lang, childWords ? { childWords, ...extra } : extra);

describe('1. everyday words for the bottom (cola, colita, trasero) clear no other word', () => {
  it.each<[string, string]>([
    ['Jugamos en el patio trasero.', '¿Con qué te tocó las nalgas?'],
    ['Me hicieron una colita.', '¿Con qué te tocó las pompis?'],
    ['Mi perro mueve la cola.', '¿Con qué te tocó las nalgas?'],
    ['Mi perro mueve la cola.', '¿Con qué te tocó la colita?'],
    ['Me hicieron una colita.', '¿Con qué te tocó el trasero?'],
    ['Nos sentamos en el asiento trasero.', '¿Con qué te tocó la cola?'],
  ])('es: after «%s», %s is suggestive', (said, q) => {
    const c = code('es', q, [said]);
    expect(c.type).toBe('suggestive');
    expect(c.verdict).toBe('avoid');
  });

  it.each<[string, string, string]>([
    ['Me tocó las nalgas.', '¿Con qué te tocó la cola?', 'directive'],
    ['Me tocó las pompis.', '¿Con qué te tocó el trasero?', 'directive'],
    ['Me tocó la colita.', '¿Con qué te tocó la colita?', 'directive'],
  ])('es: the others still clear them: after «%s», %s is %s', (said, q, t) => {
    expect(code('es', q, [said]).type).toBe(t);
  });

  it('en: "bottom" stays one-way (the bottom of the stairs clears nothing)', () => {
    expect(
      code('en', 'What did he touch your butt with?', ['We sat at the bottom of the slide.']).type,
    ).toBe('suggestive');
  });
});

describe('2. an introduction exempts only a generic tail', () => {
  it.each<[Language, string]>([
    ['en', 'Hi, my name is Dana and my job is to talk with kids about touching.'],
    ['en', 'Hi, my name is Dana and my job is to talk with kids whose uncle hurt them.'],
    ['es', 'Me llamo Dana y mi trabajo es platicar con niños a los que su tío tocó.'],
    ['es', 'Hola, me llamo Dana y mi trabajo es platicar con niños a los que tocaron.'],
    // Only an occupation from the list is exempt after "and I'm": a free tail is checked.
    ['en', "Hi, my name is Dana and I'm sorry he touched you."],
    ['en', "Hi, my name is Dana and I'm a police officer who knows what your uncle did."],
  ])('%s: the tail is checked: %s', (lang, text) => {
    const c = code(lang, text, [lang === 'en' ? 'Hi.' : 'Hola.']);
    expect(c.type).toBe('suggestive');
    expect(c.verdict).toBe('avoid');
  });

  it.each<[Language, string]>([
    ['en', 'Hi, my name is Dana and my job is to talk with kids about things that happen to them.'],
    ['en', 'My name is Ana and my job is to talk to kids.'],
    ['es', 'Hola, me llamo Dana y mi trabajo es platicar con niños sobre cosas que les pasan.'],
    ['es', 'Hola, me llamo Dana y mi trabajo es platicar con niños.'],
    [
      'es',
      'Mi nombre es Claudia, soy entrevistadora, y parte de mi trabajo consiste en preguntarle a los niños acerca de cosas que les han sucedido.',
    ],
    // The interviewer's occupation after the name (lead, session 23: fix23a's rule flagged these).
    [
      'en',
      "Hi, my name is Dana and I'm a police officer. My job is to talk with kids about things that happen to them.",
    ],
    ['en', "Hi, my name is Dana and I'm a social worker."],
    [
      'es',
      'Hola, me llamo Dana y soy trabajadora social. Mi trabajo es platicar con niños sobre cosas que les pasan.',
    ],
    ['es', 'Hola, me llamo Dana y soy oficial de policía.'],
  ])('%s: the NICHD-style introduction stays other: %s', (lang, text) => {
    const c = code(lang, text, [lang === 'en' ? 'Hi.' : 'Hola.']);
    expect(c.type).toBe('other');
    expect(c.recommended).toBe(true);
  });
});

describe('3. uncertainty or a made meal is no report of an act', () => {
  it.each<[Language, string, string]>([
    ['en', "I don't know if he did something to me.", 'What did he do to you?'],
    ['en', "I'm not sure if he did something to me.", 'What did he do to you?'],
    ['en', 'Maybe he did something to me.', 'What did he do to you?'],
    ['es', 'No sé si me hizo algo.', '¿Qué te hizo?'],
    ['es', 'No me acuerdo si me hizo algo.', '¿Qué te hizo?'],
    ['es', 'A lo mejor me hizo algo.', '¿Qué te hizo?'],
    ['es', 'Mi abuelita me hizo algo de comer.', '¿Qué te hizo tu abuelita?'],
  ])('%s: after "%s", %s stays suggestive', (lang, said, q) => {
    const c = code(lang, q, [said]);
    expect(c.type).toBe('suggestive');
    expect(c.verdict).toBe('avoid');
  });

  it.each<[Language, string, string]>([
    ['en', 'He did something to me.', 'What did he do to you?'],
    ['es', 'Me hizo algo.', '¿Qué te hizo?'],
  ])('%s: the plain report "%s" still makes %s a directive', (lang, said, q) => {
    expect(code(lang, q, [said]).type).not.toBe('suggestive');
  });
});

it('3. es: a denial («No me hizo nada») is no report either', () => {
  expect(code('es', '¿Qué te hizo?', ['No me hizo nada.']).type).toBe('suggestive');
});

describe('4. an act done to the child inside interview talk is no interview talk', () => {
  it.each<[Language, string]>([
    ['es', 'Estoy aquí porque alguien te hizo algo.'],
    ['es', 'Voy a preguntarte sobre lo que te hacía tu tío.'],
    ['es', 'Estoy aquí porque el te tocó.'],
    ['es', 'Estoy aquí porque él te tocó.'],
    ['en', "I'm here because someone did something to you."],
    ['en', 'I am going to ask you about what your uncle was doing to you.'],
    ['en', "I'm here because he touched you."],
  ])('%s: %s is suggestive', (lang, text) => {
    const c = code(lang, text, [lang === 'en' ? 'Hi.' : 'Hola.']);
    expect(c.type).toBe('suggestive');
    expect(c.verdict).toBe('avoid');
  });

  it.each<[Language, string]>([
    ['es', 'Estoy aquí para platicar contigo.'],
    ['en', "I'm here to talk with you."],
  ])('%s: plain interview talk stays other: %s', (lang, text) => {
    expect(code(lang, text, [lang === 'en' ? 'Hi.' : 'Hola.']).type).toBe('other');
  });
});

it('4. es: «Yo creo que él te hizo algo malo» is a leading declarative', () => {
  expect(code('es', 'Yo creo que él te hizo algo malo.', []).type).toBe('suggestive');
});

describe('5-7. techniques that are not questions', () => {
  it.each<[Language, string, string]>([
    ['es', 'Muchos niños pasan por esto.', 'reassurance'],
    ['es', 'Esto le ha pasado a muchos niños.', 'reassurance'],
    ['es', 'No eres la única a la que le pasa esto.', 'reassurance'],
    ['en', "You're not the only one this happened to.", 'reassurance'],
    ['en', 'Many kids go through this.', 'reassurance'],
    ['en', 'This has happened to lots of kids.', 'reassurance'],
    ['es', 'Ya tuvo problemas con la policía.', 'stereotype'],
    ['en', "He's gotten in trouble before.", 'stereotype'],
    ['en', "They've been in trouble.", 'stereotype'],
    ['es', 'Puedes acordarte mejor.', 'confrontation'],
    ['es', 'Puedes contarme mejor que eso.', 'confrontation'],
  ])('%s: "%s" is suggestive/%s', (lang, text, subtype) => {
    const c = code(lang, text, [lang === 'en' ? "I don't know." : 'No sé.']);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe(subtype);
    expect(c.verdict).toBe('avoid');
  });

  it.each<[Language, string]>([
    ['es', 'Si quieres, puedes contarme mejor de tu escuela.'],
    ['es', 'No eres la única que tiene un perro.'],
  ])('%s: "%s" is no pressure or normalising', (lang, text) => {
    expect(code(lang, text, ['Me gusta la escuela.']).type).not.toBe('suggestive');
  });
});

describe('8. a segment is an invitation only when both bounds are the child’s own routine', () => {
  it.each<[Language, string]>([
    ['en', 'Tell me everything that happened from the time he came home until you went to bed.'],
    ['en', 'Tell me everything that happened from when you woke up until he went to bed.'],
    ['es', 'Cuéntame todo lo que pasó desde que él llegó a la casa hasta que te dormiste.'],
  ])('%s: a bound from the event keeps it cued: %s', (lang, text) => {
    expect(code(lang, text).type).toBe('cued-invitation');
  });

  it.each<[Language, string]>([
    [
      'en',
      'Tell me everything you did yesterday, from the time you woke up until you went to bed.',
    ],
    ['es', 'Cuéntame todo lo que hiciste ayer, desde que te despertaste hasta que te dormiste.'],
  ])('%s: the routine bounds stay an invitation: %s', (lang, text) => {
    expect(code(lang, text).type).toBe('invitation');
  });
});

it('4. es: the cue of interview talk is the act clause, not the frame’s first word', () => {
  const c = code('es', 'Estoy aquí porque él te dijo algo.', ['Hola.']);
  expect(c.type).toBe('suggestive');
  expect(c.cue).toMatch(/te dijo/);
});
