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
