// Practitioner review 4 (kinds, each with en and es forms of our own wording): the context rule
// for sessions that type no child turns (X1), phase-aware suggestions and logistics statements
// (X4), feelings put to the child (X5), the hypothetical putative confession (m1), bare act
// claims without context (m2), and "go back" (m3).
import { stageOfPhase, planSession } from '../../../src/protocols';
import {
  classifyQuestion,
  liveChildContext,
  UNANSWERED_QUESTIONS_LIMIT,
} from '../../../src/questions';

describe('liveChildContext: an empty list is silence only at the very start', () => {
  it('keeps the child words known once any child turn is recorded', () => {
    expect(liveChildContext(['we played'], 40)).toEqual({ childWords: ['we played'] });
  });
  it('reads [] as "nothing said yet" at the start of an interview', () => {
    for (let n = 0; n <= UNANSWERED_QUESTIONS_LIMIT; n++)
      expect(liveChildContext([], n)).toEqual({ childWords: [] });
  });
  it('reads [] as unrecorded after more unanswered questions', () => {
    expect(liveChildContext([], UNANSWERED_QUESTIONS_LIMIT + 1)).toEqual({
      childWordsUnrecorded: true,
    });
  });
  it.each([
    ['en', 'Tell me more about the car.', /not recorded/],
    ['es', 'Cuéntame más sobre el carro.', /No se registraron/],
  ] as const)('codes without presumption checks and says so (%s)', (lang, text, note) => {
    const start = classifyQuestion(text, lang, liveChildContext([], 0));
    expect(start).toMatchObject({ type: 'suggestive', subtype: 'presumptive' });
    expect(start.contextNote).toBeUndefined();
    const unrecorded = classifyQuestion(text, lang, liveChildContext([], 5));
    expect(unrecorded.type).not.toBe('suggestive');
    expect(unrecorded.contextNote).toMatch(note);
  });
});

describe('suggestions depend on the stage of the interview (X4)', () => {
  it.each([
    ['en', 'Tell me more about the car.', 'Tell me what you came here to talk about today.'],
    ['es', 'Cuéntame más sobre el carro.', 'Cuéntame de qué viniste a hablar hoy.'],
  ] as const)(
    'never offers the allegation invitation before the transition (%s)',
    (lang, text, opening) => {
      const before = classifyQuestion(text, lang, { childWords: [], stage: 'pre-substantive' });
      expect(before.verdict).toBe('avoid');
      expect(before.suggestion).not.toBe(opening);
      const during = classifyQuestion(text, lang, { childWords: [], stage: 'substantive' });
      expect(during.suggestion).toBe(opening);
    },
  );

  it('finds the stage from the plan: rapport and closing outside, transition on inside', () => {
    const plan = planSession('nichd', 8, 'en');
    const phases = plan.sessions[0]!.phases;
    const ids = phases.map((p) => p.id);
    const transition = phases.findIndex((p) =>
      p.prompts.some((q) => q.id.startsWith('transition.')),
    );
    expect(transition).toBeGreaterThan(0);
    expect(stageOfPhase(phases, ids[0])).toBe('pre-substantive');
    expect(stageOfPhase(phases, ids[transition])).toBe('substantive');
    expect(stageOfPhase(phases, ids[ids.length - 1])).toBe('closing');
    expect(stageOfPhase(phases, 'no-such-phase')).toBeUndefined();
  });

  it.each([
    ['en', 'Your grandma is waiting outside.'],
    ['en', 'The detective is listening in the other room.'],
    ['en', 'Your aunt will be right here.'],
    ['es', 'Tu abuela te está esperando afuera.'],
    ['es', 'La detective está escuchando en el otro cuarto.'],
  ] as const)(
    'codes who waits or watches as a statement, not suggestive (%s: %s)',
    (lang, text) => {
      for (const childWords of [[], undefined])
        expect(classifyQuestion(text, lang, childWords ? { childWords } : {})).toMatchObject({
          type: 'other',
          subtype: 'statement',
          verdict: 'recommended',
        });
    },
  );

  it.each([
    ['en', 'Your uncle is waiting outside because he hurt you.'],
    ['en', 'Your uncle was watching when it happened.'],
    ['es', 'Tu tío está esperando afuera porque te lastimó.'],
  ] as const)('still flags a setting statement that asserts the event (%s: %s)', (lang, text) => {
    expect(classifyQuestion(text, lang, { childWords: [] }).type).toBe('suggestive');
  });
});

