// coach25 (issue #16): the kinds the outside blind sets still found wrong (class-level results
// only: es facilitators 16/20, en invitations 16/20; no blind item read), coded by the NICHD
// typology in es-419 and en alike, on Hearth's own development set (coach25-devset.data.ts: 30% of
// it held out by a seeded shuffle fixed before any coach25 rule change, scored at the end).
import { classifyQuestion, type Language, type QuestionType } from '../../../src/questions';
import { placeMatcher } from '../../../src/questions/place-words';
import { stem } from '../../../src/questions/text';
import { DEV_ITEMS, SOURCES } from './coach25-devset.data';
import type { DevItem } from './coach24-devset.data';

const code = (item: DevItem) =>
  classifyQuestion(item.text, item.language, item.child ? { childWords: item.child } : undefined);
const top = (t: QuestionType): QuestionType => (t === 'cued-invitation' ? 'invitation' : t);

describe('coach25 development set', () => {
  it('has >= 65 items per language, each with a known source, 30% held out per language', () => {
    for (const language of ['es', 'en'] as const) {
      const mine = DEV_ITEMS.filter((i) => i.language === language);
      expect(mine.length).toBeGreaterThanOrEqual(65);
      const held = mine.filter((i) => i.split === 'holdout').length;
      expect(Math.abs(held / mine.length - 0.3)).toBeLessThan(0.01);
    }
    for (const item of DEV_ITEMS) expect(SOURCES[item.source]).toBeDefined();
  });

  it.each(['es', 'en'] as const)(
    'codes the %s dev part at >= 97% top-level (the one known miss is reported)',
    (language: Language) => {
      const dev = DEV_ITEMS.filter((i) => i.language === language && i.split === 'dev');
      const right = dev.filter((i) => top(code(i).type) === top(i.type)).length;
      expect(right / dev.length).toBeGreaterThanOrEqual(0.97);
    },
  );

  it.each(['es', 'en'] as const)(
    'codes the %s hold-out at the issue target (>= 92% top-level)',
    (language: Language) => {
      const held = DEV_ITEMS.filter((i) => i.language === language && i.split === 'holdout');
      const right = held.filter((i) => top(code(i).type) === top(i.type)).length;
      expect(right / held.length).toBeGreaterThanOrEqual(0.92);
    },
  );

  it('flags no invitation or facilitator of the set (<= 3% target) and every suggestive item', () => {
    const open = DEV_ITEMS.filter((i) =>
      ['invitation', 'cued-invitation', 'facilitator'].includes(i.type),
    );
    const flagged = open.filter((i) => !code(i).recommended).map((i) => i.text);
    expect(flagged.length / open.length).toBeLessThanOrEqual(0.03);
    const risky = DEV_ITEMS.filter((i) => i.type === 'suggestive' || i.type === 'option-posing');
    expect(risky.filter((i) => code(i).recommended).map((i) => i.text)).toEqual([]);
  });
});

type Case = [Language, string, string[] | undefined, QuestionType];
const expectAll = (cases: Case[]) =>
  it.each(cases)('%s "%s" (child: %j) codes as %s', (language, text, child, type) => {
    expect(classifyQuestion(text, language, child ? { childWords: child } : undefined).type).toBe(
      type,
    );
  });
const MEAN = ['he was mean to me'];
const MALO = ['él fue malo conmigo'];

describe('room talk in the plain present is procedure, not a leading declarative', () => {
  expectAll([
    ['en', 'The couch is soft.', MEAN, 'other'],
    ['es', 'El sillón es suave.', MALO, 'other'],
    ['en', 'The window looks out on the parking lot.', MEAN, 'other'],
    ['en', 'So the camera records everything.', undefined, 'other'],
    ['es', 'El reloj de la pared marca las diez.', MALO, 'other'],
    // A person, a past act or an act of the event keeps the check.
    ['en', 'The couch is where he touched you.', MEAN, 'suggestive'],
    ['es', 'El sillón es donde te tocó.', MALO, 'suggestive'],
    ['en', 'The couch was soft.', MEAN, 'suggestive'],
    ['en', 'Your uncle does bad things to kids.', MEAN, 'suggestive'],
    ['en', 'Your dad hurts you.', ['I live with my dad'], 'suggestive'],
  ]);
  it('says why (procedure), in the interview language', () => {
    const c = classifyQuestion('The couch is soft.', 'en', { childWords: MEAN });
    expect(c.subtype).toBe('procedure');
    expect(c.recommended).toBe(true);
  });
});

describe("support for the child's present state is a facilitator, not an emotional label", () => {
  expectAll([
    ['en', 'You look worried right now.', MEAN, 'facilitator'],
    ['es', 'Te ves preocupada ahorita.', MALO, 'facilitator'],
    ['en', 'That must have been hard.', MEAN, 'facilitator'],
    ['es', 'Eso debió ser difícil.', MALO, 'facilitator'],
    ['es', 'Parece que estás nerviosa ahorita.', MALO, 'facilitator'],
    // A feeling about the event, or in the past, is still put to the child.
    ['en', 'I bet you were scared when he grabbed you.', MEAN, 'suggestive'],
    ['en', 'You looked scared when he came in.', MEAN, 'suggestive'],
    ['es', 'Te veías asustada cuando él entró.', MALO, 'suggestive'],
    ['en', 'That must have been scary.', MEAN, 'suggestive'],
    ['es', 'Apuesto a que tuviste miedo cuando te agarró.', MALO, 'suggestive'],
  ]);
  it('names the revised NICHD protocol as the source', () => {
    const c = classifyQuestion('You look worried right now.', 'en', { childWords: MEAN });
    expect(c.reason).toMatch(/Hershkowitz, Lamb & Katz 2014/);
    expect(classifyQuestion('Te ves preocupada ahorita.', 'es').reason).toMatch(/Hershkowitz/);
  });
});

