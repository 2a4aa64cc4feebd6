// Round 6 (issue #16, after the fourth held-out set): kinds of fault fixed from the sources, each
// with our own sentences in English and es-419 and our own child words (no line of any held-out
// set). Sources: Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007 (Child Abuse Negl
// 31:1201-1231: restatements are facilitators; a prompt that assumes undisclosed information is
// suggestive); Loftus & Zanni 1975 (Bull Psychon Soc 5:86-88: a definite article presupposes);
// Hershkowitz, Lamb & Katz 2014 (supportive statements); Henderson and colleagues (faux
// invitations); the NICHD revised protocol's transition and incident-count prompts.
import { classifyQuestion, type Language } from '../../../src/questions';
import { scriptedLines } from '../../../src/protocols/scripted-lines';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

const RISKY = ['option-posing', 'suggestive'];

describe("the child's needs in the room are not allegation details (lexicon interviewNeeds)", () => {
  it.each([
    ['Tell me when you need to use the bathroom.', 'en'],
    ['Let me know whenever you want to take a break or get some water.', 'en'],
    ['Just tell me if you need to go to the restroom, okay?', 'en'],
    ['If you need a break, tell me.', 'en'],
    ['Do you need to use the bathroom?', 'en'],
    ['Avísame cuando necesites ir al baño.', 'es'],
    ['¿Necesitas ir al baño?', 'es'],
    ['¿Quieres usar el baño?', 'es'],
    ['Si necesitas un descanso, me dices.', 'es'],
    ['Dime si quieres tomar agua.', 'es'],
  ] as const)('%s (%s) is logistics, no warning, even after a disclosure', (text, language) => {
    const child = language === 'en' ? ['he hurt me'] : ['él me lastimó'];
    for (const context of [undefined, child, []]) {
      const c = code(text, language, context ? [...context] : undefined);
      expect(c.recommended).toBe(true);
      expect(RISKY).not.toContain(c.type);
    }
  });

  it.each([
    ['What happened in the bathroom?', 'en', ['he hurt me']],
    ['Did he take you to the bathroom?', 'en', ['he hurt me']],
    // The need words are neutral only as the child's own need ("you need to ..."), not as an act.
    ['Did he make you go to the bathroom?', 'en', ['he hurt me']],
    ['¿Te hizo ir al baño?', 'es', ['él me lastimó']],
    ['¿Qué pasó en el baño?', 'es', ['él me lastimó']],
    ['¿Te llevó al baño?', 'es', ['él me lastimó']],
  ] as const)(
    'the same place as the place of the event is still checked: %s',
    (text, lang, child) => {
      // coach28: a wh- question presumes the place (suggestive); a yes/no question asks about it,
      // option-posing/new-detail under the NICHD typology (decision.ts). Both "avoid".
      const c = code(text, lang, [...child]);
      const wh = /^(?:what|¿qué)/i.test(text);
      // coach41 (issue #16 item 2, the lead's scheme): "take you" / «te llevó» is an act, so
      // the yes/no form is suggestive/new-detail there; the place alone stays option-posing.
      if (wh) expect(c.type).toBe('suggestive');
      else {
        expect(c.type).toBe(/take you|llevó/.test(text) ? 'suggestive' : 'option-posing');
        expect(c.subtype).toBe('new-detail');
      }
      expect(c.verdict).toBe('avoid');
    },
  );
});

