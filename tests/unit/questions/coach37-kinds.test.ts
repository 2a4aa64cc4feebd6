// coach37 (issue #16): wh- questions that presume what the child has not said.
// 1. A wh- question takes the category noun it names as given (lexicon detailCategories: body
//    parts, objects, clothing, places and vehicles, weapons): "Which arm was it?" when the child
//    never mentioned an arm assumes one (Lamb, Orbach, Hershkowitz, Esplin & Horowitz 2007: a
//    directive refocuses on a detail the child mentioned; a prompt that assumes an undisclosed
//    detail is suggestive). The same question after the child said the detail stays a directive.
//    The false-positive study (bench/questions-wh-detail-study.ts, bench/RESULTS.md coach37)
//    gives the must-not-flag cases below: a wh- question that names no such noun, a time, the
//    everyday rapport topic, a verb of the same stem.
// 2. A pronoun that presumes a person the child has not named: "Where did he hit you?" after "My
//    aunt hit me." (presumed-person.ts). A pronoun for a person the child named, a person of no
//    known sex (a name, "my cousin", "someone") and generic "they" / «ellos» are not flagged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords: readonly string[]) =>
  classifyQuestion(text, lang, { childWords: [...childWords] });

describe('1. a wh- question that names a category detail the child has not said', () => {
  it.each<[Language, string, string, string, string]>([
    ['en', 'Which arm was it?', 'He grabbed my arm.', 'My aunt hit me.', 'arm'],
    [
      'en',
      'What kind of tape was it?',
      'He put tape on my mouth.',
      'He put something on my mouth.',
      'tape',
    ],
    ['en', 'What color was his car?', 'He picked me up in his car.', 'He picked me up.', 'car'],
    ['en', 'Which hand was it?', 'He hurt my hand.', 'He hurt me.', 'hand'],
    ['en', 'What color was your shirt?', 'He pulled my shirt.', 'He hit me.', 'shirt'],
    [
      'en',
      'What color were your pajamas?',
      'I was wearing my pajamas.',
      'He touched me.',
      'pajamas',
    ],
    ['es', '¿Cuál brazo fue?', 'Mi tía me pegó en el brazo.', 'Mi tía me pegó.', 'brazo'],
    ['es', '¿Qué tipo de cinta era?', 'Me puso cinta en la boca.', 'Me tapó la boca.', 'cinta'],
    ['es', '¿De qué color era tu camisa?', 'Me jaló la camisa.', 'Me pegó.', 'camisa'],
    ['es', '¿Con cuál mano te agarró?', 'Me agarró con la mano.', 'Me lastimó.', 'mano'],
  ])('%s "%s": a directive after "%s", suggestive after "%s"', (lang, q, said, unsaid, cue) => {
    const ok = code(lang, q, [said]);
    expect(ok.type).toBe('directive');
    expect(ok.verdict).not.toBe('avoid');
    const flagged = code(lang, q, [unsaid]);
    expect(flagged.type).toBe('suggestive');
    expect(flagged.subtype).toBe('presumptive');
    expect(flagged.verdict).toBe('avoid');
    expect(flagged.cue?.toLowerCase()).toContain(cue);
    // The rewrite offered uses only the child's words and neutral wording, never the detail.
    expect(flagged.suggestion?.toLowerCase() ?? '').not.toContain(cue);
  });

  // The false-positive study's must-not-flag cases: no category noun asserted.
  it.each<[Language, string, string]>([
    ['en', 'What were you wearing?', 'He touched me.'],
    ['en', 'Where were you?', 'He touched me.'],
    ['en', 'What did he use?', 'He hit me.'],
    ['en', 'What did he hit you with?', 'He hit me.'],
    ['en', 'What part of your body did he touch?', 'He touched me.'],
    ['en', 'What time was it?', 'He touched me.'],
    ['en', 'Which way were you facing?', 'He touched me.'],
    ['en', 'Who else was on hand?', 'He touched me.'],
    ['en', 'What did you do this morning?', 'I woke up.'],
    ['en', 'Where do you go to school?', 'I like to draw.'],
    ['en', 'What time did you get home from school?', 'It happened after school.'],
    ['es', '¿Qué ropa tenías puesta?', 'Me tocó.'],
    ['es', '¿Dónde estabas?', 'Me tocó.'],
    ['es', '¿Con qué te pegó?', 'Me pegó.'],
    ['es', '¿En qué parte del cuerpo te tocó?', 'Me tocó.'],
    ['es', '¿Qué hora era?', 'Me tocó.'],
    ['es', '¿A qué escuela vas?', 'Me gusta dibujar.'],
    ['es', '¿Qué hiciste en la mañana?', 'Me desperté.'],
    ['es', '¿Hacia dónde estabas mirando?', 'Me tocó.'],
  ])('%s "%s" after "%s" presumes nothing: a directive', (lang, q, said) => {
    expect(code(lang, q, [said]).type).toBe('directive');
  });

  it('«tipo de» is "kind of", not «tipo» the man: the tape the child named stays a directive', () => {
    const c = code('es', '¿Qué tipo de cinta era?', ['Me puso cinta en la boca.']);
    expect(c.type).toBe('directive');
    expect(c.verdict).toBe('acceptable');
  });
});

