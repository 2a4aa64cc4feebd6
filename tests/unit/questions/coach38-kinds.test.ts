// coach38 (issue #16): presumptions the coach missed, by kind. Each case is a pair: the same
// utterance with the detail in the child's words (not flagged) and without it (flagged), in
// English and Spanish, plus must-not-flag cases from the false-positive study
// (bench/questions-wh-detail-study.ts; bench/RESULTS.md coach38).
// 3. Category nouns outside the old lists: the lexicon's detailCategories are wider (after the
//    MacArthur-Bates CDI's semantic categories, Fenson et al. 2007; Spanish Jackson-Maldonado et
//    al. 2003), and a Spanish diminutive names its base's detail («calzoncitos», «cuartito»,
//    «camisita»; Nueva gramática 2009, §9.1). A wh- question that takes such a noun as given
//    when the child has not said it is suggestive (Lamb et al. 2007).
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords: readonly string[]) =>
  classifyQuestion(text, lang, { childWords: [...childWords] });

describe('3. category nouns: wider lists, plurals and Spanish diminutives', () => {
  it.each<[Language, string, string, string, string]>([
    ['en', 'Where was your backpack?', 'He took my backpack.', 'He hit me.', 'backpack'],
    ['en', 'What color was the pillow?', 'He put a pillow on my face.', 'He hit me.', 'pillow'],
    ['en', 'Which knee did you hurt?', 'I hurt my knee.', 'I fell down.', 'knee'],
    ['en', 'What did he do with the keys?', 'He had keys.', 'He locked me in.', 'keys'],
    ['en', 'What color was his jacket?', 'He had a jacket on.', 'He was there.', 'jacket'],
    ['en', 'What was on the bathtub?', 'I was in the bathtub.', 'I was scared.', 'bathtub'],
    ['es', '¿Dónde estaba tu mochila?', 'Se llevó mi mochila.', 'Me pegó.', 'mochila'],
    [
      'es',
      '¿De qué color eran tus calzoncitos?',
      'Me quitó los calzones.',
      'Me tocó.',
      'calzoncitos',
    ],
    ['es', '¿De qué color era tu camisita?', 'Me quitó la camisa.', 'Me pegó.', 'camisita'],
    ['es', '¿Qué pasó en la camita?', 'Me acostó en la cama.', 'Me pegó.', 'camita'],
    ['es', '¿Cuál rodilla te lastimaste?', 'Me lastimé la rodilla.', 'Me caí.', 'rodilla'],
    ['es', '¿De qué color era la almohada?', 'Me puso una almohada.', 'Me pegó.', 'almohada'],
  ])('%s "%s": not flagged after "%s", suggestive after "%s"', (lang, q, said, unsaid, cue) => {
    const ok = code(lang, q, [said]);
    expect(ok.type).not.toBe('suggestive');
    expect(ok.recommended || ok.type === 'directive').toBe(true);
    const flagged = code(lang, q, [unsaid]);
    expect(flagged.type).toBe('suggestive');
    expect(flagged.subtype).toBe('presumptive');
    expect(flagged.cue?.toLowerCase()).toContain(cue);
    expect(flagged.suggestion?.toLowerCase() ?? '').not.toContain(cue);
  });

  it('a diminutive the child said vouches for its base, and the base for the diminutive', () => {
    expect(code('es', '¿De qué color eran tus calzones?', ['Me quitó los calzoncitos.']).type).toBe(
      'directive',
    );
    expect(code('es', '¿Dónde estaba la mochilita?', ['Se llevó mi mochila.']).type).toBe(
      'directive',
    );
  });

  it('a yes/no question with a diminutive of a sensitive detail puts that detail to the child', () => {
    const r = code('es', '¿Te bajó los calzoncitos?', ['Me pegó.']);
    expect(r.type).toBe('option-posing');
    expect(r.subtype).toBe('new-detail');
    expect(r.cue).toContain('calzoncitos');
  });

  // Must not flag: a wh- question that names no listed noun, a verb or other word sharing a stem
  // with a listed noun, the rapport topics left out of the lists on purpose.
  it.each<[Language, string, string]>([
    ['en', 'What did you do when you got home?', 'He was mean.'],
    ['en', 'What rules do you have at home?', 'He was mean.'],
    ['en', 'How did he sneak in?', 'He sneaked in at night.'],
    ['en', 'What games do you like to play?', 'I like my mom.'],
    ['en', 'What did you hear with your eyes closed?', 'I had my eyes closed.'],
    ['es', '¿Dónde estaba el hombre?', 'Un hombre me pegó.'],
    ['es', '¿Qué juegos te gustan?', 'Me gusta mi mamá.'],
    ['es', '¿Dónde la botó?', 'Botó mi celular.'],
    ['es', '¿Qué hiciste en el mall?', 'Fui al mall con mi tía.'],
  ])('%s "%s" after "%s" is not suggestive', (lang, q, said) => {
    expect(code(lang, q, [said]).type).not.toBe('suggestive');
  });
});

