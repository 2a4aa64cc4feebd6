// coach24 (issue #16): the classes the outside blind sets found wrong (class-level results only,
// no blind items), coded as the NICHD typology codes them, in es-419 and en alike, on a
// development set of Hearth's own written from published sources (coach24-devset.data.ts; the
// hold-out 30% there was fixed before any rule change and scored once, at the end).
import { classifyQuestion, type Language, type QuestionType } from '../../../src/questions';
import { DEV_ITEMS, SOURCES, type DevItem } from './coach24-devset.data';

const code = (item: DevItem) =>
  classifyQuestion(item.text, item.language, item.child ? { childWords: item.child } : undefined);
const top = (t: QuestionType): QuestionType => (t === 'cued-invitation' ? 'invitation' : t);

describe('coach24 development set', () => {
  it('has >= 120 es and >= 60 en items, each with a known source, 30% held out per language', () => {
    for (const language of ['es', 'en'] as const) {
      const mine = DEV_ITEMS.filter((i) => i.language === language);
      expect(mine.length).toBeGreaterThanOrEqual(language === 'es' ? 120 : 60);
      const held = mine.filter((i) => i.split === 'holdout').length;
      expect(Math.abs(held / mine.length - 0.3)).toBeLessThan(0.01);
    }
    for (const item of DEV_ITEMS) expect(SOURCES[item.source]).toBeDefined();
  });

  it.each(
    DEV_ITEMS.filter((i) => i.split === 'dev').map(
      (i) =>
        [
          i.language,
          i.text,
          i.type,
          i.child ? 'child said something' : 'context unknown',
          i,
        ] as const,
    ),
  )('%s "%s" codes as %s (%s)', (_l, _t, _type, _c, item) => {
    expect(code(item).type).toBe(item.type);
  });

  it.each(['es', 'en'] as const)(
    'codes the %s hold-out at the issue target (>= 92% top-level)',
    (language: Language) => {
      const held = DEV_ITEMS.filter((i) => i.language === language && i.split === 'holdout');
      const right = held.filter((i) => top(code(i).type) === top(i.type)).length;
      expect(right / held.length).toBeGreaterThanOrEqual(0.92);
    },
  );
});

type Case = [Language, string, string[] | undefined, QuestionType];
const expectAll = (cases: Case[]) =>
  it.each(cases)('%s "%s" (child: %j) codes as %s', (language, text, child, type) => {
    expect(classifyQuestion(text, language, child ? { childWords: child } : undefined).type).toBe(
      type,
    );
  });

describe("(a) a general invitation stays one when a word of it recurs in the child's words", () => {
  expectAll([
    ['en', 'Tell me everything that happened that night.', ['it happened at night'], 'invitation'],
    ['es', 'Cuéntame todo lo que pasó esa noche.', ['pasó en la noche'], 'invitation'],
    ['en', 'Tell me more about what happened.', ['it happened at his house'], 'invitation'],
    ['es', 'Cuéntame más sobre lo que pasó.', ['pasó en su casa'], 'invitation'],
    ['en', 'Think about that day and tell me everything.', ['that day he came'], 'invitation'],
    ['es', 'Piensa en ese día y cuéntame todo.', ['ese día él vino'], 'invitation'],
    // Refocusing on a detail the child mentioned is still a cued invitation.
    ['en', 'Tell me more about the yard.', ['he pushed me in the yard'], 'cued-invitation'],
    ['es', 'Cuéntame más sobre el patio.', ['me empujó en el patio'], 'cued-invitation'],
    ['en', 'Tell me more about what you just told me.', ['my uncle hit me'], 'cued-invitation'],
    ['es', 'Cuéntame más sobre lo que me dijiste.', ['mi tío me pegó'], 'cued-invitation'],
  ]);
});

describe('(c) clothes and comings and goings are neutral in both languages', () => {
  expectAll([
    ['es', '¿Qué ropa llevabas puesta?', ['fuimos al parque'], 'directive'],
    ['en', 'What clothes were you wearing?', ['we went to the park'], 'directive'],
    ['es', '¿Cuándo volvió tu papá?', ['mi papá salió'], 'directive'],
    ['es', '¿Qué pasó después de que salió tu papá?', ['mi papá salió'], 'cued-invitation'],
    ['en', 'When did your dad come back?', ['my dad left'], 'directive'],
    ['en', 'What happened after your dad left?', ['my dad left'], 'cued-invitation'],
    ['es', '¿Qué pasó la última vez que lo viste?', ['él es mi vecino'], 'invitation'],
    ['en', 'What happened the last time you saw him?', ['he is my neighbour'], 'invitation'],
    // Undressing is still a detail the question may not bring in ...
    // coach28: yes/no questions introducing an act: option-posing/new-detail (NICHD typology);
    // coach41 (issue #16 item 2, the lead's scheme): undressing is an act, suggestive/new-detail.
    ['es', '¿Te quitó la ropa?', ['él fue malo conmigo'], 'suggestive'],
    ['en', 'Did he take off your clothes?', ['he was mean to me'], 'suggestive'],
    // ... and once the child described one, "make you do" presumes nothing new.
    ['en', 'What did she make you do?', ['she made me take my shirt off'], 'directive'],
    [
      'es',
      '¿Qué pasó cuando te obligó a quitarte la ropa?',
      ['me obligó a quitarme la ropa'],
      'cued-invitation',
    ],
    // "Entró" can name penetration: still checked.
    ['es', '¿Fue su dedo el que entró?', ['me tocó'], 'suggestive'],
    // "Dolió" after "lastimó" is the child's own hurt, as "hurt" after "hurt" is in English.
    ['es', '¿Te dolió el brazo?', ['me lastimó el brazo'], 'option-posing'],
    ['en', 'Did your arm hurt?', ['he hurt my arm'], 'option-posing'],
  ]);
});

describe('(d) "go on" prompts are facilitators in both languages (Lamb et al. 2008)', () => {
  expectAll([
    ['en', 'Go on.', undefined, 'facilitator'],
    ['en', 'Continue.', undefined, 'facilitator'],
    ['es', 'Sigue.', undefined, 'facilitator'],
    ['es', 'Siga.', undefined, 'facilitator'],
    ['es', 'Seguí.', undefined, 'facilitator'],
    ['es', 'Continúa.', undefined, 'facilitator'],
    ['es', 'Continuá.', undefined, 'facilitator'],
    // Asking for more telling is an invitation in both.
    ['en', 'Keep telling me.', undefined, 'invitation'],
    ['es', 'Seguí contando.', undefined, 'invitation'],
  ]);
});

describe('(e) es-419 forms code as their English equivalents', () => {
  expectAll([
    ['en', 'Can you tell me what happened?', undefined, 'invitation'],
    ['es', '¿Puedes contarme qué pasó?', undefined, 'invitation'],
    ['es', '¿Me podés contar qué pasó?', undefined, 'invitation'],
    ['es', 'Cuéntamelo todo.', undefined, 'invitation'],
    ['es', 'Platíqueme todo lo que pasó.', undefined, 'invitation'],
    ['es', 'Decime todo lo que te acordás.', undefined, 'invitation'],
    ['es', '¿Y luego?', ['fuimos en la guagua'], 'invitation'],
    ['es', 'Cuéntame más de la troca.', ['me subió a su troca'], 'cued-invitation'],
  ]);
});