describe('feelings put to the child (X5; Ahern & Lyon 2013)', () => {
  it.each([
    ['en', 'It sounds like you were really frightened.', 'he pushed me', 'i was frightened'],
    ['en', 'Seems like you felt embarrassed.', 'he laughed at me', 'i felt embarrassed'],
    ['en', 'You look upset.', 'i want my mom', 'i am upset'],
    ['es', 'Parece que estabas asustada.', 'me empujó', 'estaba asustada'],
    ['es', 'Te veo preocupado.', 'quiero a mi mamá', 'estoy preocupado'],
    ['es', 'Se nota que te sentiste avergonzada.', 'se rió de mí', 'me sentí avergonzada'],
  ] as const)(
    '%s "%s": suggestive unless the child said the feeling',
    (lang, text, other, said) => {
      const unsaid = classifyQuestion(text, lang, { childWords: [other] });
      expect(unsaid).toMatchObject({ type: 'suggestive', subtype: 'emotional', verdict: 'avoid' });
      expect(unsaid.suggestion).toBe(lang === 'en' ? 'How did you feel?' : '¿Cómo te sentiste?');
      expect(classifyQuestion(text, lang).type).toBe('suggestive');
      expect(classifyQuestion(text, lang, { childWords: [other, said] }).verdict).toBe(
        'recommended',
      );
    },
  );

  it.each([
    ['en', 'How did you feel?'],
    ['es', '¿Cómo te sentiste?'],
    ['en', 'It sounds like you went to the park.'],
  ] as const)(
    'leaves a question about feelings, or a frame with no feeling, alone (%s)',
    (lang, text) => {
      expect(
        classifyQuestion(text, lang, { childWords: ['we went to the park'] }).verdict,
      ).not.toBe('avoid');
    },
  );
});

describe('hypothetical putative confession (m1; Lyon et al. 2014; Stolzenberg et al. 2017)', () => {
  it.each([
    ['en', 'What if I said that Rosa told me everything that happened?', 'Rosa'],
    ['en', 'What if I told you Rosa already told me what happened?', 'Rosa'],
    ['es', '¿Y si te dijera que Rosa me contó todo lo que pasó?', 'Rosa'],
    ['es', '¿Qué pasaría si te digo que Rosa ya me contó lo que pasó?', 'Rosa'],
  ] as const)(
    'codes the Ten Step option alike in en and es, with the team caution (%s)',
    (lang, text, name) => {
      const c = classifyQuestion(text, lang, { childWords: [name] });
      expect(c).toMatchObject({
        type: 'other',
        subtype: 'putative-confession',
        verdict: 'ask-differently',
      });
      expect(c.reason).toMatch(lang === 'en' ? /recorded decision/ : /decisión registrada/);
      expect(c.suggestion).toBeUndefined();
    },
  );

  it.each([
    ['en', 'What if I said that Rosa told me he touched you?'],
    ['es', '¿Y si te dijera que Rosa me contó que él te tocó?'],
  ] as const)('is not the protocol form when it names an act (%s)', (lang, text) => {
    expect(classifyQuestion(text, lang, { childWords: ['Rosa'] }).type).toBe('suggestive');
  });
});

describe('bare act claims and "go back" (m2, m3)', () => {
  it.each([
    ['en', 'She hurt you.'],
    ['en', 'So they hit you at the park.'],
    ['es', 'Ella te lastimó.'],
    ['es', 'Entonces ellos te pegaron en el parque.'],
  ] as const)('flags a bare act claim without context alike (%s: %s)', (lang, text) => {
    expect(classifyQuestion(text, lang).type).toBe('suggestive');
  });

  it.each([
    ['en', 'Why did you go back to the store?', 'i went to the store'],
    ['en', 'Why did you come back home?', 'i came home'],
    ['es', '¿Por qué regresaste a la tienda?', 'fui a la tienda'],
  ] as const)(
    "codes a why about the child's own going back as blame, not a new detail (%s)",
    (lang, text, said) => {
      expect(classifyQuestion(text, lang, { childWords: [said] })).toMatchObject({
        type: 'directive',
        subtype: 'why',
        verdict: 'ask-differently',
      });
    },
  );
});

describe('second practitioner pass (own probes)', () => {
  it.each([
    ['en', 'It seems like that made you sad.', ['he sat on my bed']],
    ['es', 'Parece que eso te puso triste.', ['se sentó en mi cama']],
  ] as const)('a feeling caused by "that" is still put to the child (%s)', (lang, text, said) => {
    expect(classifyQuestion(text, lang, { childWords: [...said] })).toMatchObject({
      type: 'suggestive',
      subtype: 'emotional',
    });
  });

  it('reads the Spanish inverted order of who is waiting as the setting', () => {
    expect(
      classifyQuestion('Te está esperando tu abuela en la sala.', 'es', { childWords: [] }),
    ).toMatchObject({ type: 'other', verdict: 'recommended' });
  });
});