// 1. Summaries and praise. A summary that says the child said what the child never said is a
//    suggestive summary (Garven, Wood, Malpass & Shaw 1998 and Garven et al. 2000: other people's
//    information, and a restatement that adds a detail; Lamb et al. 2007); one made of the
//    child's own words is a cued invitation (Lamb et al. 2008). Praise tied to what the child
//    tells (Garven et al. 1998 and 2000: positive consequences, reinforcement) is suggestive with
//    no context at all; praise of effort alone is not coded a technique.
describe('1. misattributed or expanded summaries, and praise tied to content', () => {
  it.each<[Language, string, string, string, string]>([
    ['en', 'You said he hurt you. Tell me more about that.', 'He hurt me.', 'My tummy hurt.', 'he'],
    ['en', 'You said he hurt you.', 'He hurt me.', 'My tummy hurt.', 'he'],
    ['en', 'So you said she hurt your tummy.', 'She hurt my tummy.', 'My tummy hurt.', 'she'],
    ['en', 'You said he came in. Tell me more about that.', 'He came in.', 'I was sleeping.', 'he'],
    [
      'en',
      'You told the nurse he hurt you, so tell me about that.',
      'I told the nurse he hurt me.',
      'My tummy hurt.',
      'nurse',
    ],
    [
      'es',
      'Le dijiste a la enfermera que él te lastimó. Cuéntame de eso.',
      'Le dije a la enfermera que él me lastimó.',
      'Me dolía la panza.',
      'lastimó',
    ],
  ])('%s "%s": open after "%s", suggestive after "%s"', (lang, q, said, unsaid, cue) => {
    const ok = code(lang, q, [said]);
    expect(['cued-invitation', 'facilitator', 'invitation']).toContain(ok.type);
    expect(ok.recommended).toBe(true);
    const flagged = code(lang, q, [unsaid]);
    expect(flagged.type).toBe('suggestive');
    expect(flagged.recommended).toBe(false);
    expect(flagged.cue?.toLowerCase()).toContain(cue);
  });

  // "You told your mom that he...": the child's own telling and act said back is a cued
  // invitation in both languages; with either unsaid it is other people's information. With no
  // context the English form stays a confrontation (suggestive).
  it.each<[Language, string, string]>([
    ['en', 'You told your mom that he touched you. Tell me about that.', 'mom'],
    ['es', 'Le contaste a tu mamá que te tocó. Cuéntame de eso.', 'mamá'],
  ])(
    '%s "%s": a summary of the child\'s telling, or other people\'s information',
    (lang, q, cue) => {
      const said =
        lang === 'en' ? ['He touched me.', 'I told my mom.'] : ['Me tocó.', 'Le conté a mi mamá.'];
      const ok = code(lang, q, said);
      expect(ok.type).toBe('cued-invitation');
      expect(ok.recommended).toBe(true);
      const flagged = code(lang, q, [said[0] ?? '']);
      expect(flagged.type).toBe('suggestive');
      expect(flagged.cue?.toLowerCase()).toBe(cue);
    },
  );

  it('with no context, "You told your teacher that he touched you." stays suggestive', () => {
    expect(classifyQuestion('You told your teacher that he touched you.', 'en').type).toBe(
      'suggestive',
    );
  });

  it('a person the child named, or an act done to the child, clears the summary pronoun', () => {
    for (const child of [
      'Marcus hurt me.',
      'I saw Marcus and then it hurt.',
      'My uncle hurt me.',
      'hurt me',
    ])
      expect(code('en', 'You said he hurt you. Tell me more about that.', [child]).type).toBe(
        'cued-invitation',
      );
    // Spanish drops the subject: «me agarró» already speaks of someone.
    const es = code('es', 'Hace ratito dijiste que él te agarró del brazo. ¿Qué pasó después?', [
      'me agarró del brazo',
    ]);
    expect(es.type).toBe('cued-invitation');
  });

  it.each<[Language, string]>([
    ['es', 'Eres una niña muy inteligente y sé que me puedes decir lo que te hizo.'],
    ['es', 'Lo estás haciendo muy bien contándome lo que te hizo.'],
    ['en', "You're a very smart girl and I know you can tell me what he did to you."],
    ['en', "You're doing great telling me about what he did to you."],
  ])('%s praise tied to content, "%s", is suggestive with no context and with one', (lang, q) => {
    for (const context of [undefined, { childWords: [] }]) {
      const r = classifyQuestion(q, lang, context);
      expect(r.type).toBe('suggestive');
      expect(r.subtype).toBe('pressure');
      expect(r.recommended).toBe(false);
    }
  });

  it.each<[Language, string]>([
    ['es', 'Lo estás haciendo muy bien.'],
    ['es', 'Eres muy inteligente.'],
    ['en', "You're doing great."],
  ])('%s praise of the child alone, "%s", is not coded a technique', (lang, q) => {
    expect(classifyQuestion(q, lang).type).not.toBe('suggestive');
  });
});

