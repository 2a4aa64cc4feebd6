// coach30 (issue #16, practitioner review 19): the remaining findings P19-2 and P19-6..P19-12,
// the Spanish "cuando" clause, and the open-prompt kinds flagged on heldout19. Each kind in
// English and es-419, with examples beyond the review's own where the rule is general.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords, stage: 'substantive' });

describe('P19-2: listed categories of detail in a closed question are new details', () => {
  it.each<[string, Language, string[], string]>([
    // places, times, clothing, body parts, objects, threats and motives, feelings, manner
    ['Was it in the kitchen?', 'en', ['He touched me.'], 'kitchen'],
    ['Did it happen at night?', 'en', ['He touched me.'], 'night'],
    ['Did it happen in the morning?', 'en', ['He hit me.'], 'morning'],
    ['Were you wearing pajamas?', 'en', ['He was mean to me.'], 'pajamas'],
    ['Did he touch you with his fingers?', 'en', ['He touched me.'], 'fingers'],
    ['Did he use his hand?', 'en', ['He touched me.'], 'hand'],
    ['Did he hit you with a stick?', 'en', ['He hit me.'], 'stick'],
    [
      'Did he say something bad would happen if you told?',
      'en',
      ['He told me not to tell.'],
      'something bad would happen',
    ],
    ["Did he give you candy so you wouldn't tell?", 'en', ['He gave me candy.'], 'tell'],
    ['Was he mad?', 'en', ['He was mean to me.'], 'mad'],
    ['Are you scared of him?', 'en', ['He was mean to me.'], 'scared of'],
    ['Does your teacher hug you in a bad way?', 'en', ['My teacher hugs me.'], 'bad way'],
    ['Could you tell me whether it happened at night?', 'en', ['He touched me.'], 'night'],
    ['¿Estabas en la cocina?', 'es', ['Me tocó.'], 'cocina'],
    ['¿Fue en la noche?', 'es', ['Me tocó.'], 'noche'],
    ['¿Llevabas pijama?', 'es', ['Me tocó.'], 'pijama'],
    ['¿Te tocó con los dedos?', 'es', ['Me tocó.'], 'dedos'],
    ['¿Te pegó con el cinto?', 'es', ['Me pegó.'], 'cinto'],
    [
      '¿Te dijo que algo malo iba a pasar si contabas?',
      'es',
      ['Me dijo que no dijera.'],
      'algo malo iba a pasar',
    ],
    ['¿Estaba enojado?', 'es', ['Me trató mal.'], 'enojado'],
    ['¿Tu maestra te abraza de mala manera?', 'es', ['Mi maestra me abraza.'], 'de mala manera'],
  ])('%s (%s)', (text, language, child, word) => {
    const c = code(text, language, child);
    // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007): an abuse-relevant unsaid
    // detail (fingers, a stick, a belt) is suggestive/new-detail; the others stay option-posing.
    expect([c.subtype, c.verdict]).toEqual(['new-detail', 'avoid']);
    expect(c.reason).toContain(word);
    // The reason says the check knows Hearth's listed kinds of detail, not every word.
    if (c.type === 'option-posing')
      expect(c.reason).toMatch(language === 'en' ? /Hearth recognises listed/ : /Hearth reconoce/);
    else expect(c.reason).toMatch(language === 'en' ? /Hearth's list/ : /lista de Hearth/);
  });

  it('a faux invitation about an unsaid "cinto" names it, as "belt" in English', () => {
    expect(code('¿Quieres contarme del cinto?', 'es', ['Me pegó.']).reason).toContain('cinto');
    expect(code('Do you want to tell me about the belt?', 'en', ['He hit me.']).reason).toContain(
      'belt',
    );
  });

  it.each<[string, Language, string[]]>([
    ['Did it happen at night?', 'en', ['It was at night when he came.']],
    ['Did it happen at night?', 'en', ['It was night.']],
    ["Did he give you candy so you wouldn't tell?", 'en', ["He gave me candy so I wouldn't tell."]],
    ['¿Pasó de noche?', 'es', ['Fue en la noche.']],
    ['¿Te dio dulces para que no dijeras?', 'es', ['Me dio dulces para que no dijera.']],
    ['¿Te tocó con los dedos?', 'es', ['Me tocó con el dedo.']],
  ])('the child’s own detail is not new: %s', (text, language, child) => {
    expect(code(text, language, child).subtype).not.toBe('new-detail');
  });

  it.each<[string, Language]>([
    ['Was it daytime or nighttime?', 'en'],
    ['¿Fue de día o de noche?', 'es'],
  ])('a choice across the whole day offers no detail: %s', (text, language) => {
    const c = code(text, language, ['He hit me.']);
    expect([c.type, c.subtype]).toEqual(['option-posing', 'forced-choice']);
  });

  it.each<[string, Language]>([
    ["Let's take a short break.", 'en'],
    ['Here, let me get you the footstool so your feet can reach.', 'en'],
    ["Today is March 4th and it's about 10:15 in the morning.", 'en'],
    ['Hoy es 4 de marzo y son las 10 de la mañana.', 'es'],
    ['You won’t get in trouble for anything you say here.', 'en'],
    ['No te vas a meter en problemas por nada de lo que digas.', 'es'],
  ])(
    'a statement that asserts no event is not checked for listed details: %s',
    (text, language) => {
      expect(code(text, language, ['Hi.']).type).not.toBe('suggestive');
    },
  );

  it('a wh- question about a listed kind assumes nothing', () => {
    expect(code('Where were you?', 'en', ['He hit me.']).type).toBe('directive');
    expect(code('¿Qué ropa traías puesta?', 'es', ['Me pegó.']).type).toBe('directive');
  });

  it('any other unsaid word in a yes/no question stays a plain yes/no question', () => {
    const c = code('Did you go to the store?', 'en', ['He touched me.']);
    expect([c.type, c.subtype, c.verdict]).toEqual(['option-posing', 'yes-no', 'ask-differently']);
  });
});

describe('P19-6: "I heard someone has been bothering you" is the team’s information', () => {
  it.each<[string, Language]>([
    ['I heard that someone has been bothering you. Tell me everything about that.', 'en'],
    ['I heard someone has been bothering you. Tell me about that.', 'en'],
    ['Escuché que alguien te ha estado molestando. Cuéntame todo sobre eso.', 'es'],
    ['Supe que alguien te estaba fastidiando. Cuéntame de eso.', 'es'],
  ])('%s', (text, language) => {
    for (const child of [[], ['I like soccer.']]) {
      const c = code(text, language, child);
      expect([c.type, c.subtype, c.verdict]).toEqual([
        'cued-invitation',
        'team-information',
        'acceptable-with-caution',
      ]);
    }
  });

  it('naming an act or a suspect is no longer the team’s plain information', () => {
    const c = code('I heard your uncle has been touching you. Tell me about that.', 'en', []);
    expect(c.type).toBe('suggestive');
  });
});

describe('P19-7: SIRR negative consequences and speculation, by meaning', () => {
  it.each<[string, Language, string]>([
    ["You're not being a very good helper.", 'en', 'confrontation'],
    ['You aren’t being much help.', 'en', 'confrontation'],
    ['Are you going to be smart and help me?', 'en', 'confrontation'],
    ['No estás siendo muy buena ayudante.', 'es', 'confrontation'],
    ['¿Vas a ser inteligente y me vas a ayudar?', 'es', 'confrontation'],
    ['¿Qué crees que estaba pensando él?', 'es', 'speculation'],
    ['¿Qué crees que él pensaba?', 'es', 'speculation'],
    ['¿Por qué crees que ella lo hizo?', 'es', 'speculation'],
    ['Why do you think he did that?', 'en', 'speculation'],
  ])('%s', (text, language, subtype) => {
    const c = code(text, language, ["He didn't do anything."]);
    expect([c.type, c.subtype]).toEqual(['suggestive', subtype]);
  });

  it.each<[string, Language]>([
    ['What do you think about your new school?', 'en'],
    ['Cuéntame por qué crees que viniste hoy.', 'es'],
    ['You are being very helpful by telling me what you remember.', 'en'],
  ])('protocol lines and their look-alikes are not SIRR: %s', (text, language) => {
    expect(code(text, language, ['Hi.']).type).not.toBe('suggestive');
  });
});

describe('P19-8: Spanish restatements and yes/no questions match English', () => {
  const child = ['Mi tío me pegó con el cinturón.'];
  it.each<[string, Language, string[], string]>([
    ['¿Así que tu tío te pegó con el cinturón?', 'es', child, 'facilitator'],
    ['Entonces, ¿tu tío te pegó con el cinturón?', 'es', child, 'facilitator'],
    ['So your uncle hit you with a belt?', 'en', ['My uncle hit me with a belt.'], 'facilitator'],
    ['¿Te pegó tu tío con el cinturón?', 'es', child, 'option-posing'],
    [
      'Did your uncle hit you with a belt?',
      'en',
      ['My uncle hit me with a belt.'],
      'option-posing',
    ],
  ])('%s', (text, language, said, type) => {
    expect(code(text, language, said).type).toBe(type);
  });
});

describe('P19-9: reasons name the device', () => {
  it.each<[string, string]>([
    ['¿Verdad que te lastimó?', 'tag'],
    ['Te tocó con la mano, ¿verdad que sí?', 'tag'],
    ['¿Cierto que te pegó?', 'tag'],
    ['¿A poco te tocó?', 'confrontation'],
    ['¿No te tocó?', 'negative'],
  ])('%s', (text, subtype) => {
    const c = code(text, 'es', ['Me pegó.']);
    expect([c.type, c.subtype]).toEqual(['suggestive', subtype]);
    if (subtype !== 'negative') expect(c.reason).not.toMatch(/Pregunta negativa/);
  });

  it('a tag after the person the child named is a tag, not another person’s information', () => {
    const c = code('Te dijo que te ibas a meter en problemas, ¿no?', 'es', [
      'Me dijo que no le dijera a nadie.',
    ]);
    expect([c.type, c.subtype]).toEqual(['suggestive', 'tag']);
    expect(
      code('He said you would get in trouble, right?', 'en', ['He said not to tell.']).subtype,
    ).toBe('tag');
  });

  it('a dropped-subject report the child did not give is still a leading statement', () => {
    expect(code('Te dijo que te callaras.', 'es', ['Me tocó.']).type).toBe('suggestive');
    expect(code('Te dijo que te callaras.', 'es', ['Me dijo que me callara.']).type).toBe(
      'facilitator',
    );
  });

  it.each<[string, Language, string, RegExp]>([
    [
      'Tell me if it was over or under your clothes.',
      'en',
      'He touched me over and under my clothes.',
      /yes\/no or choice/,
    ],
    [
      'Dime si fue por encima o por debajo de la ropa.',
      'es',
      'Me tocó por encima y por debajo de la ropa.',
      /sí o no, o de opciones/,
    ],
  ])('"Tell me if" with options says it is a choice: %s', (text, language, child, wording) => {
    const c = code(text, language, [child]);
    expect(c.subtype).toBe('faux-invitation');
    expect(c.reason).toMatch(wording);
    expect(c.reason).toMatch(/Lyon 2020/);
  });
});

describe('P19-10: a wh- word left at the end asks for a detail', () => {
  it.each<[string, Language, string[]]>([
    ['touched your butt with what', 'en', ['He touched my butt']],
    ['He touched you with what?', 'en', ['He touched me']],
    ['te tocó las pompis con qué', 'es', ['Me tocó las pompis']],
    ['¿Te pegó con qué?', 'es', ['Me pegó']],
  ])('%s', (text, language, child) => {
    expect(code(text, language, child)).toMatchObject({ type: 'directive', subtype: 'wh' });
  });
});

describe('P19-11: where an everyday person was is a directive', () => {
  it.each<[string, Language, string[]]>([
    ['Where was your mom?', 'en', ['It happened in the garage.']],
    ['Where was your teacher?', 'en', ['It happened at recess.']],
    ['¿Dónde estaba tu mamá?', 'es', ['Pasó en la cochera.']],
  ])('%s', (text, language, child) => {
    expect(code(text, language, child).type).toBe('directive');
  });

  it.each<[string, Language, string[]]>([
    ['What did your mom do to you?', 'en', ['It happened in the garage.']],
    ['Where was your stepdad?', 'en', ['It happened in the garage.']],
    ['¿Dónde te tocó tu papá?', 'es', ['Pasó en la cochera.']],
  ])('an act or a role not every child has is still checked: %s', (text, language, child) => {
    expect(code(text, language, child).type).toBe('suggestive');
  });
});

describe('P19-12: the Spanish reasons name the child one way', () => {
  it.each<[string, string[]]>([
    ['¿Qué pasó? ¿Dónde estabas?', ['Me pegó.']],
    ['Si ya probaste todo, ¿te pasó algo en la escuela?', []],
  ])('%s', (text, child) => {
    expect(code(text, 'es', child).reason).not.toMatch(/el niño o la niña|al niño o a la niña/);
  });
});

describe('the Spanish "cuando" clause frames the question after it', () => {
  it.each<[string, string[], string]>([
    ['Cuando te pegó, ¿estabas en la cocina?', ['Me pegó.'], 'cocina'],
    ['Cuando te pegaba, ¿estaban en el carro?', ['Me pegaba.'], 'carro'],
  ])('%s', (text, child, word) => {
    const c = code(text, 'es', child);
    expect([c.type, c.subtype]).toEqual(['option-posing', 'new-detail']);
    expect(c.reason).toContain(word);
  });

  it('a clause with an act the child has not said is suggestive', () => {
    expect(code('Cuando te tocó, ¿dijo algo?', 'es', ['Me pegó.']).type).toBe('suggestive');
    expect(code('When he touched you, did he say anything?', 'en', ['He hit me.']).type).toBe(
      'suggestive',
    );
  });
});

describe('open prompts no longer flagged (heldout19 kinds)', () => {
  it.each<[string, Language, string[]]>([
    [
      "um you said he'd hurt your dog tell me more about that",
      'en',
      ['he said he would hurt my dog'],
    ],
    ["You said they'd leave. Tell me more about that.", 'en', ['they said they would leave']],
    [
      'Tell me about the last time he picked you up after school.',
      'en',
      ['after school he picks me up'],
    ],
    [
      'Cuéntame de la última vez que te recogió de la escuela.',
      'es',
      ['él me recoge de la escuela'],
    ],
  ])('%s', (text, language, child) => {
    const c = code(text, language, child);
    expect(c.recommended).toBe(true);
  });

  it('"the last time" still presumes repeated events the child has not described', () => {
    expect(code('Tell me about the last time he touched you.', 'en', ['he touched me']).type).toBe(
      'suggestive',
    );
    expect(code('Cuéntame de la última vez que te tocó.', 'es', ['me tocó']).type).toBe(
      'suggestive',
    );
  });
});
