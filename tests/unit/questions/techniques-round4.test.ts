// Kinds of fault shown by the third held-out set (issue #16), fixed from the sources, not from its
// lines: every example here is our own wording. Sources: Garven, Wood, Malpass & Shaw 1998 (J Appl
// Psychol 83:347-359: positive/negative consequences, other people, asked-and-answered);
// Leichtman & Ceci 1995 (stereotype induction); Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007
// (Child Abuse Negl 31:1201-1231: utterance typology, restatements are facilitators, presumption
// relative to the child's words); Orbach et al. 2000 (NICHD protocol: transitions, ground rules).
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

describe('pressure by outcome: telling is tied to leaving or finishing (Garven et al. 1998)', () => {
  it.each([
    ['Mientras más pronto me platiques, más pronto terminamos.', 'es'],
    ['Cuanto antes me lo digas, antes nos vamos.', 'es'],
    ['En cuanto acabes, te puedes ir a jugar.', 'es'],
    ['The quicker you tell me, the sooner we are finished.', 'en'],
    ["Once you're done, you can go see your mom.", 'en'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({
      type: 'suggestive',
      subtype: 'pressure',
      recommended: false,
    });
  });

  it('a plan for the end of the interview that does not depend on the child telling is not pressure', () => {
    expect(code('Cuando terminemos, vas a regresar con tu mamá.', 'es').type).toBe('other');
  });
});

describe('disbelief after a denial (Garven et al. 1998)', () => {
  it.each([
    ['Are you really sure nothing happened?', 'en'],
    ['Think harder about it.', 'en'],
    ['¿Seguro que no te pasó nada?', 'es'],
    ['Piénsalo muy bien.', 'es'],
  ] as const)('%s', (text, language) => {
    const c = code(text, language);
    expect(c.type).toBe('suggestive');
    expect(c.recommended).toBe(false);
  });
});

describe('a stereotype stated as a fact about a person (Leichtman & Ceci 1995)', () => {
  it.each([
    ['Tu vecino es un drogadicto que les roba a todos.', 'es'],
    ['Ese señor es una persona que siempre anda enojada.', 'es'],
    ['Your neighbour is a drunk and he gets mean.', 'en'],
    ['He is a guy who always gets into fights.', 'en'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'suggestive', subtype: 'stereotype' });
  });
});

describe("a wh- question's act or object is checked against the child's words", () => {
  it('Spanish cleft "¿Qué fue lo que te …ó?" presumes the act unless the child said it', () => {
    expect(code('¿Qué fue lo que te quitó?', 'es', ['se enojó mucho']).type).toBe('suggestive');
    expect(code('¿Qué fue lo que te quitó?', 'es', ['me quitó algo']).type).toBe('directive');
  });

  it('a phrase is matched as whole words: "took your bike" is not "took you"', () => {
    const child = ['he took my bike and yelled'];
    expect(code('What did he yell when he took your bike?', 'en', child).type).toBe('directive');
    expect(code('What did he yell when he took your bike?', 'en', ['I was sad']).type).toBe(
      'suggestive',
    );
  });

  it('an event in a time clause of an invitation must be the child\'s ("after he …")', () => {
    expect(code('¿Qué hizo después de que apagó la luz?', 'es', ['estábamos cenando']).type).toBe(
      'suggestive',
    );
    expect(
      code('¿Qué hizo después de que apagó la luz?', 'es', ['apagó la luz y se fue']).type,
    ).not.toBe('suggestive');
    expect(
      code('What happened after she locked the car?', 'en', ['we went to the store']).type,
    ).toBe('suggestive');
    expect(code('What happened after she locked the car?', 'en', ['she locked the car']).type).toBe(
      'cued-invitation',
    );
  });
});

describe('"tell me more about X": "more" presupposes that X was already talked about', () => {
  it.each([
    ['Cuéntame más de las cartas.', 'es', ['me dio un regalo']],
    ['Tell me more about the videos.', 'en', ['he gave me a tablet']],
  ] as const)(
    "%s without the topic in the child's words is suggestive",
    (text, language, child) => {
      expect(code(text, language, [...child]).type).toBe('suggestive');
    },
  );

  it.each([
    ['Cuéntame más de las cartas.', 'es', ['me escribía cartas']],
    ['Tell me more about the videos.', 'en', ['he showed me videos']],
  ] as const)("%s with the child's own topic is a cued invitation", (text, language, child) => {
    expect(code(text, language, [...child]).type).toBe('cued-invitation');
  });
});

