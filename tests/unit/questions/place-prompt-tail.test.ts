// Practitioner review 8, P8-5: NICHD's focused place prompt ("Has something happened to you at
// [place]?") is option-posing with the team-information caution. The invitation said right after
// it ("Tell me everything about that.") is a line of that scripted prompt too; matched alone it
// must stay an invitation, or the most common NICHD invitation would read as option-posing.
import { classifyQuestion, type Language } from '../../../src/questions';

const top = (t: string) => (t === 'cued-invitation' ? 'invitation' : t);

describe('the invitation after the place prompt, said alone', () => {
  it.each([
    ['en', 'Tell me everything about that.'],
    ['es', 'Cuéntame todo sobre eso.'],
  ] as Array<[Language, string]>)('%s "%s" is an invitation, recommended', (lang, text) => {
    for (const childWords of [undefined, [], ['he hit me']]) {
      const c = classifyQuestion(text, lang, childWords ? { childWords } : undefined);
      expect([top(c.type), c.verdict]).toEqual(['invitation', 'recommended']);
    }
  });

  it('the place question itself, with the team place filled in, stays option-posing', () => {
    const c = classifyQuestion("Has something happened to you at Grandpa's house?", 'en', {
      childWords: [],
    });
    expect(c.type).toBe('option-posing');
  });
});
