// coach28 (issue #16): coverage gaps a blind set found, each in English and Spanish.
import {
  classifyQuestion,
  presentTalkOf,
  type Language,
  type QuestionType,
} from '../../../src/questions';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);
const top = (t: QuestionType): QuestionType => (t === 'cued-invitation' ? 'invitation' : t);

describe("the child's words under Spanish diminutives and -amos forms, English -er forms", () => {
  it.each<[string, Language, string[]]>([
    // Diminutive and base form count as one word, either way round (Hearth's rule).
    ['Cuéntame más sobre el perro.', 'es', ['el perrito me mordió']],
    ['Cuéntame más sobre el perrito.', 'es', ['el perro me mordió']],
    ['Cuéntame más de la camita.', 'es', ['me acosté en la cama']],
    // -amos: "jugamos" is the child's "jugar", and back.
    ['Cuéntame más de cuando jugaron.', 'es', ['jugamos a las escondidas']],
    ['Cuéntame más de cuando jugamos.', 'es', ['íbamos a jugar a las escondidas']],
    ['Cuéntame más de cuando hablaron.', 'es', ['hablamos en el carro']],
    // English verb forms and agent nouns of the child's word.
    ['Tell me more about the yelling.', 'en', ['he yelled at me']],
    ['Tell me more about the yeller.', 'en', ['he yells a lot']],
    ['Tell me more about when he yelled.', 'en', ['he was a yeller']],
    ['Tell me more about the hitting.', 'en', ['he hit me']],
  ])('%s (%s) reuses the child’s word: a cued invitation', (text, language, child) => {
    expect(code(text, language, child)).toMatchObject({
      type: 'cued-invitation',
      recommended: true,
    });
  });

  it.each<[string, Language, string[]]>([
    ['¿Te tocó con el dedo?', 'es', ['me tocó con su dedito']],
    ['¿Te tocó con el dedito?', 'es', ['me tocó con su dedo']],
    ['¿Fue en la camita?', 'es', ['fue en la cama']],
    ['¿Fue en la cama?', 'es', ['fue en la camita']],
  ])('%s (%s) asks about the child’s own detail: no new detail', (text, language, child) => {
    const c = code(text, language, child);
    expect(c.type).toBe('option-posing');
    expect(c.subtype).not.toBe('new-detail');
  });

  it('a root ending in -er keeps one stem in every form ("remember" / "remembered")', () => {
    expect(code('Tell me more about when you remembered.', 'en', ['he hit me']).type).toBe(
      'invitation',
    );
    // The unsaid act is still found beside the frame verb.
    expect(code('Tell me more about when he kissed you.', 'en', ['he hit me']).type).toBe(
      'suggestive',
    );
  });
});

describe('facilitators', () => {
  it.each<[string, Language]>([
    ['uhum', 'en'],
    ['Uhum.', 'es'],
    ['ujum', 'es'],
    ['mhm', 'en'],
    ['Mhm.', 'es'],
  ])('%s (%s) is a facilitator', (text, language) => {
    expect(code(text, language, [])).toMatchObject({ type: 'facilitator', recommended: true });
  });

  it.each<[string, Language]>([
    ['And then?', 'en'],
    ['¿Y luego?', 'es'],
    ['¿Y después?', 'es'],
    ['¿Y entonces?', 'es'],
    ['¿Y luego qué pasó?', 'es'],
    // N17-5: es-419 colloquial "¿Y luego qué onda?" asks what happened next, not yes/no.
    ['¿Y luego qué onda?', 'es'],
  ])('%s (%s) invites the child to go on', (text, language) => {
    const c = code(text, language, ['vino a mi casa']);
    expect(['invitation', 'facilitator']).toContain(top(c.type));
    expect(c.recommended).toBe(true);
  });
});

