// Regression tests for each kind of fault in issue #16 (and review section A), one example or
// more per kind, in both languages. The kinds are fixed in the rules; these pin the examples.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords?: string[]) =>
  classifyQuestion(text, language, childWords ? { childWords } : undefined);

describe('1. suggestions never keep the leading content', () => {
  it.each([
    ['Can you tell me about when Daddy put his thing in you?', 'en', [], /daddy|thing/i],
    [
      'Do you remember when he came into your room at night?',
      'en',
      ['I like my uncle'],
      /room|night/i,
    ],
    ['Would you tell me about the bad things your dad did?', 'en', ['my dad lives far'], /bad/i],
    ['Can you tell me about the man who sold you?', 'en', ['I stayed with people'], /sold|man/i],
    [
      '¿Me puedes contar del señor que te vendió?',
      'es',
      ['me quedé con unas personas'],
      /vendi|señor/i,
    ],
    ['¿Te acuerdas de cuando entró a tu cuarto en la noche?', 'es', ['es mi tío'], /cuarto|noche/i],
    ['¿Te acuerdas si te quitó la ropa?', 'es', ['vino a la casa'], /quit|ropa/i],
  ] as const)('%s', (text, language, child, unsaid) => {
    const c = code(text, language, [...child]);
    expect(c.recommended).toBe(false);
    expect(c.suggestion ?? '').not.toMatch(unsaid);
  });

  it("rewrites a faux invitation when its content is the child's own", () => {
    // "Do you remember...?" asks about memory (option-posing); the request form "Can you tell me
    // about the trampoline?" is an invitation and needs no rewording (techniques-round6b).
    expect(
      code('Do you remember what you did on the trampoline?', 'en', ['we jumped on the trampoline'])
        .suggestion,
    ).toBe('Tell me what you did on the trampoline.');
    expect(
      code('Can you tell me about the trampoline?', 'en', ['we jumped on the trampoline'])
        .suggestion,
    ).toBeUndefined();
  });

  it("echoes the child's phrase, not a single word, and asks about counts as NICHD does", () => {
    expect(code('Did he hit you with a stick?', 'en', ['he hit me']).suggestion).toBe(
      'You said, “he hit me”. Tell me more about that.',
    );
    expect(code('¿Te pegó con un palo?', 'es', ['me pegó']).suggestion).toBe(
      'Dijiste: “me pegó”. Cuéntame más sobre eso.',
    );
    // Acceptable at 9 (no suggestion); for a 4-year-old the NICHD multiple-incident question.
    expect(code('How many times did it happen?', 'en').suggestion).toBeUndefined();
    expect(
      classifyQuestion('How many times did it happen?', 'en', { childAgeYears: 4 }).suggestion,
    ).toBe('Did that happen one time or more than one time?');
    expect(code('Do you know the difference between the truth and a lie?', 'en').suggestion).toBe(
      'Do you promise to tell me the truth?',
    );
  });
});

describe('2. presumption relative to what the child has said', () => {
  it.each([
    ['What did he use to hit you?', 'en', ['he was mean to me']],
    ['How did he touch you?', 'en', ['he came over']],
    ['Tell me about the games your stepdad plays with you.', 'en', ['I live with my mom']],
    ['¿Con qué te golpeó?', 'es', ['fue malo conmigo']],
  ] as const)('%s is suggestive', (text, language, child) => {
    expect(code(text, language, [...child])).toMatchObject({
      type: 'suggestive',
      verdict: 'avoid',
    });
  });

  // coach28 coded these option-posing/new-detail; coach41 (issue #16 item 2, the lead's scheme): with child words on record, an abuse-relevant unsaid detail in a closed question is suggestive/new-detail (Lamb et al. 2007); coach41-kinds.test.ts pins the split.
  it.each([
    ['Did Alex touch your bottom?', 'en', ['Alex hurt my bottom'], 'touch'],
    ['¿Alex te tocó la pompa?', 'es', ['Alex me lastimó la pompa'], 'tocó'],
  ] as const)(
    '%s is suggestive/new-detail, avoid, naming the detail',
    (text, language, child, cue) => {
      const c = code(text, language, [...child]);
      expect(c).toMatchObject({ type: 'suggestive', subtype: 'new-detail', verdict: 'avoid' });
      expect(c.reason).toContain(cue);
    },
  );

  it("keeps wh- questions in the child's own words as directives", () => {
    expect(code('How did he touch you?', 'en', ['he touched me']).type).toBe('directive');
    expect(code('What did he hit you with?', 'en', ['he hit me']).type).toBe('directive');
    expect(code('¿Cómo te tocó?', 'es', ['me tocó']).type).toBe('directive');
  });
});

