// review25 F9: a summary that makes the child the object of an act the child said was done to
// someone else ("You said he touched you" after "He touched my sister") moves the act onto the
// child: suggestive (leading declarative), with the reason that names what the child said
// (Roberts & Lamb 1999; Lamb et al. 2007). The same summary after the child's own "he touched me"
// stays a cued invitation.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords?: readonly string[]) =>
  classifyQuestion(text, lang, childWords ? { childWords: [...childWords] } : {});

describe('a summary that moves the act onto the child is suggestive', () => {
  it.each<[Language, string, string, string]>([
    ['en', 'He touched my sister.', 'You said he touched you. Tell me about that.', 'my sister'],
    [
      'en',
      'My mom said he touched my sister.',
      'You said he touched you. Tell me about that.',
      'my sister',
    ],
    [
      'en',
      'He hit my brother.',
      'You told me he hit you. Tell me everything about that.',
      'my brother',
    ],
    ['en', 'I saw him hit my mom.', 'You said he hit you. Tell me everything.', 'my mom'],
    [
      'en',
      'Mike told me he touched Lucy.',
      'You said Mike touched you. Tell me about that.',
      'lucy',
    ],
    [
      'es',
      'Mi papá le pegó a mi mamá.',
      'Me dijiste que tu papá te pegó. Cuéntame todo sobre eso.',
      'a mi mama',
    ],
    ['es', 'Él tocó a mi hermana.', 'Dijiste que él te tocó. Cuéntame de eso.', 'a mi hermana'],
  ])('%s: [%s] %s', (lang, child, text, cue) => {
    const c = code(lang, text, [child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('leading-declarative');
    expect(c.verdict).toBe('avoid');
    expect(c.reason.toLowerCase()).toContain(cue);
    expect(c.reason).toMatch(
      lang === 'en' ? /someone else.*Roberts & Lamb 1999/ : /otra persona.*Roberts y Lamb 1999/,
    );
  });

  it.each<[Language, string, string, string]>([
    [
      'en',
      'Me and my sister were there. He touched me.',
      'You said he touched you and your sister. Tell me about that.',
      'your sister',
    ],
    [
      'es',
      'Él me tocó.',
      'Dijiste que él te tocó a ti y a tu hermana. Cuéntame de eso.',
      'hermana',
    ],
  ])('adds a person to the act: %s [%s] %s', (lang, child, text, cue) => {
    const c = code(lang, text, [child]);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('leading-declarative');
    expect(c.reason).toContain(cue);
  });

  it("without the child's words the summary is still flagged (nothing was said)", () => {
    expect(code('en', 'You said he touched you. Tell me about that.', []).type).toBe('suggestive');
    expect(code('es', 'Dijiste que él te tocó. Cuéntame de eso.', []).type).toBe('suggestive');
  });
});

describe('must not flag: the child said it was done to the child', () => {
  it.each<[Language, string, string]>([
    ['en', 'He touched me.', 'You said he touched you. Tell me about that.'],
    ['en', 'He touched my sister and me.', 'You said he touched you. Tell me about that.'],
    ['en', 'He hit me.', 'You told me he hit you. Tell me everything about that.'],
    [
      'en',
      'Me and my sister were there. He touched me and my sister.',
      'You said he touched you and your sister. Tell me about that.',
    ],
    ['es', 'Él me tocó.', 'Dijiste que él te tocó. Cuéntame de eso.'],
    ['es', 'Mi papá me pegó.', 'Me dijiste que tu papá te pegó. Cuéntame todo sobre eso.'],
    [
      'es',
      'Mi papá me pegó a mí y a mi mamá.',
      'Me dijiste que tu papá te pegó a ti y a tu mamá. Cuéntame más.',
    ],
  ])('%s: [%s] %s', (lang, child, text) => {
    const c = code(lang, text, [child]);
    expect(c.type).toBe('cued-invitation');
    expect(c.verdict).toBe('recommended');
  });

  // A body part of the child's ("my bottom") is the child; a place («a la tienda») or an
  // infinitive («a hacer») is no person the act was done to.
  it.each<[Language, string, string]>([
    ['en', 'Alex hurt my bottom.', 'You said Alex hurt you. Tell me more about that.'],
    [
      'en',
      'It was my birthday. He was yelling.',
      'A few days ago was your birthday. Tell me everything that happened on your birthday.',
    ],
    ['es', 'Voy a hacer la tarea.', 'Te voy a hacer algunas preguntas.'],
    ['es', 'Él me llevó a la tienda.', 'Ok, te llevó a la tienda.'],
  ])('no moved act: %s [%s] %s', (lang, child, text) => {
    const c = code(lang, text, [child]);
    expect(c.reason).not.toMatch(/someone else|otra persona/);
    expect(c.type).not.toBe('suggestive');
  });
});
