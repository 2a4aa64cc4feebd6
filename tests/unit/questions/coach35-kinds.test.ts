// coach35 (issue #16): kinds of fault found with the own24 dev probes and with probes written
// here from the sources (never from a blind set or from own24's held-out half). Each kind is
// tested in English and Latin American Spanish, with the child's words as context.
// 1. Context (kind 2): the child's general report of an act ("he did something bad to me") makes
//    "What did he do to you?" the child's topic (Lamb et al. 2007: suggestive = assumes what the
//    child has not disclosed); children's words for one body part are one word (la cola / las
//    pompis); an English particle verb says the same act with its particle moved ("took off my
//    shirt" / "took your shirt off"); "hurt" is still not "touch".
// 2. Techniques that are not questions (kind 3; Garven et al. 1998; Leichtman & Ceci 1995;
//    Korkman et al. 2008): disbelief, pressure («échale ganas», «puedes acordarte mejor»), the
//    suspect's history as stereotype, reassurance that presumes the act.
// 3. Open prompts coded risky or cued (Lamb et al. 2007, appendix; revised NICHD 2014): «el mero
//    principio», the interviewer's self-introduction, the routine-bounded time segment and the
//    rapport topic "things you like / don't like to do" are invitations or "other".
import { classifyQuestion, type ClassifyContext, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords?: string[], extra: ClassifyContext = {}) =>
  classifyQuestion(text, lang, childWords ? { childWords, ...extra } : extra);

describe('1. context: a question is suggestive only relative to what the child has said', () => {
  it.each<[Language, string, string, string]>([
    [
      'en',
      'My uncle did something bad to me.',
      'I like my uncle.',
      'What did your uncle do to you?',
    ],
    ['en', 'He did mean things to me.', 'He is my neighbour.', 'What did he do to you?'],
    ['es', 'Mi tío me hizo cosas feas.', 'Quiero mucho a mi tío.', '¿Qué te hizo tu tío?'],
    ['es', 'Él me hizo algo.', 'Él es mi vecino.', '¿Qué más pasó cuando te hizo eso?'],
  ])('%s: after "%s" a directive, after "%s" suggestive: %s', (lang, said, unsaid, q) => {
    expect(code(lang, q, [said]).type).not.toBe('suggestive');
    expect(code(lang, q, [said]).recommended).toBe(true);
    const flagged = code(lang, q, [unsaid]);
    expect(flagged.type).toBe('suggestive');
    expect(flagged.verdict).toBe('avoid');
  });

  it.each<[string, string, string]>([
    [
      'I like my uncle.',
      'My uncle did bad things to me.',
      'I want to talk to you about what your uncle did to you.',
    ],
    ['Hi.', 'He did something to me.', 'My job is to talk with you about what he did to you.'],
    [
      'I like my coach.',
      'My coach made me do stuff.',
      'We are here to talk about what your coach made you do.',
    ],
  ])(
    'en: an act done to the child in the interviewer\'s frame: after "%s" suggestive, after "%s" not: %s',
    (unsaid, said, q) => {
      expect(code('en', q, [unsaid]).type).toBe('suggestive');
      // Other, or a restatement of the child's words (a facilitator): warning-free either way.
      expect(['other', 'facilitator']).toContain(code('en', q, [said]).type);
      expect(code('en', q, [said]).recommended).toBe(true);
    },
  );

  it.each<[Language, string]>([
    ['en', "He didn't do anything to me."],
    ['en', 'Nobody did anything to me.'],
  ])('%s: a denial ("%s") is no report of an act', (lang, denial) => {
    const q = lang === 'en' ? 'What did he do to you?' : '¿Qué te hizo?';
    expect(code(lang, q, [denial]).type).toBe('suggestive');
  });

  it.each<[Language, string, string, string]>([
    // fix23a: the everyday words (cola, colita, trasero) are cleared by the others, clear none.
    ['es', 'Me tocó las pompis.', '¿Con qué te tocó la colita?', 'directive'],
    ['es', 'Me tocaba las nalgas.', '¿Dónde estabas cuando te tocó la cola?', 'directive'],
    ['es', 'Me agarró las nalgas.', '¿Qué pasó cuando te agarró el trasero?', 'cued-invitation'],
    ['en', 'He touched my butt.', 'What did he touch your bottom with?', 'directive'],
    ['en', 'He grabbed my bum.', 'What happened when he grabbed your butt?', 'cued-invitation'],
  ])('%s: one body part in the child\'s other word ("%s") adds nothing: %s', (lang, said, q, t) => {
    expect(code(lang, q, [said]).type).toBe(t);
  });

  it.each<[Language, string, string]>([
    ['en', 'We were at the bottom of the stairs.', 'What did he touch your butt with?'],
    ['es', 'Me jaló el pelo.', '¿Con qué te tocó la cola?'],
    ['en', 'He hurt my bottom.', 'What did he touch your bottom with?'],
    ['es', 'Me lastimó la cola.', '¿Con qué te tocó la cola?'],
  ])('%s: no body-part word or act word of the child covers it ("%s"): %s', (lang, said, q) => {
    expect(code(lang, q, [said]).type).toBe('suggestive');
  });

  it.each<[string, string, boolean]>([
    ['He took off my shirt.', 'What happened after he took your shirt off?', true],
    ['He pulled down my pants.', 'What happened after he pulled your pants down?', true],
    ['He pulled my pants down.', 'What happened after he pulled down your pants?', true],
    ['He took off my shirt.', 'What happened after he took your pants off?', false],
  ])('en: particle moved: after "%s", "%s" open = %s', (said, q, open) => {
    const c = code('en', q, [said]);
    expect(c.type === 'cued-invitation' || c.type === 'invitation').toBe(open);
    if (!open) expect(c.type).toBe('suggestive');
  });
});