describe('3. suggestive techniques that are not questions', () => {
  it.each([
    ['So he made you touch him.', 'en', ['he came in my room'], 'leading-declarative'],
    ['And then he took your clothes off.', 'en', ['he came in'], 'leading-declarative'],
    ['So he hit you with the belt.', 'en', ['he hit me'], 'leading-declarative'],
    ['Entonces él te hizo tocarlo.', 'es', ['entró a mi cuarto'], 'leading-declarative'],
    ['Your sister already told us what he did.', 'en', undefined, 'co-witness'],
    ['Everyone knows he is a bad man.', 'en', undefined, 'stereotype'],
    ['You can go home once you tell me.', 'en', undefined, 'pressure'],
    ['Try harder, I know you remember.', 'en', undefined, 'confrontation'],
    ["That's not what you told your teacher.", 'en', undefined, 'confrontation'],
    ["It wasn't your fault he did that.", 'en', undefined, 'reassurance'],
    ['I already asked you that. Did he touch you?', 'en', undefined, 'asked-answered'],
    ['What do you think he might have done?', 'en', undefined, 'speculation'],
    ['Tu hermana ya nos contó lo que te hizo.', 'es', undefined, 'co-witness'],
    ['Eso no es lo que le dijiste a tu maestra.', 'es', undefined, 'confrontation'],
    ['Imagina lo que te pudo haber hecho.', 'es', undefined, 'speculation'],
  ] as const)('%s', (text, language, child, subtype) => {
    expect(code(text, language, child ? [...child] : undefined)).toMatchObject({
      type: 'suggestive',
      subtype,
      recommended: false,
    });
  });

  it("treats a summary in the child's own words as a summary", () => {
    expect(code('So he hit you.', 'en', ['he hit me'])).toMatchObject({
      type: 'facilitator',
      subtype: 'summary',
    });
  });
});

describe('4. labels that presume', () => {
  it.each([
    ['Tell me about the abuse.', 'en'],
    ['Tell me about when he abused you.', 'en'],
    ['Tell me about your pimp.', 'en'],
    ['How did you get into prostitution?', 'en'],
    ['Were you a victim of trafficking?', 'en'],
    ['Cuéntame del abuso.', 'es'],
    ['¿Cómo empezaste en la prostitución?', 'es'],
    ['Cuéntame de tu padrote.', 'es'],
    ['¿Eres víctima de trata?', 'es'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'suggestive', subtype: 'label' });
  });

  it('lets the child’s own label through, and flags "did to you" against the context', () => {
    expect(code('Tell me more about the abuse.', 'en', ['he abused me']).type).not.toBe(
      'suggestive',
    );
    expect(code('Tell me what your uncle did to you.', 'en', ['I like my uncle']).type).toBe(
      'suggestive',
    );
    expect(code('Cuéntame lo que tu tío te hizo.', 'es', ['quiero a mi tío']).type).toBe(
      'suggestive',
    );
  });
});

describe('6. "Tell me if..." is option-posing', () => {
  it.each([
    ['Tell me if it was dark.', 'en'],
    ['Tell me whether anyone else was there.', 'en'],
    ['Dime si estaba oscuro.', 'es'],
  ] as const)('%s', (text, language) => {
    expect(code(text, language)).toMatchObject({ type: 'option-posing', recommended: false });
  });

  it('but "Tell me if you don\'t understand" is a ground rule', () => {
    expect(code("Tell me if you don't understand.", 'en').recommended).toBe(true);
  });
});

describe('7. unpunctuated speech-recognition text', () => {
  it.each([
    ['was the cake chocolate or vanilla', 'en', 'option-posing'],
    ["he gave you the cake didn't he", 'en', 'suggestive'],
    ['el pastel era de chocolate o de vainilla', 'es', 'option-posing'],
    ['te dio el pastel verdad', 'es', 'suggestive'],
  ] as const)('%s', (text, language, type) => {
    expect(code(text, language)).toMatchObject({ type, recommended: false });
  });
});

