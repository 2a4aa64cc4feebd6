// Practitioner review 5 (N1-N5, N8): each fault as a kind, in en and es-419, with and without the
// child's words. Our own utterances, written from the sources the review cites (NICHD revised
// protocol 2014; Lamb et al. 2018; ABE 2022 closure; NCAC 2019 closure), not from a labelled set.
import { planSession, stageOfPhase } from '../../../src/protocols';
import { classifyQuestion, type ClassifyContext, type Language } from '../../../src/questions';

const code = (text: string, lang: Language, context?: ClassifyContext) =>
  classifyQuestion(text, lang, context);

describe('N1: the last / first / another time presumes more than one incident', () => {
  const prompts: Array<[Language, string, string]> = [
    ['en', 'Tell me about the last time he touched you.', 'he touched me'],
    ['en', 'Tell me everything about the first time he touched you.', 'he touched me'],
    ['en', 'Tell me about another time he touched you.', 'he touched me'],
    ['en', 'What happened the last time it happened?', 'it happened in his room'],
    ['es', 'Cuéntame de la última vez que te tocó.', 'me tocó'],
    ['es', 'Cuéntame todo sobre la primera vez que te tocó.', 'me tocó'],
    ['es', 'Cuéntame de otra vez que te tocó.', 'me tocó'],
    ['es', '¿Qué pasó la última vez que pasó?', 'pasó en su cuarto'],
    ['en', 'Tell me about another time that you remember.', 'he touched me'],
    ['es', 'Cuéntame de otra vez que recuerdes.', 'me tocó'],
  ];

  it.each(prompts)('%s "%s" is flagged when the child described one event', (lang, text, said) => {
    const c = code(text, lang, { childWords: [said], stage: 'substantive' });
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('presumptive');
    expect(c.verdict).toBe('avoid');
    // The protocol's own question, never the interviewer's words.
    expect(c.suggestion).toBe(
      lang === 'en'
        ? 'Did that happen one time or more than one time?'
        : '¿Eso pasó una vez o más de una vez?',
    );
  });

  const plural: Record<Language, string[]> = {
    en: [
      'it happened lots of times',
      'he does it every time I go there',
      'he always does that',
      'more than one time',
      'he did it again',
      'three times',
      'it happened a lot',
    ],
    es: [
      'pasó muchas veces',
      'siempre me hace eso',
      'me lo hizo otra vez',
      'más de una vez',
      'cada vez que voy',
      'tres veces',
      'eso pasaba mucho',
    ],
  };
  it.each(prompts)(
    '%s "%s" stays an invitation once the child said it happened more than once',
    (lang, text, said) => {
      for (const more of plural[lang]) {
        const c = code(text, lang, { childWords: [said, more], stage: 'substantive' });
        expect([c.type, more]).toEqual([expect.stringMatching(/invitation$/), more]);
        expect(c.recommended).toBe(true);
      }
    },
  );

  it('does not read a later session\'s "last time you told me" as an incident', () => {
    const en = code('Last time you told me about the basement. Tell me more about that.', 'en', {
      childWords: ['the basement'],
    });
    expect(en.subtype).not.toBe('presumptive');
    const es = code('La otra vez me contaste sobre el sótano. Cuéntame más sobre eso.', 'es', {
      childWords: ['el sótano'],
    });
    expect(es.subtype).not.toBe('presumptive');
  });

  it.each([
    ['en', 'Tell me about the last time you went to the park.', 'i like the park'],
    ['es', 'Cuéntame de la última vez que fuiste al parque.', 'me gusta el parque'],
  ] as Array<[Language, string, string]>)(
    '%s "%s" about the child\'s own activity is not about incidents',
    (lang, text, said) => {
      for (const stage of ['pre-substantive', 'substantive', undefined] as const) {
        const c = code(text, lang, { childWords: [said], ...(stage ? { stage } : {}) });
        expect(c.subtype).not.toBe('presumptive');
      }
    },
  );

  it('is off in rapport, where "the last time" is everyday life', () => {
    const words = { childWords: ['i like snow'] };
    const rapport = code('Tell me about the last time it snowed.', 'en', {
      ...words,
      stage: 'pre-substantive',
    });
    expect(rapport.type).not.toBe('suggestive');
    const substantive = code('Tell me about the last time it snowed.', 'en', {
      ...words,
      stage: 'substantive',
    });
    expect(substantive.subtype).toBe('presumptive');
  });

  it("leaves the check off when the child's words are unknown", () => {
    const c = code('Tell me about the last time you played soccer.', 'en');
    expect(c.type).not.toBe('suggestive');
  });
});

