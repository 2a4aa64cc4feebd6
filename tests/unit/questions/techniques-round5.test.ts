// Kinds of fault shown by the fourth held-out set (issue #16; HELDOUT4.md "Blind run"), fixed from
// the sources, not from its lines: every example here is our own wording, with our own child words.
// Sources: Leichtman & Ceci 1995 (Dev Psychol 31:568-578: stereotype induction); Garven, Wood,
// Malpass & Shaw 1998 (J Appl Psychol 83:347-359: other people, positive consequences, negative
// consequences); Garven, Wood & Malpass 2000 (J Appl Psychol 85:38-49: reinforcement, rewards);
// Ahern & Lyon 2013 (feelings are asked about, not named for the child); Lamb, Orbach, Hershkowitz,
// Esplin & Horowitz 2007 (Child Abuse Negl 31:1201-1231: presumption relative to the child's words;
// restatements are facilitators).
import { classifyQuestion, type Language } from '../../../src/questions';
import { relayedRequest } from '../../../src/questions/relay';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

describe('co-witness and stereotype statements made as declaratives (Garven et al. 1998; Leichtman & Ceci 1995)', () => {
  it.each([
    [
      'The other children in your class already told me what the coach did.',
      'en',
      ['the coach is nice'],
      'co-witness',
    ],
    [
      'The other girls on the team said what happened on the bus.',
      'en',
      ['we rode the bus'],
      'co-witness',
    ],
    [
      'He is really mean and does bad stuff to children.',
      'en',
      ['he drives a truck'],
      'stereotype',
    ],
    ['That man does nasty things to little kids.', 'en', ['a man lives next door'], 'stereotype'],
    [
      'Los otros niños de tu salón ya me contaron lo que hizo el entrenador.',
      'es',
      ['el entrenador es bueno'],
      'co-witness',
    ],
    [
      'Tu tío es bien malo y les hace cosas feas a los niños.',
      'es',
      ['mi tío vive con nosotros'],
      'stereotype',
    ],
    ['Ese señor hace cosas malas a otras niñas.', 'es', ['un señor vive enfrente'], 'stereotype'],
  ] as const)('%s', (text, language, child, subtype) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'suggestive',
      subtype,
      recommended: false,
    });
  });
});

describe('a feeling put to the child in new frames, checked against the child words (Ahern & Lyon 2013)', () => {
  it.each([
    ['It sounds like that was really scary for you.', 'en', ['he yelled at me']],
    // Round 6: "hard" / "difícil" acknowledge difficulty without naming an emotion (support,
    // techniques-round6.test.ts); a named emotion the child did not say stays suggestive.
    ['It seems like you were very embarrassed.', 'en', ['he took my bike']],
    ['That sounds awful.', 'en', ['he locked the door']],
    ['I imagine you felt sad.', 'en', ['my dog ran away']],
    ['Se nota que te dio mucho miedo.', 'es', ['él me gritó']],
    ['Se ve que estabas muy avergonzado.', 'es', ['mi hermano se fue']],
    ['Me imagino que te sentiste muy triste.', 'es', ['mi perro se perdió']],
  ] as const)('unsaid feeling: %s', (text, language, child) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'suggestive',
      subtype: 'emotional',
    });
  });

  it.each([
    ['It sounds like that was really scary.', 'en', ['it was really scary when he yelled']],
    ['That sounds hard.', 'en', ['it was hard to sleep after that']],
    ['Me imagino que te sentiste muy triste.', 'es', ['me sentí triste cuando se fue']],
    ['Se nota que te dio miedo.', 'es', ['me dio mucho miedo']],
  ] as const)('the child said the feeling: a restatement, %s', (text, language, child) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'facilitator',
      recommended: true,
    });
  });

  it('a frame with no feeling in it is left to the other rules', () => {
    expect(
      code('It sounds like you went to the park.', 'en', ['we went to the park']).subtype,
    ).not.toBe('emotional');
  });
});

describe('a reward attached to an invitation (Garven et al. 2000)', () => {
  it.each([
    ['Tell me everything and then we can go get some pizza.', 'en'],
    ['Tell me what happened and after that you get a sticker.', 'en'],
    ['Cuéntame todo y luego te llevo por unas papitas.', 'es'],
    ['Ándale, platícame qué pasó y ahorita nos vamos a comer pizza.', 'es'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language, ['we were at the park'])).toMatchObject({
      type: 'suggestive',
      subtype: 'pressure',
      recommended: false,
    });
  });

  it.each([
    ['Tell me when you need to use the bathroom and then we can go.', 'en'],
    ['Dime si necesitas ir al baño y te llevo.', 'es'],
  ] as const)(
    'a break or comfort offer, not tied to telling, is not a reward: %s',
    (text, language) => {
      expect(code(text, language).subtype).not.toBe('pressure');
    },
  );

  it('an invitation with no reward stays an invitation', () => {
    expect(
      code('Cuéntame todo lo que pasó en el parque.', 'es', ['estábamos en el parque']).type,
    ).toMatch(/invitation/);
  });
});