describe('Spanish facilitators: backchannels, trailing continuations, echoes', () => {
  const PARQUE = ['fuimos al parque con mi primo'];
  expectAll([
    ['es', 'Y luego…', PARQUE, 'facilitator'],
    ['es', 'Okey, y entonces...', PARQUE, 'facilitator'],
    ['es', 'Okey… y…', PARQUE, 'facilitator'],
    ['es', 'Ok... ¿y?', PARQUE, 'facilitator'],
    ['es', 'Mhm… sí.', PARQUE, 'facilitator'],
    ['es', 'Ok… ¿y luego?', PARQUE, 'invitation'],
    ['es', 'Ándale pues.', PARQUE, 'facilitator'],
    ['es', 'Órale pues.', PARQUE, 'facilitator'],
    ['es', 'Dale.', PARQUE, 'facilitator'],
    ['es', '¿Neta?', PARQUE, 'facilitator'],
    ['es', '¿Que era un secreto?', ['me dijo que era un secreto'], 'facilitator'],
    // One word of the child's said back with a rising tone is a restatement too.
    ['es', '¿Sola?', ['yo me quedé sola'], 'facilitator'],
    ['en', 'Naked?', ['I was naked'], 'facilitator'],
    ['es', '¿Sola?', ['yo estaba con mi mamá'], 'option-posing'],
    // coach28: a yes/no question with a new detail, option-posing/new-detail (decision.ts); since
    // coach41 (issue #16 item 2, the lead's scheme; Lamb et al. 2007) an abuse-relevant one
    // (undressing) is suggestive/new-detail.
    ['en', 'Naked?', MEAN, 'suggestive'],
    ['es', '¿Y luego qué?', PARQUE, 'invitation'],
    // Asked as a question, "¿Y luego?" stays the invitation it is; "¿Qué...?" is a wh- question.
    ['es', '¿Y luego?', PARQUE, 'invitation'],
    ['es', '¿Qué era un secreto?', ['me dijo que era un secreto'], 'directive'],
    ['es', '¿Que te tocó?', ['me dijo que era un secreto'], 'suggestive'],
  ]);
});

describe('"What happened to X?" is a directive in both languages (Lamb et al. 2008)', () => {
  expectAll([
    ['en', 'What happened to your clothes?', MEAN, 'directive'],
    ['es', '¿Qué pasó con tu ropa?', MALO, 'directive'],
    // Since coach38 a backpack is a listed object (detailCategories): a directive once the child
    // has said it, presumed before (as coach37 did for the shirt and «pijama»).
    ['en', 'What happened with your backpack?', ['I had my backpack'], 'directive'],
    ['es', '¿Qué pasó con tu mochila?', ['traía mi mochila'], 'directive'],
    ['en', 'What happened with your backpack?', MEAN, 'suggestive'],
    ['es', '¿Qué pasó con tu mochila?', MALO, 'suggestive'],
    ['en', 'What happened with that?', MEAN, 'invitation'],
    ['es', '¿Qué pasó con eso?', MALO, 'invitation'],
    ['en', 'How did it end?', MEAN, 'invitation'],
    ['en', 'Tell me what it was like.', MEAN, 'invitation'],
    ['en', 'Tell me the whole story.', MEAN, 'invitation'],
    ['es', 'Cuéntame toda la historia.', MALO, 'invitation'],
    ['es', '¿Cómo terminó?', MALO, 'invitation'],
    ['en', 'Tell me what you were doing.', ['I was playing'], 'invitation'],
    ['es', 'Cuéntame qué estabas haciendo.', ['estaba jugando'], 'invitation'],
  ]);
});

describe("the child's words in the question: pijama, adónde", () => {
  expectAll([
    // "pijama" is not the place "pijamada": directive once the child has said it. Since coach37 a
    // wh- question takes a clothing word as given, so without it the question presumes it.
    ['es', '¿De qué color era tu pijama?', ['tenía mi pijama'], 'directive'],
    ['es', '¿De qué color era tu pijama?', MALO, 'suggestive'],
    ['es', '¿Qué pasó en la pijamada?', MALO, 'suggestive'],
    ['es', '¿Adónde fue tu papá cuando salió?', ['mi papá salió de la casa'], 'directive'],
    ['es', '¿Adónde fue tu tío cuando salió?', ['mi papá salió de la casa'], 'suggestive'],
  ]);
  it('matches a place whose stem strips more than an inflection only in its own forms', () => {
    const isPlace = placeMatcher(['pijamada', 'cochera', 'shower'], 'es');
    const test = (w: string) => isPlace(w, stem(w, 'es'));
    expect(['pijamada', 'pijamadas', 'cochera', 'cocheras'].filter(test)).toHaveLength(4);
    expect(['pijama', 'pijamas', 'coche'].filter(test)).toEqual([]);
  });
});