describe('restatements across grammatical person are facilitators (Lamb et al. 2007)', () => {
  it.each([
    ['He was in your room when you woke up?', 'en', ['he was in my room when I woke up']],
    ["You're scared of him.", 'en', ["I'm scared of him"]],
    ['You were scared?', 'en', ['I was scared']],
    ['Entonces, ¿él te llevó a la casa de su amigo?', 'es', ['me llevó a la casa de su amigo']],
    ['¿Te empujó?', 'es', ['me empujó']],
    ['¿Él te empujó?', 'es', ['me empujó']],
  ] as const)('%s', (text, lang, child) => {
    const c = code(text, lang, [...child]);
    expect(c).toMatchObject({ type: 'facilitator', recommended: true });
  });

  it.each([
    ['He was in your room when you woke up?', 'en', ['he was in the kitchen when I woke up']],
    ['¿Él te llevó a la casa de su tío?', 'es', ['me llevó a la casa de su amigo']],
    ['He pushed you down the stairs?', 'en', ['he pushed me']],
  ] as const)('a word the child did not say makes it a question again: %s', (text, lang, child) => {
    expect(RISKY).toContain(code(text, lang, [...child]).type);
  });

  it.each([
    ['Right, the blue car.', 'en', ['it was a blue car with a dent']],
    ["At Grandma's house.", 'en', ["we went to Grandma's house"]],
    ['Ah, ok, en la cochera.', 'es', ['fue en la cochera']],
    ['La camioneta roja.', 'es', ['era una camioneta roja']],
  ] as const)('a short phrase in the child words is a facilitator: %s', (text, lang, child) => {
    expect(code(text, lang, [...child])).toMatchObject({ type: 'facilitator', recommended: true });
  });

  it.each([
    ['The red car.', 'en', ['it was a car']],
    ['En el sótano.', 'es', ['fue en la cochera']],
  ] as const)('a phrase that adds a word is not a restatement: %s', (text, lang, child) => {
    expect(code(text, lang, [...child]).type).not.toBe('facilitator');
  });
});

describe('feelings: only a named emotion the child did not say is put to the child', () => {
  it.each([
    ['It sounds like that was really hard for you.', 'en', ['he yelled at me all night']],
    ['That sounds hard.', 'en', ['he yelled at me']],
    ['Se oye que fue muy difícil para ti.', 'es', ['él me gritó']],
    ['Eso suena duro.', 'es', ['él me gritó']],
  ] as const)('difficulty acknowledged is support: %s', (text, lang, child) => {
    expect(code(text, lang, [...child])).toMatchObject({ type: 'facilitator', recommended: true });
  });

  it.each([
    ['It sounds like you were scared.', 'en', ['I was afraid']],
    ['You were frightened.', 'en', ['I was so scared']],
    ['Se oye que estabas muy asustada.', 'es', ['tenía mucho miedo']],
    ['Parece que te dio miedo.', 'es', ['estaba bien asustado']],
  ] as const)('a word for the same feeling restates it: %s', (text, lang, child) => {
    expect(code(text, lang, [...child])).toMatchObject({ type: 'facilitator', recommended: true });
  });

  it.each([
    ['It sounds like you were ashamed.', 'en', ['I was afraid']],
    ['Se oye que estabas muy enojada.', 'es', ['tenía mucho miedo']],
  ] as const)('another feeling is still suggestive: %s', (text, lang, child) => {
    expect(code(text, lang, [...child])).toMatchObject({
      type: 'suggestive',
      subtype: 'emotional',
    });
  });

  it.each([
    ['How did you feel?', 'en'],
    ['How were you feeling when that happened?', 'en'],
    ['¿Cómo te sentiste?', 'es'],
    ['¿Qué sentiste cuando pasó eso?', 'es'],
  ] as const)('asking how the child felt is not suggestive: %s', (text, lang) => {
    const c = code(text, lang, lang === 'en' ? ['he yelled at me'] : ['él me gritó']);
    expect(c.recommended).toBe(true);
    expect(c.type).not.toBe('suggestive');
  });
});

