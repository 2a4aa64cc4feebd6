// Praise of the child's effort is not praise of a content (lead, session 25, reading coach38's
// praise rule against its sources). The NICHD revised protocol gives reluctant children
// non-suggestive support (Hershkowitz, Lamb & Katz 2014; Ahern et al. 2014): "You're doing a great
// job telling me things" names nothing the child has or has not said. Garven et al.'s (2000)
// reinforcement rewards a content ("...telling me what he did"), and stays suggestive, with or
// without context. Effort praise is coded as other support is: not suggestive, with the caution
// that support stays general (lexicon reassuranceCaution).
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (lang: Language, text: string, childWords: readonly string[] = []) =>
  classifyQuestion(text, lang, { childWords: [...childWords] });

describe('praise of effort, naming no content, is support', () => {
  it.each<[Language, string]>([
    ['en', "You're doing a great job telling me things."],
    ['en', 'Good job telling me what you remember.'],
    ['en', 'Great job telling me.'],
    ['en', 'You are doing a great job telling me about your day.'],
    ['es', 'Lo estás haciendo muy bien contándome cosas.'],
    ['es', 'Buen trabajo contándome lo que recuerdas.'],
  ])('%s: %s', (lang, text) => {
    const c = code(lang, text, ['I went to school.', 'Fui a la escuela.']);
    expect(c.type).not.toBe('suggestive');
    expect(c.type).toBe('other');
  });
});

describe('praise tied to a content stays suggestive (reinforcement, Garven et al. 2000)', () => {
  it.each<[Language, string]>([
    ['en', "You're doing a great job telling me about what he did."],
    ['en', 'Good job telling me he touched you.'],
    ['en', 'Good girl for telling me what he did.'],
    ['en', "You're doing great telling me things, now tell me about the touching."],
    ['es', 'Lo estás haciendo muy bien contándome lo que te hizo.'],
    ['es', 'Qué valiente por contarme lo que te hizo.'],
  ])('%s: %s', (lang, text) => {
    expect(code(lang, text).type).toBe('suggestive');
    expect(code(lang, text, ['He was mean.', 'Fue malo.']).type).toBe('suggestive');
  });
});

// review25 F11/F12: the natural forms of effort praise (a tail after the telling verb that names
// no content, «platicando conmigo», "..., thank you") are support: other, recommended, with the
// effort-support reason and no other question offered in its place.
describe('review25: effort praise in its natural forms is recommended support, no suggestion', () => {
  it.each<[Language, string]>([
    ['es', 'Lo estás haciendo muy bien platicando conmigo.'],
    ['es', 'Lo estás haciendo muy bien contándome todo.'],
    ['es', 'Estás haciendo un buen trabajo al contarme las cosas.'],
    ['es', 'Lo estás haciendo muy bien contándome cosas, gracias.'],
    ['es', 'Vas muy bien, sigue así.'],
    ['en', "You're doing a great job telling me things, thank you."],
    ['en', "You're doing a good job telling me things."],
    ['en', "You're doing a great job telling me everything."],
  ])('%s: %s', (lang, text) => {
    for (const ctx of [['I went to school.', 'Fui a la escuela.'], []]) {
      const c = code(lang, text, ctx);
      expect(c.type).toBe('other');
      expect(c.verdict).toBe('recommended');
      expect(c.reason).toMatch(/Hershkowitz, Lamb (?:&|y) Katz 2014/);
      expect(c.suggestion).toBeUndefined();
    }
  });

  it.each<[Language, string]>([
    ['en', "I'm proud of you for telling."],
    ['es', 'Lo estás haciendo muy bien platicando conmigo de tu tío.'],
    ['en', "You're doing a great job telling me everything he did."],
  ])('praise of telling or of a content stays suggestive: %s: %s', (lang, text) => {
    expect(code(lang, text, ['He touched me.', 'Él me tocó.']).type).toBe('suggestive');
  });
});

// review25 F12: praise of the person after a disclosure is coded alike in both languages, as
// reinforcement (Garven, Wood & Malpass 2000: positive consequences for telling).
describe('review25: person praise agrees in en and es', () => {
  it.each<[Language, string]>([
    ['en', 'You are a very brave girl.'],
    ['es', 'Eres una niña muy valiente.'],
    ['es', 'Eres un niño muy valiente.'],
  ])('%s: %s', (lang, text) => {
    const c = code(lang, text, ['He touched me.', 'Él me tocó.']);
    expect(c.type).toBe('suggestive');
    expect(c.subtype).toBe('pressure');
  });
});