describe('N2: the closing phase', () => {
  it('stages the phases after the last substantive one as the closing', () => {
    for (const id of ['nichd', 'ncac', 'abe'] as const) {
      const phases = planSession(id, 9, 'en').sessions[0]!.phases;
      const last = phases[phases.length - 1]!;
      expect([id, stageOfPhase(phases, last.id)]).toEqual([id, 'closing']);
    }
  });

  it.each([
    ['en', 'If anything else happens, who can you tell?', 'he hurt me'],
    ['es', '¿Si pasa algo más, a quién le puedes contar?', 'me lastimó'],
    ['es', 'Si te pasa algo, ¿a quién le puedes decir?', 'me lastimó'],
  ] as Array<[Language, string, string]>)(
    '%s safety question "%s" is a wh- directive, with no suggestion in the closing',
    (lang, text, said) => {
      const c = code(text, lang, { childWords: [said], stage: 'closing' });
      expect([c.type, c.subtype]).toEqual(['directive', 'wh']);
      expect(c.suggestion).toBeUndefined();
    },
  );

  it.each([
    ['en', 'Is there anything else you want me to know?'],
    ['en', 'Is there anything else you think I should know?'],
    ['es', '¿Hay algo más que quieras que yo sepa?'],
    ['es', '¿Hay algo más que creas que yo debería saber?'],
  ] as Array<[Language, string]>)(
    '%s closing line "%s" codes as the protocol\'s own option-posing, unflagged, in both languages',
    (lang, text) => {
      // The NICHD closing question is yes/no in form and asked on purpose: option-posing,
      // subtype 'protocol', without a warning (issue #16 item 5, coach36; session 14 had coded
      // it a yes/no-form invitation). A bare "Is there anything else?" keeps that coding.
      for (const childWords of [undefined, [], [lang === 'en' ? 'he hurt me' : 'me lastimó']]) {
        const c = code(text, lang, { ...(childWords ? { childWords } : {}), stage: 'closing' });
        expect([c.type, c.subtype, c.verdict]).toEqual(['option-posing', 'protocol', 'acceptable']);
        expect(c.recommended).toBe(true);
      }
    },
  );

  it('never reopens the allegation in the closing, while the substantive stage still does', () => {
    const en = 'Did he do anything else?';
    const ctx = { childWords: ['he hurt me'] };
    expect(code(en, 'en', { ...ctx, stage: 'closing' }).suggestion).toBeUndefined();
    expect(code(en, 'en', { ...ctx, stage: 'substantive' }).suggestion).toBeDefined();
    const es = '¿Te hizo algo más?';
    const ctxEs = { childWords: ['me lastimó'] };
    expect(code(es, 'es', { ...ctxEs, stage: 'closing' }).suggestion).toBeUndefined();
    expect(code(es, 'es', { ...ctxEs, stage: 'substantive' }).suggestion).toBeDefined();
  });
});

describe('N3: the graded transition in its common wordings', () => {
  // Practitioner review 8, P8-5: "something may have happened at [place]" is no longer one of
  // Hearth's scripted prompts (NICHD's focused place prompt is the yes/no "Has something happened
  // to you at [place]?", option-posing). Said freely, a private place the child has not named
  // brings in the team's event and place: never recommended. ("At school" is an everyday place
  // the coach does not treat as a new detail, so it is not among these.)
  it.each([
    ['es', 'Supe que algo pudo haber pasado en la casa del abuelo. Cuéntame todo sobre eso.'],
    ['es', 'Supe que pudo haber pasado algo en la casa del abuelo. Cuéntame todo sobre eso.'],
    [
      'es',
      'Me dijeron que algo podría haber pasado en la casa de tu tía. Cuéntame todo sobre eso.',
    ],
    [
      'en',
      "I heard something might have happened at Grandpa's house. Tell me everything about that.",
    ],
    [
      'en',
      "I was told that something could have happened at your dad's house. Tell me everything about that.",
    ],
  ] as Array<[Language, string]>)(
    '%s "%s", the child having said nothing of the place, is suggestive',
    (lang, text) => {
      const c = code(text, lang, { childWords: [], stage: 'substantive' });
      expect([c.type, c.verdict]).toEqual(['suggestive', 'avoid']);
    },
  );

  it.each([
    ['es', 'Me enteré de que hablaste con tu maestra. Cuéntame de qué hablaron.'],
    ['en', 'I understand that you talked to your teacher. Tell me what you talked about.'],
  ] as Array<[Language, string]>)('%s "%s" is team information, with caution', (lang, text) => {
    for (const childWords of [undefined, []]) {
      const c = code(text, lang, { ...(childWords ? { childWords } : {}), stage: 'substantive' });
      expect([c.type, c.subtype, c.verdict]).toEqual([
        'cued-invitation',
        'team-information',
        'acceptable-with-caution',
      ]);
    }
  });

  it.each([
    ['es', 'Supe que algo pudo haber pasado en la casa del abuelo cuando te tocó. Cuéntame todo.'],
    ['en', "I heard that something might have happened when he touched you at Grandpa's house."],
    ['en', "I heard that he hurt you at Grandpa's house. Tell me everything about that."],
  ] as Array<[Language, string]>)('%s "%s" that names an act stays suggestive', (lang, text) => {
    expect(code(text, lang, { childWords: [], stage: 'substantive' }).type).toBe('suggestive');
  });
});