describe('NICHD invitations in other forms (Orbach et al. 2000; Lamb et al. 2007)', () => {
  it.each([
    ['¿Qué otras cosas pasaron ese día?', 'es'],
    ['What other things happened?', 'en'],
    ['Me contaron que hablaste con tu consejera. Cuéntame de qué hablaron.', 'es'],
    ['Ahora que platicamos un rato, cuéntame a qué vienes hoy.', 'es'],
  ] as const)('%s', (text, language) => {
    expect(['invitation', 'cued-invitation']).toContain(code(text, language).type);
  });
});

describe('"more or less" hedges an estimate; it offers no choice', () => {
  it.each([
    ['¿Qué día era, más o menos?', 'es', 'directive'],
    ['How old is he, more or less?', 'en', 'directive'],
    ['¿Era de día o de noche?', 'es', 'option-posing'],
  ] as const)('%s', (text, language, type) => {
    expect(code(text, language).type).toBe(type);
  });
});

describe('a name question about an everyday role is rapport, not a presumed suspect', () => {
  it.each([
    ['¿Cómo se llama tu mejor amigo?', 'es', ['juego futbol']],
    ['¿Cuál es el nombre de tu directora?', 'es', ['voy en quinto']],
    ['What is your best friend’s name?', 'en', ['I play soccer']],
    ["What's the name of your principal?", 'en', ['I go to Oak Hill']],
  ] as const)('%s', (text, language, child) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'directive',
      recommended: true,
    });
  });

  it('a question that presumes an act by that person is still suggestive', () => {
    expect(code('What did your teacher do to you?', 'en', ['I play soccer']).type).toBe(
      'suggestive',
    );
  });

  it.each([
    ["What's your boyfriend's name?", 'en', ['I stay with Tasha']],
    ['¿Cómo se llama tu padrastro?', 'es', ['vivo con mi mamá']],
  ] as const)('%s: a role not every child has is still assumed', (text, language, child) => {
    expect(code(text, language, [...child]).type).toBe('suggestive');
  });
});

describe("restating the child's words is a facilitator (Lamb et al. 2007)", () => {
  it.each([
    ['¿Te mordió el brazo?', 'es', ['me mordió el brazo']],
    ['Entonces te mordió el brazo.', 'es', ['me mordió el brazo']],
    ['He kicked your leg?', 'en', ['he kicked my leg']],
    ['So he kicked your leg.', 'en', ['he kicked my leg']],
  ] as const)('%s', (text, language, child) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'facilitator',
      subtype: 'summary',
      recommended: true,
    });
  });

  it.each([
    ['Entonces te mordió el brazo con fuerza.', 'es', ['me mordió el brazo']],
    ['So he kicked your leg with his boot.', 'en', ['he kicked my leg']],
  ] as const)('%s adds a detail and stays suggestive', (text, language, child) => {
    expect(code(text, language, [...child]).type).toBe('suggestive');
  });

  it('a yes/no question about a different detail is not an echo', () => {
    expect(code('¿Te mordió la pierna?', 'es', ['me mordió el brazo']).type).not.toBe(
      'facilitator',
    );
    expect(code('Did he kick your arm?', 'en', ['he kicked my leg']).type).not.toBe('facilitator');
  });
});

describe('ground rules: practice items about the interviewer and the truth instruction', () => {
  it.each([
    ['¿Cómo se llama mi gato?', 'es'],
    ["What's my cat's name?", 'en'],
    ['Debes decirme solo cosas que de verdad te hayan pasado.', 'es'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'other', recommended: true });
  });

  // The true/not-true practice is the protocol's own option-posing (issue #16 item 5, coach36):
  // no warning, but no longer "other".
  it("the true/not-true practice is the protocol's option-posing, without a warning", () => {
    expect(
      code('Por ejemplo, si te digo que estoy parado, ¿es verdad o mentira?', 'es'),
    ).toMatchObject({ type: 'option-posing', subtype: 'protocol', recommended: true });
  });

  it('"you have to tell me everything" is still pressure', () => {
    expect(code('Tienes que contarme todo.', 'es').subtype).toBe('pressure');
  });
});