// 2. A time clause presumes its act (Loftus & Zanni 1975; Lamb et al. 2007): an undressing named
//    by a pronoun for the garment («te la quitaste», "took them off") is suggestive when the child
//    has not told it, a directive when the child has; a clause of everyday acts is not flagged.
describe('2. presumed acts in a wh- question with a time clause', () => {
  it.each<[Language, string, string, string, string]>([
    [
      'es',
      '¿Dónde pusiste tu ropa cuando te la quitaste?',
      'Mi tío me quitó la ropa y me tocó.',
      'Mi tío me tocó.',
      'te la quitaste',
    ],
    [
      'es',
      '¿Qué hiciste con tu camisa después de que te la quitaste?',
      'Me quité la camisa.',
      'Me gritó.',
      'camisa',
    ],
    [
      'en',
      'Where did you put your clothes when you took them off?',
      'He made me take my clothes off.',
      'My uncle touched me.',
      'took them off',
    ],
    [
      'en',
      'What happened after he took your clothes off?',
      'My uncle took my clothes off.',
      'My uncle touched me.',
      'clothes off',
    ],
    [
      'en',
      'When he locked the door, what did you do?',
      'He locked the door.',
      'He was mean.',
      'door',
    ],
  ])('%s "%s": open after "%s", suggestive after "%s"', (lang, q, said, unsaid, cue) => {
    const ok = code(lang, q, [said]);
    expect(['directive', 'cued-invitation']).toContain(ok.type);
    const flagged = code(lang, q, [unsaid]);
    expect(flagged.type).toBe('suggestive');
    expect(flagged.subtype).toBe('presumptive');
    expect(flagged.cue?.toLowerCase()).toContain(cue);
    expect(flagged.suggestion?.toLowerCase() ?? '').not.toContain(cue);
  });

  it('a denial is no telling of the undressing', () => {
    const r = code('es', '¿Dónde pusiste tu ropa cuando te la quitaste?', ['No me quitó la ropa.']);
    expect(r.type).toBe('suggestive');
  });

  it.each<[Language, string, string]>([
    ['en', 'What did you do when you got home?', 'He was mean.'],
    ['en', 'What did you do after you woke up?', 'He was mean.'],
    ['es', '¿Qué hiciste cuando te despertaste?', 'Me gritó.'],
    ['es', '¿Qué hiciste después de que te la quitaste?', 'Me gritó.'],
  ])('%s "%s" after "%s" is not suggestive', (lang, q, said) => {
    expect(code(lang, q, [said]).type).not.toBe('suggestive');
  });
});

// 4. A person of no known sex: the sex is taken only from the child's words, never guessed from a
//    given name (Hearth's rule, presumed-person.ts). Both ways: with no word of the child's giving
//    the sex neither pronoun is flagged; with the child's own pronoun or sexed noun, the other is.
describe('4. a named person whose sex the child has or has not given', () => {
  it.each<[Language, string, string]>([
    ['en', 'Where did she touch you?', 'My cousin Marcus touched me.'],
    ['en', 'Where did he touch you?', 'My cousin Marcus touched me.'],
    ['es', '¿Dónde te tocó ella?', 'Alex me tocó.'],
    ['es', '¿Dónde te tocó él?', 'Alex me tocó.'],
    ['en', 'Where did he touch you?', 'My cousin Marcus touched me, he is mean.'],
    ['es', '¿Dónde te tocó ella?', 'Mi prima Alex me tocó.'],
  ])('%s "%s" after "%s" is not flagged', (lang, q, said) => {
    expect(code(lang, q, [said]).type).toBe('directive');
  });

  it.each<[Language, string, string, string]>([
    ['en', 'Where did she touch you?', 'My cousin Marcus touched me, he is mean.', 'she'],
    ['es', '¿Dónde te tocó él?', 'Mi prima Alex me tocó.', 'él'],
    ['es', '¿Dónde te tocó ella?', 'Alex me tocó, él es malo.', 'ella'],
  ])('%s "%s" after "%s" presumes a person of the other sex', (lang, q, said, cue) => {
    const r = code(lang, q, [said]);
    expect(r.type).toBe('suggestive');
    expect(r.cue?.toLowerCase()).toBe(cue);
  });

  it('an object pronoun or a second person in the turn does not give the named person a sex', () => {
    // "her" is someone else; "my sister" may be whom "she" means: Marcus stays of unknown sex.
    expect(code('en', 'Where did he hit you?', ['My cousin Marcus hit her.']).type).toBe(
      'directive',
    );
    expect(
      code('en', 'Where did he touch you?', ['Marcus and my sister touched me, she is mean.']).type,
    ).toBe('directive');
    // A person named in another turn stays of unknown sex.
    expect(
      code('en', 'Where did she touch you?', ['My cousin touched me.', 'He is mean.']).type,
    ).toBe('directive');
  });
});