describe('confrontation with evidence, as a declarative (Garven et al. 1998)', () => {
  it.each([
    ['The doctor saw bruises on your arm, so I know somebody hurt you.', 'en'],
    ['We have the pictures, so we know that something happened.', 'en'],
    ['La doctora vio moretones en tu brazo, así que sé que alguien te lastimó.', 'es'],
    ['La maestra encontró unas marcas, entonces sabemos que algo pasó.', 'es'],
  ] as const)('%s', (text, language) => {
    const c = code(text, language);
    expect(c.type).toBe('suggestive');
    expect(c.recommended).toBe(false);
  });
});

describe('an interpreter relay is coded by what reaches the child', () => {
  it.each([
    [
      'Ask him to tell me everything that happened at the pool.',
      'en',
      ['we went to the pool'],
      'invitation',
    ],
    ['Please ask her what happened next.', 'en', ['we went to the pool'], 'invitation'],
    ['Ask him where his brother was.', 'en', ['my brother came too'], 'directive'],
    ['Ask her if it was a bike or a scooter.', 'en', ['I rode a bike'], 'option-posing'],
    [
      'La señora dice que le cuentes todo lo que pasó en la alberca.',
      'es',
      ['fuimos a la alberca'],
      'invitation',
    ],
    [
      'Pregunta la entrevistadora si eso fue en la mañana o en la tarde.',
      'es',
      ['fuimos a la alberca'],
      'option-posing',
    ],
    ['Ella pregunta: ¿dónde estaba tu hermano?', 'es', ['mi hermano también fue'], 'directive'],
  ] as const)('%s', (text, language, child, type) => {
    const c = code(text, language, [...child]);
    expect(c.type.replace('cued-', '')).toBe(type);
  });

  it.each([
    [
      'She says: tell me what your neighbour did to you in the garage.',
      'en',
      ['we played outside'],
    ],
    ['Dice la señora que le cuentes cómo te tocó tu vecino.', 'es', ['jugamos afuera']],
  ] as const)('the relayed words are checked against the child: %s', (text, language, child) => {
    expect(code(text, language, [...child]).type).toBe('suggestive');
  });

  // coach28: a relayed yes/no question about an act the child has not described is
  // new-detail, verdict "avoid"; suggestive since coach41 (issue #16 item 2, the lead's scheme).
  it('a relayed yes/no question is checked against the child: Ask her whether her uncle touched her.', () => {
    expect(
      code('Ask her whether her uncle touched her.', 'en', ['my uncle lives with us']),
    ).toMatchObject({ type: 'suggestive', subtype: 'new-detail', verdict: 'avoid' });
  });

  it('rewrites the frame only', () => {
    expect(relayedRequest('Ask her to tell me more.', 'en')).toBe('tell me more.');
    expect(relayedRequest('La señora dice que si le puedes contar qué pasó.', 'es')).toBe(
      '¿Me puedes contar qué pasó?',
    );
    expect(relayedRequest('Tell me more about that.', 'en')).toBeUndefined();
    expect(relayedRequest('Dijiste que la señora dice cosas feas.', 'es')).toBeUndefined();
  });
});

describe('Spanish cued invitations quoting the child (Lamb et al. 2007)', () => {
  it.each([
    ['Dijiste que ella te regalaba dulces. Platícame más de eso.', ['ella me regaló dulces']],
    ['Dijiste que él te pegaba. Platícame todo eso.', ['él me pegó con la mano']],
  ])('%s', (text, child) => {
    const c = code(text, 'es', child);
    expect(c.type).toBe('cued-invitation');
    expect(c.recommended).toBe(true);
  });
});

describe("a general word for what the child named is the child's (Lamb et al. 2007)", () => {
  it.each([
    ['¿Qué pasó con el dinero?', 'es', ['me dio veinte dólares']],
    ['Dime qué pasó con tu celular.', 'es', ['se me rompió el teléfono']],
    ['What did he do with the money?', 'en', ['he gave me ten bucks']],
  ] as const)('%s', (text, language, child) => {
    const c = code(text, language, [...child]);
    expect(c.type).not.toBe('suggestive');
    expect(c.type).not.toBe('option-posing');
  });

  it('the same words with no such mention are presumptive', () => {
    expect(code('¿Qué pasó con el dinero?', 'es', ['fuimos a la tienda']).type).toBe('suggestive');
  });
});