describe('2. a pronoun for a person the child has not named', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'Where did he hit you?', 'My aunt hit me.', 'he'],
    ['en', 'Tell me more about what he did.', 'My mom hurt me.', 'he'],
    ['en', 'What did she do next?', 'My uncle touched me.', 'she'],
    ['en', 'What color was his car?', 'My aunt picked me up in her car.', 'his'],
    ['es', '¿Dónde te pegó él?', 'Mi tía me pegó.', 'él'],
    ['es', '¿Qué hizo ella después?', 'Mi tío me tocó.', 'ella'],
    ['es', '¿Qué te dijo él después?', 'Mi mamá me lastimó.', 'él'],
    ['es', 'donde te pego el', 'mi tia me pego', 'él'],
  ])('%s "%s" after "%s" is suggestive (cue %s)', (lang, q, said, cue) => {
    const c = code(lang, q, [said]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('presumptive');
    expect(c.verdict).toBe('avoid');
    expect(c.cue?.toLowerCase()).toBe(cue);
    expect(c.reason).toContain(cue);
    // The rewrite offered does not repeat the presumed person.
    expect((c.suggestion ?? '').toLowerCase().split(/[^\p{L}]+/u)).not.toContain(cue);
  });

  it.each<[Language, string, string]>([
    ['en', 'Where did she hit you?', 'My aunt hit me.'],
    ['en', 'Where did he hit you?', 'My uncle hit me.'],
    ['en', 'Where did he hit you?', 'Alex hit me.'],
    ['en', 'Where did he hit you?', 'alex hit me'],
    ['en', 'What did he say?', 'My cousin hurt me.'],
    ['en', 'What did he say?', 'My mom and her boyfriend were yelling.'],
    ['en', 'What did they say?', 'My aunt hit me.'],
    ['en', 'Where did he hit you?', 'Someone hit me.'],
    ['en', 'What did he say?', 'It hurt.'],
    ['es', '¿Dónde te pegó ella?', 'Mi tía me pegó.'],
    ['es', '¿Dónde te pegó él?', 'Mi tío me pegó.'],
    ['es', '¿Qué te dijo él?', 'Beto me pegó.'],
    ['es', '¿Qué dijeron ellos?', 'Mi tía me pegó.'],
    ['es', '¿Qué hizo tu tía con el cinturón?', 'Mi tía me pegó con el cinturón.'],
    ['es', '¿Qué te dijo él?', 'Alguien me pegó.'],
  ])('%s "%s" after "%s" presumes no one', (lang, q, said) => {
    expect(code(lang, q, [said]).type).toBe('directive');
  });

  it('a question that names its own person is checked by the person check, not the pronoun', () => {
    const c = code('en', 'When your uncle came, what did he say?', ['My aunt hit me.']);
    expect(c.cue).not.toBe('he');
  });

  it('reads the child turns added to the same array (the live coach grows one array)', () => {
    const turns = ['My aunt hit me.'];
    expect(code('en', 'Where did he hit you?', turns).type).toBe('suggestive');
    turns.push('And my uncle was there.');
    expect(classifyQuestion('Where did he hit you?', 'en', { childWords: turns }).type).toBe(
      'directive',
    );
  });
});

describe("3. coach37's literature batch (tests/fixtures/questions-coach37)", () => {
  interface Item {
    lang: Language;
    child: string[];
    text: string;
    expect: 'directive' | 'suggestive';
    left?: string;
  }
  const items = readFileSync(
    join(__dirname, '..', '..', 'fixtures', 'questions-coach37', 'wh-study.jsonl'),
    'utf8',
  )
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);

  it('holds both languages and both outcomes', () => {
    for (const lang of ['en', 'es'] as const)
      for (const e of ['directive', 'suggestive'] as const)
        expect(items.filter((i) => i.lang === lang && i.expect === e).length).toBeGreaterThan(8);
  });

  it.each(
    items
      .filter((i) => !i.left)
      .map((i) => [i.lang, i.text, i.child.join(' '), i.expect, i] as const),
  )('%s "%s" after "%s" codes %s', (_lang, _text, _child, _expect, i) => {
    expect(code(i.lang, i.text, i.child).type).toBe(i.expect);
  });
});