describe('wh- questions that presuppose what the child has not named', () => {
  it.each([
    ['¿Qué hizo con las llaves?', ['él llegó muy tarde']],
    ['¿Dónde escondió la bolsa?', ['él llegó muy tarde']],
    ['¿Qué guardó en el cajón?', ['me dijo cosas feas']],
  ])('Spanish drops the subject: a third-person act is an actor (%s)', (text, child) => {
    expect(code(text, 'es', child)).toMatchObject({ type: 'suggestive', subtype: 'presumptive' });
  });

  it.each([
    ['¿Qué hizo con las llaves?', ['él agarró las llaves de mi mamá']],
    ['¿Dónde la puso?', ['él agarró las llaves']],
    ['¿Qué pasó después?', ['él agarró las llaves']],
  ])('with the child words it stays a directive (%s)', (text, child) => {
    expect(code(text, 'es', child).type).not.toBe('suggestive');
  });

  it.each([
    ['What was in the box?', 'en', ['he was mean to me'], 'box'],
    ['What color was the blanket?', 'en', ['he was mean to me'], 'blanket'],
    ['How did the door get locked?', 'en', ['he was mean to me'], 'door'],
    ['¿Qué había en la caja?', 'es', ['él fue malo conmigo'], 'caja'],
    ['¿De qué color era la cobija?', 'es', ['él fue malo conmigo'], 'cobija'],
  ] as const)('"the X" presupposes X (Loftus & Zanni 1975): %s', (text, lang, child, cue) => {
    const c = code(text, lang, [...child]);
    expect(c).toMatchObject({ type: 'suggestive', subtype: 'presumptive' });
    expect(c.cue).toBe(cue);
  });

  it.each([
    ['What was in the box?', 'en', ['he gave me a box']],
    ['What did you do on the weekend?', 'en', ['I like soccer']],
    ['What happened the last time?', 'en', ['he did it lots of times']],
    ['¿Qué había en la caja?', 'es', ['me dio una caja']],
    ['¿Qué hiciste el fin de semana?', 'es', ['me gusta el fútbol']],
    ['¿Quién más estaba en el parque?', 'es', ['fuimos al parque']],
  ] as const)(
    'what the child named, times and the interview are not presupposed: %s',
    (text, lang, child) => {
      expect(code(text, lang, [...child]).type).not.toBe('suggestive');
    },
  );
});

describe('NICHD transition and incident prompts', () => {
  it.each([
    ['Your teacher told me you talked to her. Tell me what you talked about.', 'en'],
    ['I heard you talked to your counselor. Tell me what you told her.', 'en'],
    ['Tu maestra me dijo que le contaste algo. Cuéntame qué le contaste.', 'es'],
    ['Tu mamá me dijo que hablaste con ella. Platícame de eso.', 'es'],
  ] as const)(
    '"X told me you talked to her" is team information, not a co-witness: %s',
    (text, lang) => {
      expect(code(text, lang)).toMatchObject({
        type: 'cued-invitation',
        subtype: 'team-information',
        recommended: true,
      });
    },
  );

  it.each([
    ['Your teacher told me what he did to you.', 'en'],
    ['Your sister said he touched you.', 'en'],
    ['Tu maestra me dijo lo que él te hizo.', 'es'],
    ['Tu hermana dijo que él te tocó.', 'es'],
  ] as const)('another person account stays co-witness: %s', (text, lang) => {
    expect(code(text, lang)).toMatchObject({ type: 'suggestive', subtype: 'co-witness' });
  });

  it.each([
    [
      'Tell me about the first time he did that.',
      'en',
      ['he did it every time my mom went to work'],
    ],
    ['Tell me about the last time.', 'en', ['it happened on Sundays']],
    ['Platícame de la primera vez que pasó.', 'es', ['pasaba todos los fines de semana']],
    ['Cuéntame de la última vez.', 'es', ['me lo hacía cada domingo']],
  ] as const)('the child said it happened more than once: %s', (text, lang, child) => {
    expect(code(text, lang, [...child]).recommended).toBe(true);
  });

  it.each([
    ['Why do you think your mom brought you here today?', 'en'],
    ['Cuéntame por qué crees que viniste hoy.', 'es'],
  ] as const)('"why do you think" is not blame: %s', (text, lang) => {
    expect(code(text, lang).recommended).toBe(true);
  });
  it.each([
    ["Why didn't you tell your mom?", 'en'],
    ['¿Por qué no le dijiste a tu mamá?', 'es'],
  ] as const)('why the child did not act is still flagged: %s', (text, lang) => {
    expect(code(text, lang).recommended).toBe(false);
  });
});

