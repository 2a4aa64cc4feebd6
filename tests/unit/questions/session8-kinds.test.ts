// Session 8 (issue #16): kinds of error seen on the dev half of heldout6 (the test half stays
// sealed), each fixed from its source and tested here with our own sentences and child words,
// never the dev lines. Sources: Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007 (Child Abuse
// Negl 31:1201-1231: utterance types; a restatement of the child's words is a facilitator; a prompt
// that assumes undisclosed information is suggestive); Garven, Wood, Malpass & Shaw 1998 (J Appl
// Psychol 83:347-359: other people, negative consequences, pressure); RAE/ASALE, Ortografía 2010,
// 3.4.1.2 (the opening "¿" marks where a question begins); Henderson, Russo & Lyon 2020 (faux
// invitations); NICHD ground rules (truth/lie practice items are not substantive questions).
import { classifyQuestion } from '../../../src/questions';
import { expectTypes } from './expect-types';

describe('es: a preface before "¿" does not change the form of the question after it', () => {
  expectTypes([
    ['Y luego, ¿qué pasó?', 'es', ['llegamos a la casa'], 'invitation'],
    ['Ajá, entonces ¿qué pasó después?', 'es', undefined, 'invitation'],
    [
      'Cuando llegaste a la casa, ¿dónde estaba tu hermano?',
      'es',
      ['llegué a la casa con mi hermano'],
      'directive',
    ],
    ['Ok, entonces, ¿él te pegó?', 'es', ['estábamos jugando'], 'suggestive'],
    // An assent tag after an instruction, with or without a comma, is still not a question.
    ['Te voy a hacer unas preguntas ¿está bien?', 'es', undefined, 'other'],
  ]);
  it('a question quoted inside guidance is not taken as the question asked', () => {
    const c = classifyQuestion(
      'Primero una pregunta corta (“¿Quién estaba ahí?”) y luego una invitación.',
      'es',
    );
    expect(c.type).not.toBe('directive');
  });
});

describe('a title before a name ("Mrs.", "Dr.", "Sra.") does not end the sentence', () => {
  expectTypes([
    ['Where was Mrs. Lopez sitting?', 'en', ['Mrs. Lopez was in the room'], 'directive'],
    ['What did Dr. Kim say to you?', 'en', ['Dr. Kim talked to me'], 'directive'],
    ['¿Dónde estaba la Sra. Pérez?', 'es', ['la Sra. Pérez me ayudó'], 'directive'],
  ]);
});

describe('pointers and quantity words are not details the child must have said', () => {
  expectTypes([
    ['How many messages did he send?', 'en', ['he sent me messages'], 'directive'],
    [
      'Dijiste que te mandaba fotos. Cuéntame más de esas fotos.',
      'es',
      ['me mandaba fotos'],
      'cued-invitation',
    ],
    ['¿Cuántos mensajes te mandó?', 'es', ['me mandó mensajes'], 'directive'],
  ]);
  it('an unsaid detail after a demonstrative is still checked', () => {
    expect(
      classifyQuestion('Cuéntame más de esas fotos.', 'es', { childWords: ['me mandaba mensajes'] })
        .type,
    ).toBe('suggestive');
  });
});

describe('es: asking what a named person had on is a wh- directive', () => {
  expectTypes([
    ['¿Qué tenía puesto ella?', 'es', ['ella abrió la puerta'], 'directive'],
    ['¿Qué llevaba puesto tu vecino?', 'es', ['mi vecino me llamó'], 'directive'],
  ]);
});

describe('es: a reported command said back changes person only (no contaras = no contara)', () => {
  expectTypes([
    [
      'Cuéntame más de cuando te dijo que no contaras nada.',
      'es',
      ['me dijo que no contara nada'],
      'cued-invitation',
    ],
  ]);
  it('the secrecy instruction the child never reported is still presumed', () => {
    expect(
      classifyQuestion('¿Qué pasó cuando te dijo que no contaras nada?', 'es', {
        childWords: ['fuimos al parque'],
      }).type,
    ).toBe('suggestive');
  });
});

describe('an invitation after a time word ("hoy", "ahorita", "this time") is an invitation', () => {
  expectTypes([
    ['Ahorita platícame todo lo que pasó.', 'es', undefined, 'invitation'],
    ['Otra vez bienvenida. Hoy dime todo lo que te acuerdes.', 'es', undefined, 'invitation'],
    ['This time tell me everything from the start.', 'en', undefined, 'invitation'],
  ]);
});

describe('es: interest tokens and code-switched backchannels are facilitators', () => {
  expectTypes([
    ['¿No me digas?', 'es', ['mi gato se llama Pelusa'], 'facilitator'],
    ['¿De veras?', 'es', undefined, 'facilitator'],
    ['Mm-hmm.', 'es', ['y luego se fue'], 'facilitator'],
    ['Uh huh.', 'es', ['I mean, se fue'], 'facilitator'],
    ['Okay, se fue en el carro.', 'es', ['se fue en el carro'], 'facilitator'],
  ]);
});