describe('support for the child now: no warning (present-talk.ts)', () => {
  it.each<[string, Language]>([
    ['Te noto triste.', 'es'],
    ['Te noto nerviosa.', 'es'],
    ['Te noto nervioso.', 'es'],
    ['Debe ser difícil.', 'es'],
    ['Eso debe ser difícil.', 'es'],
    ['That sounds hard.', 'en'],
    ['I notice you are nervous.', 'en'],
  ])('%s (%s) is support', (text, language) => {
    const c = code(text, language, []);
    expect(c.recommended).toBe(true);
    expect(c.verdict).toBe('recommended');
    expect(presentTalkOf(text, language, { childWords: [] })).toBe('support');
  });

  it('a feeling about the event is still put to the child', () => {
    expect(code('I bet you were scared when he grabbed you.', 'en', []).type).toBe('suggestive');
    expect(code('Te noto triste porque él te pegó.', 'es', []).recommended).toBe(false);
  });
});

describe('the NICHD 2014 transition "tell me why you came to talk to me (today)"', () => {
  it.each<[string, Language]>([
    ['Tell me why you came to talk to me today.', 'en'],
    ['Tell me why you came to talk to me.', 'en'],
    ['Cuéntame por qué has venido a hablar conmigo hoy.', 'es'],
    ['Cuéntame por qué has venido a hablar conmigo.', 'es'],
    ['Cuéntame por qué viniste a hablar conmigo hoy.', 'es'],
    ['Cuéntame por qué viniste a hablar conmigo.', 'es'],
    ['Cuéntame por qué vino a hablar conmigo hoy.', 'es'],
  ])('%s (%s) is an invitation', (text, language) => {
    const c = code(text, language, []);
    expect(top(c.type)).toBe('invitation');
    expect(c.recommended).toBe(true);
  });

  it('"por qué vino él" asks why someone else came: still a why-question', () => {
    expect(code('Cuéntame por qué vino él.', 'es', []).type).toBe('directive');
  });
});

describe('N17-3: "Tell me everything that happened." after rapport with no disclosure', () => {
  it.each<[string, Language, string[]]>([
    ['Tell me everything that happened.', 'en', ['hi', 'I like soccer', "I'm eight"]],
    ['Tell me everything that happened.', 'en', []],
    ['Cuéntame todo lo que pasó.', 'es', ['hola', 'me gusta el fútbol']],
    ['Cuéntame todo lo que pasó.', 'es', []],
  ])('%s (%s) is an invitation: "what happened" assumes no event word', (text, language, child) => {
    const c = code(text, language, child);
    expect(c.type).toBe('invitation');
    expect(c.recommended).toBe(true);
  });
});

describe("interviewer words are never a child's detail (lexicon interviewerWords)", () => {
  it.each<[string, Language, string[]]>([
    ['Tell me more about talking to your mom.', 'en', ['my mom is nice']],
    ['Tell me more about when you remembered.', 'en', ['he hit me']],
    ['What happened when you talked to him?', 'en', ['he hit me']],
    ['Cuéntame más de cuando te acordaste.', 'es', ['me pegó']],
    ['Cuéntame más de cuando hablaste con tu mamá.', 'es', ['mi mamá es buena']],
    ['¿Qué pasó cuando le contaste?', 'es', ['me pegó']],
  ])('%s (%s) is not flagged', (text, language, child) => {
    const c = code(text, language, child);
    expect(c.type).not.toBe('suggestive');
    expect(c.subtype).not.toBe('new-detail');
  });

  it.each<[string, Language, string[]]>([
    ['Did you tell anyone?', 'en', ['he hit me']],
    // coach30 (P19-2): 'night' is now a listed time detail, so the frame word is shown alone.
    ['Did it happen after that?', 'en', ['he hit me']],
    ['¿Le contaste a alguien?', 'es', ['me pegó']],
    ['¿Te acuerdas de lo que pasó?', 'es', ['me pegó']],
  ])('%s (%s) is no new detail', (text, language, child) => {
    expect(code(text, language, child).subtype).not.toBe('new-detail');
  });
});
