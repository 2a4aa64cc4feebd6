// Practitioner review 6 (issue #16): each finding is a kind, tested with our own sentences in
// English and es-419 and our own child words, plus the reviewer's line as a regression. Sources:
// Loftus & Zanni 1975 (Bull Psychon Soc 5:86-88: a definite article presupposes); Lamb, Orbach,
// Hershkowitz, Esplin & Horowitz 2007 (Child Abuse Negl 31:1201-1231: a prompt that assumes
// undisclosed information is suggestive; restatements are facilitators); Garven, Wood, Malpass &
// Shaw 1998 (speculation, positive consequences, stereotype induction); NICHD revised protocol
// (one time or more than one time first); Hershkowitz et al. 2021 and Blasbalg et al. 2020 (a
// later session does not press for a disclosure); NCAC guidance on exploited youth (the youth's
// own terms, not "client" or "working").
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords });

type Case = readonly [string, Language, readonly string[]];

/**
 * coach28: a yes/no or choice question that introduces a detail the child has not said is
 * new-detail, never recommended, "avoid": option-posing for a neutral detail, suggestive for an
 * abuse-relevant one (a person, act, body part...) since coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007); coach41-kinds.test.ts pins which.
 */
function expectNewDetail(cases: readonly Case[]): void {
  it.each(cases)('%s (%s) is new-detail, avoid', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(['option-posing', 'suggestive']).toContain(c.type);
    expect(c).toMatchObject({
      subtype: 'new-detail',
      recommended: false,
      verdict: 'avoid',
    });
  });
}

function expectFlagged(cases: readonly Case[], subtype?: string): void {
  it.each(cases)('%s (%s) is suggestive', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.recommended).toBe(false);
    if (subtype) expect(c.subtype).toBe(subtype);
  });
}

describe('C1: a person, event or place named with a definite article the child never used', () => {
  expectFlagged(
    [
      ['Tell me about the party.', 'en', ['he gave me rides and bought me stuff']],
      ['What happened at the party?', 'en', ['he gave me rides']],
      ['Tell me about the guy who was there.', 'en', ['we went to the park']],
      ['Tell me about the barbecue.', 'en', ['he picked me up from school']],
      ['What happened at the sleepover?', 'en', ['we watched a movie']],
      ['Tell me about the guy from the pool.', 'en', ['we went to the pool']],
      ['Tell me everything about the lady next door.', 'en', ['my mom was at work']],
      ['What happened in the truck?', 'en', ['he came to my house']],
      ['Tell me about the boy at school.', 'en', ['i go to school']],
      ['Cuéntame del señor del parque.', 'es', ['fuimos al parque']],
      ['Cuéntame de la señora de la tienda.', 'es', ['fuimos a la tienda']],
      ['Cuéntame de la carne asada.', 'es', ['me recogió de la escuela']],
      ['¿Qué pasó en la pijamada?', 'es', ['vimos una película']],
      ['Cuéntame del muchacho de la alberca.', 'es', ['fuimos a la alberca']],
      ['Platícame de la señora de al lado.', 'es', ['mi mamá estaba trabajando']],
      ['Cuéntame todo sobre el chavo de la tienda.', 'es', ['fuimos a la tienda']],
      ['Cuéntame de los señores que estaban en el parque.', 'es', ['fuimos al parque']],
    ],
    'presumptive',
  );

  it('names the unsaid person, not the child word beside it', () => {
    expect(code('Cuéntame del muchacho de la alberca.', 'es', ['fuimos a la alberca']).cue).toBe(
      'muchacho',
    );
  });

  it.each([
    ['Tell me about the party.', 'en', ['there was a party at my aunt’s']],
    ['Tell me about the guy.', 'en', ['a guy came up to us']],
    ['Tell me about the parties.', 'en', ['he had a party at his place']],
    ['Cuéntame de la fiesta.', 'es', ['fuimos a una fiesta']],
    ['Cuéntame del señor.', 'es', ['un señor se acercó']],
    ['Cuéntame de la señora de la tienda.', 'es', ['la señora de la tienda me gritó']],
    ['Tell me about the time you went to the park.', 'en', ['we went to the park']],
  ] as const)('%s (%s) is a cued invitation when the child named it', (text, language, child) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'cued-invitation',
      recommended: true,
    });
  });
});