describe('es: the verb forms of a presuming label are labels', () => {
  expectTypes([
    ['¿Cuándo te abusaba?', 'es', ['vivo con él'], 'suggestive'],
    ['¿Dónde te manoseaba?', 'es', ['vivo con él'], 'suggestive'],
    ['¿Cuántas veces intentó violarte?', 'es', undefined, 'suggestive'],
  ]);
});

describe("the interviewer's own procedure and truth/lie practice items are not coded as questions", () => {
  expectTypes([
    ['Is it all right if I step out for a minute?', 'en', ['he hurt me'], 'other'],
    ['Is it okay if I look at my notes?', 'en', undefined, 'other'],
    ['¿Está bien si reviso mis notas?', 'es', undefined, 'other'],
    ['Is what I said true or a lie: I am wearing a hat?', 'en', undefined, 'other'],
    ['¿Lo que te acabo de decir es verdad o mentira?', 'es', undefined, 'other'],
  ]);
  it('a permission question that names an unsaid act is still flagged', () => {
    const c = classifyQuestion('Is it okay if I ask about when he touched you?', 'en', {
      childWords: ['we went to the store'],
    });
    expect(c.recommended).toBe(false);
  });
  it('"is that true or not" about what the child said is not a practice item', () => {
    expect(
      classifyQuestion('Is that true or not true?', 'en', { childWords: ['he hit me'] }).type,
    ).not.toBe('other');
  });
});

describe('"Tell me if X or Y" offers options as a choice question does', () => {
  expectTypes([
    [
      'Tell me if it was inside or outside the car.',
      'en',
      ['it happened in the car'],
      'option-posing',
    ],
    ['Dime si fue adentro o afuera del carro.', 'es', ['pasó en el carro'], 'option-posing'],
  ]);
});

describe('pressure, other people and negative consequences (Garven et al. 1998)', () => {
  expectTypes([
    ["You'd better not pretend you forgot.", 'en', undefined, 'suggestive'],
    ['Stop playing dumb with me.', 'en', undefined, 'suggestive'],
    ['Más te vale no mentir.', 'es', undefined, 'suggestive'],
    ['No te hagas el tonto.', 'es', undefined, 'suggestive'],
    ['The other children in your class remembered the song.', 'en', undefined, 'suggestive'],
    ['Your cousins were so brave and told us everything.', 'en', undefined, 'suggestive'],
    ['Tus primas fueron valientes y ya nos contaron todo.', 'es', undefined, 'suggestive'],
    ['Los otros niños del salón se acordaron de la canción.', 'es', undefined, 'suggestive'],
    ['You can do a lot better than that.', 'en', ["I don't know"], 'suggestive'],
    ["Don't be such a baby.", 'en', undefined, 'suggestive'],
    ["I think you know more than you're saying.", 'en', undefined, 'suggestive'],
    ['Are you sure? Think about it one more time.', 'en', ['no'], 'suggestive'],
    ['Tú puedes hacerlo mucho mejor.', 'es', ['no sé'], 'suggestive'],
    ['Sabes más de lo que me dices.', 'es', undefined, 'suggestive'],
    ['No seas una miedosa. Eres una bebé.', 'es', undefined, 'suggestive'],
  ]);
});

describe('"make you do" presumes a coerced act until the child has described one', () => {
  expectTypes([
    ['What did she make you do?', 'en', ['we were at her house'], 'suggestive'],
    ['What did she make you do?', 'en', ['she made me take my shirt off'], 'directive'],
  ]);
});

describe('es: a request in the past subjunctive ("me gustaría que me platicaras") is an invitation', () => {
  expectTypes([
    ['Me gustaría que me contaras todo lo que pasó.', 'es', undefined, 'invitation'],
    ['Quisiera que me platicaras más de eso.', 'es', ['me empujó'], 'invitation'],
  ]);
});

describe('"who else did he do it to?" presumes further victims (like "what else did he do")', () => {
  expectTypes([
    ['Who else has he done that to?', 'en', ['he touched me'], 'suggestive'],
    ['¿A quiénes más se lo hizo?', 'es', ['me tocó'], 'suggestive'],
  ]);
});

describe('a threat about telling presumes a secrecy instruction the child has not reported', () => {
  expectTypes([
    ['What did she say could happen if you told?', 'en', ['she yelled at me'], 'suggestive'],
    ['¿Qué te dijo que iba a pasar si le contabas a tu mamá?', 'es', ['me gritó'], 'suggestive'],
    [
      'What did she say would happen if you told?',
      'en',
      ['she said not to tell anybody'],
      'directive',
    ],
  ]);
});

describe('es: "la primera / última vez" at the end of a question presumes several incidents', () => {
  expectTypes([
    ['¿Dónde vivías la última vez?', 'es', ['me pegó'], 'suggestive'],
    ['¿Dónde vivías la última vez?', 'es', ['me pegó muchas veces'], 'directive'],
  ]);
});