describe('N4: who observes, said the same way in both languages', () => {
  it.each([
    ['en', 'The police officer is watching from the other room.'],
    ['en', 'A police officer is watching from the other room.'],
    ['en', 'There is a detective watching from the other room.'],
    ['es', 'Un policía está mirando desde el otro cuarto.'],
    ['es', 'Un oficial de policía nos está viendo desde el otro cuarto.'],
    ['es', 'Hay un detective mirando desde la otra sala.'],
    ['es', 'El policía está mirando desde el otro cuarto.'],
  ] as Array<[Language, string]>)('%s "%s" is a statement about the setting', (lang, text) => {
    for (const stage of ['pre-substantive', undefined] as const) {
      const c = code(text, lang, { childWords: [], ...(stage ? { stage } : {}) });
      expect([c.type, c.subtype, c.verdict]).toEqual(['other', 'statement', 'recommended']);
    }
  });

  it('does not take an act in the event for the setting', () => {
    expect(
      code('A police officer is watching while he touches you.', 'en', { childWords: [] }).type,
    ).toBe('suggestive');
    expect(
      code('Un policía está mirando mientras él te toca.', 'es', { childWords: [] }).type,
    ).toBe('suggestive');
  });
});

describe('N5: pain is a detail the child has not given, in both languages', () => {
  it.each([
    ['en', 'Did it hurt?', 'he touched me', 'it hurt a lot'],
    ['es', '¿Te dolió?', 'me tocó', 'me dolió mucho'],
    ['es', '¿Te duele?', 'me tocó', 'me duele'],
  ] as Array<[Language, string, string, string]>)(
    '%s "%s" is a new detail until the child says it',
    (lang, text, said, pain) => {
      // coach28: option-posing/new-detail under the NICHD typology (decision.ts), still "avoid".
      const before = code(text, lang, { childWords: [said] });
      expect([before.type, before.subtype, before.verdict]).toEqual([
        'option-posing',
        'new-detail',
        'avoid',
      ]);
      const after = code(text, lang, { childWords: [said, pain] });
      expect(after.type).not.toBe('suggestive');
      expect(after.subtype).not.toBe('new-detail');
      expect(after.verdict).not.toBe('avoid');
    },
  );
});

describe('N8: the disclosure recipient, from the child or from the team', () => {
  it.each([
    ['en', 'Tell me how your teacher found out.', 'he touched me', 'i told my teacher'],
    ['es', 'Cuéntame cómo se enteró tu maestra.', 'me tocó', 'le conté a mi maestra'],
  ] as Array<[Language, string, string, string]>)(
    '%s "%s": team information with caution until the child names the person',
    (lang, text, said, named) => {
      const team = code(text, lang, { childWords: [said], stage: 'substantive' });
      expect([team.type, team.subtype, team.verdict]).toEqual([
        'cued-invitation',
        'team-information',
        'acceptable-with-caution',
      ]);
      // The same caution as the graded transition's "I heard that you talked to ...".
      const transition =
        lang === 'en'
          ? 'I heard that you talked to your teacher. Tell me what you talked about.'
          : 'Supe que hablaste con tu maestra. Cuéntame de qué hablaron.';
      expect(code(transition, lang, { childWords: [said] }).verdict).toBe(team.verdict);
      const child = code(text, lang, { childWords: [said, named], stage: 'substantive' });
      expect([child.type, child.subtype, child.verdict]).toEqual([
        'cued-invitation',
        'child-words',
        'recommended',
      ]);
    },
  );

  // Practitioner review 8, P8-4: "telling your teacher" presumes the child told her; until the
  // child has said so it is presumptive, after that it is the child's own words.
  it.each([
    ['en', 'Tell me about telling your teacher.', 'he touched me', 'i told my teacher'],
    ['es', 'Cuéntame cómo le contaste a tu maestra.', 'me tocó', 'le conté a mi maestra'],
  ] as Array<[Language, string, string, string]>)(
    '%s "%s": presumptive until the child says she told, then the child\'s words',
    (lang, text, said, named) => {
      const before = code(text, lang, { childWords: [said], stage: 'substantive' });
      expect([before.type, before.verdict]).toEqual(['suggestive', 'avoid']);
      const child = code(text, lang, { childWords: [said, named], stage: 'substantive' });
      expect([child.type, child.subtype, child.verdict]).toEqual([
        'cued-invitation',
        'child-words',
        'recommended',
      ]);
    },
  );

  it('still flags an act put into the disclosure question', () => {
    const c = code('Tell me how your teacher found out about the touching.', 'en', {
      childWords: ['he hurt me'],
    });
    expect(c.type).toBe('suggestive');
  });
});