describe('C2/C5: exploitation details and labels the youth has not used', () => {
  expectFlagged([
    [
      'Cuéntame de los hombres con los que tuviste relaciones por dinero.',
      'es',
      ['me daba dinero'],
    ],
    ['Tell me about the guys who paid you.', 'en', ['he gave me money']],
    ['Cuéntame de las veces que tuviste sexo por dinero.', 'es', ['me daba dinero']],
    ['Cuéntame de los hombres que te pagaban.', 'es', ['me daba dinero']],
    ['¿Con cuántos hombres te acostaste por dinero?', 'es', ['me daba dinero']],
    ['What did you have to do to get the money?', 'en', ['he gave me money']],
    ['What did you have to do for the money?', 'en', ['he gave me money']],
    ['¿Qué tenías que hacer para que te diera el dinero?', 'es', ['me daba dinero']],
    ['¿Qué tenías que hacer por el dinero?', 'es', ['me daba dinero']],
  ]);

  expectFlagged(
    [
      ['Who were your clients?', 'en', ['he gave me money']],
      ['How many customers did you have?', 'en', ['he gave me money']],
      ['Tell me about the johns.', 'en', ['he gave me money']],
      ['When did you start working for her?', 'en', ['she let me stay at her place']],
      ['¿Cuándo empezaste a trabajar para ella?', 'es', ['me dejaba quedarme en su casa']],
      ['¿Cuántos clientes tenías?', 'es', ['me daba dinero']],
    ],
    'label',
  );

  it('shows a list of unsaid words with the interviewer’s accents', () => {
    const c = code('¿Cuántos años tenías cuando él cerró la puerta?', 'es', ['me gritó']);
    expect(c.cue).toBe('cerró, puerta');
    expect(c.reason).toContain('cerró, puerta');
  });
});

describe('C3: speculation framed as "maybe you ..."', () => {
  expectFlagged(
    [
      ['Maybe you were asleep when it happened.', 'en', ['we went to the park']],
      ['Perhaps you forgot some of it.', 'en', ["i don't remember"]],
      ["Maybe you didn't see him.", 'en', ['i was in my room']],
      ['A lo mejor estabas dormido cuando pasó.', 'es', ['fuimos al parque']],
      ['Tal vez estabas dormida cuando pasó.', 'es', ['fuimos al parque']],
      ['Capaz que no te diste cuenta.', 'es', ['no me acuerdo']],
    ],
    'speculation',
  );

  it.each([
    ['Maybe you can tell me more about that.', 'en'],
    ['A lo mejor me puedes contar más de eso.', 'es'],
  ] as const)('%s (a softened request) is not speculation', (text, language) => {
    expect(code(text, language, ['estaba en mi cuarto']).subtype).not.toBe('speculation');
  });
});

describe('C4: Spanish praise for content and characterisations of the suspect, as in English', () => {
  expectFlagged(
    [
      ['Buena niña, eso es lo que necesitaba escuchar.', 'es', ['me tocó']],
      ['Buen niño, eso es justo lo que quería oír.', 'es', ['me tocó']],
      ['Eso es lo que necesitaba saber, buena chica.', 'es', ['me tocó']],
    ],
    'pressure',
  );
  expectFlagged([
    ['Te estaba manipulando.', 'es', ['me compraba cosas']],
    ['Él se estaba aprovechando de ti.', 'es', ['me compraba cosas']],
    ['Te estaba engañando.', 'es', ['me compraba cosas']],
    ['Él abusó de ti.', 'es', ['me compraba cosas']],
  ]);
});

describe("C6: Hearth's new-detail rule covers the suspect and the place", () => {
  expectNewDetail([
    ['Was it your dad?', 'en', ['he gave me rides']],
    ['Was it your uncle?', 'en', ['somebody came in']],
    ['Was it in the basement?', 'en', ['it happened at night']],
    ['Did it happen at his house?', 'en', ['it happened at night']],
    ["Did you see the man's car?", 'en', ['we went to the park']],
    ['¿Fue tu papá?', 'es', ['me daba aventones']],
    ['¿Fue tu tío?', 'es', ['alguien entró']],
    ['¿Fue en el sótano?', 'es', ['pasó en la noche']],
    ['¿Pasó en la casa de él?', 'es', ['pasó en la noche']],
    ['¿Viste el carro del señor?', 'es', ['fuimos al parque']],
    ['Did he tell you not to tell anyone?', 'en', ['he touched me']],
    ['¿Te dijo que no le contaras a nadie?', 'es', ['me tocó']],
    ['¿Te dijo que no le dijeras a nadie?', 'es', ['me tocó']],
  ]);

  it.each([
    ['Was it your uncle?', 'en', ['my uncle came over']],
    ['¿Fue tu tío?', 'es', ['mi tío vino']],
  ] as const)('%s about a person the child named stays option-posing', (text, language, child) => {
    expect(code(text, language, [...child]).type).toBe('option-posing');
  });

  it.each([
    ['Was it over or under your clothes?', 'en', ['he touched my pee pee']],
    ['Was it over your clothes or under your clothes?', 'en', ['he touched my pee pee']],
    ['¿Fue por encima o por debajo de la ropa?', 'es', ['me tocó la cola']],
    ['¿Fue encima de la ropa o debajo de la ropa?', 'es', ['me tocó la cola']],
  ] as const)(
    '%s: one coding in both languages (choice of unsaid details)',
    (text, language, child) => {
      // coach29 (P19-1): clothes the child has not named, offered as options, are a new detail.
      expect(code(text, language, [...child])).toMatchObject({
        type: 'option-posing',
        subtype: 'new-detail',
        verdict: 'avoid',
      });
    },
  );
});