describe('NICHD transitions, also in statement form (Orbach et al. 2000)', () => {
  it.each([
    ["Now that I've gotten to know you, tell me what you're here to talk about today.", 'en'],
    ["It's really important for me to know why you came here.", 'en'],
    ['Es muy importante para mí saber por qué viniste.', 'es'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'invitation', recommended: true });
  });

  it('"think back / think hard and tell me" stays a mental-context invitation', () => {
    expect(code('Think hard and tell me everything about that morning.', 'en').type).toBe(
      'invitation',
    );
    expect(code('Piensa bien en esa mañana y cuéntame todo.', 'es').type).toBe('invitation');
  });
});

describe('es-419 acknowledgements are facilitators', () => {
  it.each(['Ah, mira.', 'Mira nomás.', 'Ahh.'])('%s', (text) => {
    expect(code(text, 'es').type).toBe('facilitator');
  });

  it('"mira" as an instruction is not one', () => {
    expect(code('Mira esta hoja.', 'es').type).not.toBe('facilitator');
  });

  it('"ah," before a follow-up does not change the follow-up', () => {
    expect(code('Ah, ¿y luego?', 'es').type).toBe('invitation');
  });
});

describe('"tell me if …" is checked as the yes/no question it wraps (Henderson et al.)', () => {
  it.each([
    ['Dime si tu primo estaba en el carro.', 'es', ['fuimos a la tienda']],
    ['Tell me if your cousin was in the car.', 'en', ['we went to the store']],
  ] as const)(
    '%s puts a person the child never named: a new detail (review 6, C6; suggestive since coach41)',
    (text, language, child) => {
      // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): a person is abuse-relevant.
      expect(code(text, language, [...child])).toMatchObject({
        type: 'suggestive',
        subtype: 'new-detail',
        recommended: false,
        verdict: 'avoid',
      });
    },
  );

  it.each([
    ['Dime si tu primo estaba en el carro.', 'es', ['fuimos a la tienda con mi primo en el carro']],
    ['Tell me if your cousin was in the car.', 'en', ['my cousin and me went in the car']],
  ] as const)(
    '%s about people the child named stays a faux invitation',
    (text, language, child) => {
      expect(code(text, language, [...child])).toMatchObject({
        type: 'option-posing',
        subtype: 'faux-invitation',
      });
    },
  );

  it('an act the child has not described is still a new detail (suggestive since coach41)', () => {
    expect(code('Dime si te tocó la pierna.', 'es', ['me gritó'])).toMatchObject({
      type: 'suggestive',
      subtype: 'new-detail',
      verdict: 'avoid',
    });
  });
});

describe('saying back words the child doubted or denied is not a restatement', () => {
  it.each([
    ['She kicked you?', 'en', ["I'm not sure she kicked me"]],
    ['¿Te empujó?', 'es', ['no sé si me empujó']],
  ] as const)('%s', (text, language, child) => {
    expect(code(text, language, [...child]).type).not.toBe('facilitator');
  });
});

describe('truth instructions are ground rules; a promised good feeling is pressure', () => {
  it.each([
    ['I need you to talk only about things that really happened.', 'en'],
    ['Te pido que me cuentes solamente lo que de verdad pasó.', 'es'],
    ['Dime nada más la verdad.', 'es'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'other', subtype: 'ground-rule' });
  });

  it('a good feeling promised for telling is a positive consequence (Garven et al. 1998)', () => {
    expect(code("You're going to feel a lot better when you tell me.", 'en').subtype).toBe(
      'pressure',
    );
  });
});

describe('red-team pass: the new rules do not flag ordinary rapport', () => {
  it.each([
    ['Cuando termines de dibujar, puedes enseñarme.', 'es'],
    ["Once you're done drawing, you can have a snack.", 'en'],
  ] as const)('%s: finishing an activity is not telling', (text, language) => {
    expect(code(text, language).subtype).not.toBe('pressure');
  });

  it.each([
    ['Cuéntame más de tu escuela.', 'es', ['voy en tercero']],
    ['Tell me more about school.', 'en', ["I'm in second grade"]],
  ] as const)('%s: school is a rapport topic', (text, language, child) => {
    expect(code(text, language, [...child]).recommended).toBe(true);
  });

  it('a yes/no question about a trait is a question, not a stereotype statement', () => {
    expect(code('¿Él era violento contigo?', 'es', ['mi papá se enoja']).subtype).not.toBe(
      'stereotype',
    );
  });

  it('"más de lo que pasó en <place>" checks the place like any other topic', () => {
    expect(code('Cuéntame más de lo que pasó en la fiesta.', 'es', ['fuimos al parque']).type).toBe(
      'suggestive',
    );
  });
});