describe('2. suggestive techniques that are not questions', () => {
  it.each<[Language, string, string]>([
    ['en', "I don't believe that.", 'confrontation'],
    ['en', "I don't believe what you said.", 'confrontation'],
    ['es', 'No te creo.', 'confrontation'],
    ['es', 'No me creo eso.', 'confrontation'],
    ['es', 'Échale ganas, piénsale bien.', 'confrontation'],
    ['es', 'Eres una niña muy lista, puedes acordarte mejor.', 'confrontation'],
    ['en', "You're a smart kid, you can remember better than that.", 'pressure'],
    ['en', "He's been in trouble before.", 'stereotype'],
    ['es', 'Ya ha tenido problemas antes.', 'stereotype'],
    ['en', "You didn't do anything wrong, he's the one who did something bad.", 'reassurance'],
    ['es', 'Tú no hiciste nada malo, él es el que hizo algo malo.', 'reassurance'],
    ['en', "It's okay, lots of kids have this happen to them.", 'reassurance'],
    ['es', 'Está bien, a muchos niños les pasa esto.', 'reassurance'],
  ])('%s: "%s" is suggestive/%s', (lang, text, subtype) => {
    const c = code(lang, text, ["I don't know."]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe(subtype);
    expect(c.verdict).toBe('avoid');
  });

  it.each<[Language, string]>([
    ['es', 'Yo te creo.'],
    ['en', 'I believe you.'],
  ])('%s: "%s" keeps its own reason (reassurance), not disbelief', (lang, text) => {
    expect(code(lang, text, ['No sé.']).subtype).toBe('reassurance');
  });

  it.each<[Language, string]>([
    ['es', 'Échale ganas en la escuela.'],
    ['es', 'Échale ganas a la tarea.'],
    ['en', 'Thank you for talking with me today.'],
    ['es', 'Gracias por platicar conmigo hoy.'],
  ])('%s: rapport and thanks stay neutral: %s', (lang, text) => {
    const c = code(lang, text, ['Me gusta la escuela.']);
    expect(c.type).toBe('other');
    expect(c.recommended).toBe(true);
  });
});

describe("3. the protocol's open prompts and introductions", () => {
  it.each<[Language, string[] | undefined, string]>([
    ['es', [], 'Cuéntame lo que pasó desde el mero principio.'],
    ['es', ['Me pegó.'], 'Cuéntame todo desde el mero principio hasta el final.'],
    ['es', undefined, 'Platícame lo que pasó desde el mero principio.'],
  ])('%s: «mero» is an intensifier, not a detail (%j): %s', (lang, child, text) => {
    const c = code(lang, text, child);
    expect(c.type).toBe('invitation');
    expect(c.verdict).toBe('recommended');
  });

  it.each<[Language, string]>([
    ['es', 'Hola, me llamo Dana y mi trabajo es platicar con niños sobre cosas que les pasaron.'],
    ['es', 'Hola, soy Marisol. Mi trabajo es hablar con niños y niñas de cosas que les pasaron.'],
    [
      'es',
      'Me llamo Dana y mi trabajo es platicar con niños sobre cosas que les pasaron. Hoy vamos a platicar.',
    ],
    ['en', "Hi, I'm Dana, and my job is to talk with kids about things that happened to them."],
    ['en', 'My name is Sam. My job is talking to children about things that happened to them.'],
  ])('%s: the self-introduction is other (no claim about this child): %s', (lang, text) => {
    for (const child of [[], ['Hola.']]) {
      const c = code(lang, text, child);
      expect(c.type).toBe('other');
      expect(c.recommended).toBe(true);
    }
  });

  it.each<[Language, string]>([
    ['es', 'Me llamo Dana. Tu tío te pegó.'],
    ['en', 'My name is Dana. Your uncle hurt you.'],
    ['en', 'My name is Dana and my job is to talk to you about what your uncle did to you.'],
  ])('%s: an introduction does not clear a claim about this child: %s', (lang, text) => {
    expect(code(lang, text, ['Hola.']).type).toBe('suggestive');
  });

  it.each<[Language, string]>([
    [
      'en',
      'Tell me everything you did yesterday, from the time you woke up until you went to bed.',
    ],
    ['en', 'Tell me everything that happened today, from when you got up until you came here.'],
    ['es', 'Cuéntame todo lo que hiciste ayer, desde que te despertaste hasta que te dormiste.'],
    ['es', 'Platícame todo lo que hiciste hoy, desde que te levantaste hasta que desayunaste.'],
  ])('%s: a segment bounded by the routine is an invitation: %s', (lang, text) => {
    const c = code(lang, text);
    expect(c.type).toBe('invitation');
    expect(c.verdict).toBe('recommended');
  });

  it.each<[Language, string, string]>([
    [
      'en',
      'Tell me everything that happened from the time he picked you up until you got home.',
      'He picked me up and then we got home.',
    ],
    [
      'es',
      'Cuéntame todo lo que pasó desde que te recogió hasta que llegaste a tu casa.',
      'Me recogió y luego llegué a mi casa.',
    ],
  ])('%s: a segment with a bound from the event stays cued: %s', (lang, text, said) => {
    expect(code(lang, text, [said]).type).toBe('cued-invitation');
    expect(code(lang, text).type).toBe('cued-invitation');
  });

  it.each<[Language, string]>([
    ['en', 'Tell me about the things you like to do.'],
    ['en', "Tell me about the things you don't like to do."],
    ['es', 'Cuéntame de las cosas que te gusta hacer.'],
    ['es', 'Cuéntame de las cosas que no te gusta hacer.'],
  ])('%s: the rapport topic is an invitation, not a cued one: %s', (lang, text) => {
    expect(code(lang, text).type).toBe('invitation');
  });

  it.each<[Language, string]>([
    ['en', 'Tell me more about that, everything you remember.'],
    ['en', 'Tell me more about that, anything else you can recall.'],
    ['es', 'Cuéntame más de eso, todo lo que te acuerdes.'],
  ])('%s: "everything you remember" names nothing the child said: %s', (lang, text) => {
    for (const child of [undefined, [], ['He hit me.']])
      expect(code(lang, text, child).type).toBe('invitation');
  });

  it('en: a filled topic the child may not have said stays a cued form when unchecked', () => {
    expect(code('en', 'Tell me more about the car, everything you remember.').type).toBe(
      'cued-invitation',
    );
    expect(code('en', 'Tell me about the fun game he played with you.').type).toBe(
      'cued-invitation',
    );
  });
});