describe('C7: "la última / primera / otra vez" at the end presumes more than one incident', () => {
  expectFlagged(
    [
      ['Cuéntame de la última vez.', 'es', ['me tocó']],
      ['Cuéntame de la primera vez.', 'es', ['me tocó']],
      ['Platícame sobre la última vez.', 'es', ['me tocó']],
      ['Cuéntame de otra vez.', 'es', ['me tocó']],
    ],
    'presumptive',
  );

  it.each([
    ['Cuéntame de la última vez.', ['me tocó muchas veces']],
    ['Cuéntamelo otra vez.', ['me tocó']],
  ])('%s is not flagged (several times said, or "again")', (text, child) => {
    expect(code(text, 'es', child).recommended).toBe(true);
  });
});

describe("C8: the child's own verb in another form is the child's word", () => {
  it.each([
    ['Tell me more about meeting him on instagram.', 'en', ['I met him on instagram']],
    ['What kind of stuff did he buy you?', 'en', ['he gave me rides and bought me stuff']],
    ['Tell me more about going to his place.', 'en', ['i went to his place']],
    ['Tell me more about him taking you there.', 'en', ['he took me there']],
    ['¿Qué hizo después de que vino?', 'es', ['él vino a mi casa']],
    ['Cuéntame más de cuando te dio el celular.', 'es', ['me dio un celular']],
  ] as const)('%s is not suggestive', (text, language, child) => {
    expect(code(text, language, [...child]).type).not.toBe('suggestive');
  });
});

describe('C9: a Spanish restatement with the verb in the second person is a facilitator', () => {
  it.each([
    [
      '¿Él estaba en tu cuarto cuando te despertaste?',
      ['él estaba en mi cuarto cuando me desperté'],
    ],
    ['¿Te fuiste a tu cuarto?', ['me fui a mi cuarto']],
    ['¿Tuviste que esconderte?', ['tuve que esconderme']],
    ['Entonces te escondiste debajo de la cama.', ['me escondí debajo de la cama']],
  ])('%s', (text, child) => {
    expect(code(text, 'es', child)).toMatchObject({ type: 'facilitator', subtype: 'summary' });
  });

  it('a changed place is not a restatement', () => {
    // coach28: the new place makes it a yes/no question with a new detail (decision.ts).
    expect(
      code('¿Te escondiste en el closet?', 'es', ['me escondí debajo de la cama']),
    ).toMatchObject({ type: 'option-posing', subtype: 'new-detail', verdict: 'avoid' });
  });
});

describe('C10: a later session that attributes a held-back disclosure', () => {
  expectFlagged([
    [
      'Last time you started to tell me about something that happened at your dad’s house. Tell me about that.',
      'en',
      ["i go to my dad's house on weekends"],
    ],
    ['Last time you were too scared to tell me. Are you ready now?', 'en', ['i like soccer']],
    [
      'Last time you wanted to tell me something about your uncle.',
      'en',
      ['my uncle lives with us'],
    ],
    ['La otra vez tenías mucho miedo de contarme. ¿Ya estás lista?', 'es', ['me gusta el fútbol']],
    ['La vez pasada ibas a contarme algo de tu tío.', 'es', ['mi tío vive con nosotros']],
    [
      'La otra vez te dio pena decirme. ¿Ya estás lista para contarme?',
      'es',
      ['me gusta el fútbol'],
    ],
  ]);

  it("is not flagged when the child's words say it", () => {
    expect(
      code('Last time you said you were scared to tell me. Tell me more about that.', 'en', [
        'i was scared to tell you',
      ]).recommended,
    ).toBe(true);
  });

  it.each([
    ['Are you ready to start?', 'en'],
    ['¿Ya estás lista para empezar?', 'es'],
  ] as const)('%s (readiness to begin) is not a presumption', (text, language) => {
    expect(code(text, language, ['hola']).type).not.toBe('suggestive');
  });
});

describe('C13: unpunctuated "o no" is a forced choice, a final "no" is a tag (as in English)', () => {
  it.each([
    ['te compraba cosas o no', 'es'],
    // coach30 (P19-2): 'escuela' is now a listed place the child has not said (new-detail).
    ['te compraba dulces o no', 'es'],
    ['did he buy you stuff or not', 'en'],
  ] as const)('%s is a forced choice', (text, language) => {
    expect(code(text, language, ['me compraba cosas'])).toMatchObject({
      type: 'option-posing',
      subtype: 'forced-choice',
    });
  });

  it.each(['estaban en el sillón no', 'él te llevó a la tienda no'])('%s is a tag', (text) => {
    expect(code(text, 'es', ['estábamos en el sillón y él me llevó a la tienda'])).toMatchObject({
      type: 'suggestive',
      subtype: 'tag',
    });
  });

  it('"dijo que no" is not a tag', () => {
    expect(code('él dijo que no', 'es', ['él dijo que no']).subtype).not.toBe('tag');
  });
});