describe('Spanish and English option-posing and leading forms (recall)', () => {
  it.each([
    ['Díganme si estaban solos.', 'es'],
    ['Platíqueme si le pegó.', 'es'],
    ['¿Cierto que fue tu tío?', 'es'],
    ['¿A poco no fue tu tío?', 'es'],
    ['Verdad que fue tu tío.', 'es'],
    ['Tu tío te tocó ¿o me equivoco?', 'es'],
    ['fue tu tío verdad', 'es'],
    ['fue tu tío o no', 'es'],
    ['¿Usted recuerda si era de noche?', 'es'],
    ['¿Ustedes estaban solos?', 'es'],
    ['Let me know if he touched you.', 'en'],
    ['I want you to tell me if he touched you.', 'en'],
    ['He must have said something.', 'en'],
    ['he gave you the candy didnt he', 'en'],
  ] as const)('%s is caught', (text, lang) => {
    const c = code(text, lang);
    expect(RISKY).toContain(c.type);
    expect(c.recommended).toBe(false);
  });

  it.each([
    ['¿Verdad que…?', '¿Verdad que te pegó?'],
    ['¿Cierto que…?', '¿Cierto que te pegó?'],
    ['¿A poco no…?', '¿A poco no te pegó?'],
  ])('leading opener %s is suggestive even when the child said the act', (_name, text) => {
    expect(code(text, 'es', ['él me pegó']).type).toBe('suggestive');
  });
});

describe('filled scripted cued invitations code as declared with unknown context (N9)', () => {
  const fills = { en: 'he hit you', es: 'te pegó' } as const;
  it.each(['en', 'es'] as const)('%s: recall.* lines are cued invitations', (lang) => {
    const lines = scriptedLines(lang).filter(
      (l) => /^recall\.(lastTime|firstTime|anotherTime)$/.test(l.id) && l.text.includes('['),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const text = l.text.replace(/\[[^\]]*\]/g, fills[lang]);
      expect({ id: l.id, text, type: code(text, lang).type }).toEqual({
        id: l.id,
        text,
        type: 'cued-invitation',
      });
    }
  });

  it.each([
    ['Tell me what cookie means.', 'en'],
    ['Cuéntame qué quiere decir cosita.', 'es'],
  ] as const)('abe.explain codes alike in both languages: %s', (text, lang) => {
    expect(code(text, lang).type).toBe('cued-invitation');
  });
});

describe('choice questions: the options are what option-posing offers (Lamb et al. 2007)', () => {
  it.each([
    ['Did he touch you over or under your clothes?', 'en', ['he touched me'], 'new-detail'],
    // coach41 (kind e): "camera" is the child's "pictures" (lexicon synonyms) and "phone" is no
    // listed detail: a plain choice, still flagged.
    ['Did he use a phone or a camera?', 'en', ['he took pictures of me'], 'forced-choice'],
    [
      '¿Las fotos las tomó con su celular o con una cámara?',
      'es',
      ['me tomó fotos'],
      'forced-choice',
    ],
    ['¿Te tocó encima o debajo de la ropa?', 'es', ['me tocó'], 'new-detail'],
  ] as const)(
    'options around a disclosed act: option-posing, flagged (%s)',
    (text, lang, child, subtype) => {
      // coach29 (P19-1): options the child has not said are new details put to the child.
      expect(code(text, lang, [...child])).toMatchObject({
        type: 'option-posing',
        subtype,
        recommended: false,
      });
    },
  );

  it.each([
    ['Did he touch your bottom or your leg?', 'en', ['he was mean to me']],
    ['Did he hit you with a belt or a stick?', 'en', ['he was mean to me']],
    ['¿Las fotos las tomó con su celular o con una cámara?', 'es', ['me invitó a su casa']],
    ['¿Te tocó la pierna o la pompis?', 'es', ['él fue malo conmigo']],
  ] as const)(
    'what the choice takes as given is still checked: suggestive (%s)',
    (text, lang, child) => {
      expect(code(text, lang, [...child]).type).toBe('suggestive');
    },
  );
});