describe('8. Spanish (es-419)', () => {
  it.each(['¿De verdad?', 'Ohhh', 'Órale', 'Ajá'])('%s is a facilitator', (text) => {
    expect(code(text, 'es').type).toBe('facilitator');
  });

  it('does not code an instruction ending "¿de acuerdo?" as a question', () => {
    expect(code('Te voy a hacer unas preguntas, ¿de acuerdo?', 'es')).toMatchObject({
      type: 'other',
      recommended: true,
    });
  });

  it('keeps accents in explanations and takes Latin American forms', () => {
    expect(code('¿Dónde te tocó?', 'es', ['vino a la casa']).reason).toContain('tocó');
    expect(code('Platícame más de eso.', 'es').type).toBe('invitation');
    expect(code('Cuéntenme qué pasó.', 'es').type).toBe('invitation');
    expect(code('¿De qué color era el carro?', 'es', ['tenía un carro']).type).toBe('directive');
  });
});

describe('coachfix E/D: declarative suggestive techniques and their subtypes', () => {
  it.each([
    ['The police found pictures on his phone.', 'en', 'co-witness'],
    ['La policía encontró fotos en su celular.', 'es', 'co-witness'],
    ['We can finish as soon as you tell me what he did.', 'en', 'pressure'],
    ['Podemos terminar en cuanto me digas lo que te hizo.', 'es', 'pressure'],
    ["I know it's hard, but I know something happened.", 'en', 'confrontation'],
    ['Sé que es difícil, pero sé que algo pasó.', 'es', 'confrontation'],
    ['Todos saben que es un hombre malo.', 'es', 'stereotype'],
    ["Everyone knows he's a bad man.", 'en', 'stereotype'],
    ['Ya estás a salvo, puedes contarme.', 'es', 'reassurance'],
  ] as const)('%s', (text, language, subtype) => {
    const c = code(text, language);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe(subtype);
    expect(c.recommended).toBe(false);
  });
});

describe('coachfix B: "what else did he do to you" presumes more acts', () => {
  it.each([
    ['What else did he do to you?', 'en', ['he hit me'], 'What happened next?'],
    ['¿Qué más te hizo?', 'es', ['me pegó'], '¿Qué pasó después?'],
  ] as const)('%s', (text, language, child, suggestion) => {
    const c = code(text, language, [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('presumptive');
    expect(c.suggestion).toBe(suggestion);
  });

  it('still accepts "what he did to you" once the child has described an act', () => {
    expect(code('Tell me about what he did to you.', 'en', ['he hit me']).type).not.toBe(
      'suggestive',
    );
  });
});

describe('coachfix C: exploitation labels in any determiner', () => {
  it.each([
    ['Tell me about your dates.', ['I am 15']],
    ['Tell me about the dates.', ['I am 15']],
    ['Is your boyfriend the one who sets up your dates?', ['I have a boyfriend']],
  ] as const)('%s', (text, child) => {
    const c = code(text, 'en', [...child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('label');
  });

  it('is not flagged once the child used the word ("my dates")', () => {
    expect(code('Tell me about your dates.', 'en', ['he set up my dates']).subtype).not.toBe(
      'label',
    );
  });
});

describe('coachfix A: the fallback suggestion never presses a denial or points at the interviewer', () => {
  it.each([
    ['Did something happen to you?', 'en', [], 'Tell me what you came here to talk about today.'],
    ['¿Te pasó algo?', 'es', [], 'Cuéntame de qué viniste a hablar hoy.'],
  ] as const)('before any substantive words: %s', (text, language, child, suggestion) => {
    expect(code(text, language, [...child]).suggestion).toBe(suggestion);
  });

  it.each([
    ['Did he touch you?', 'en', ['we played cards', 'no']],
    ['Did he touch you?', 'en', ['we played cards', "I don't know"]],
    ['Did he touch you?', 'en', ['we played cards', "That's not right"]],
    ['¿Te tocó?', 'es', ['jugamos cartas', 'No.']],
    ['¿Te tocó?', 'es', ['jugamos cartas', 'no sé']],
    ['Is it okay if I ask you some more questions?', 'en', ['we played cards']],
  ] as const)(
    'no suggestion after a denial or for a procedural ask: %s',
    (text, language, child) => {
      const c = code(text, language, [...child]);
      expect(c.suggestion).toBeUndefined();
    },
  );
});
