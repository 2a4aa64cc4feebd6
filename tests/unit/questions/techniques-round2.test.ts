// Kinds of suggestive technique the coach missed on the second held-out set (issue #16), each
// tested here with wordings of our own (not the held-out items): pressure by outcome, negative
// comparison, "think harder", repetition within a turn, speculation after "maybe", a trait
// stereotype, promises of an outcome, exploitation labels, leading declaratives with a possessive
// subject; and ground rules that must stay instructions.
import { classifyQuestion } from '../../../src/questions';

const sug = (text: string, language: 'en' | 'es', child?: string[]) =>
  classifyQuestion(text, language, child ? { childWords: child } : undefined);

describe('suggestive techniques (Garven et al. 1998; Leichtman & Ceci 1995)', () => {
  it.each([
    ['en', 'After you tell me, we can go get a snack.'],
    ['en', 'The other children told me way more than you did.'],
    ['en', "You're forgetting something important."],
    ['en', 'Think harder about that night.'],
    ['en', 'Did she hit you? Did she hit you?'],
    ['en', 'Maybe she did something bad when nobody was looking. What do you think?'],
    ['en', 'Your neighbor is so mean and always yells at kids.'],
    ['en', "He's going to prison, so you can tell me."],
    ['en', "You don't have to be afraid anymore."],
    ['en', 'Tell me about the man that sells you.'],
    ['es', 'Cuando me cuentes, podemos ir por un refresco.'],
    ['es', 'Los otros niños se acordaron de muchas cosas más.'],
    ['es', 'Se te olvida algo, piensa mejor.'],
    ['es', '¿Te pegó? ¿Te pegó?'],
    ['es', 'Tal vez él te hizo algo cuando estabas dormida. ¿Qué crees?'],
    ['es', 'Tu vecino es muy malo y siempre les grita a los niños.'],
    ['es', 'Él se va a ir a la cárcel.'],
    ['es', 'Cuéntame de la persona que te vende.'],
  ] as const)('%s "%s" is suggestive', (language, text) => {
    expect(sug(text, language).type).toBe('suggestive');
  });

  it('a leading declarative with a possessive subject adds what the child never said', () => {
    expect(sug('So your uncle grabbed your arm.', 'en', ['I was at my uncle’s']).type).toBe(
      'suggestive',
    );
    expect(sug('So your uncle grabbed your arm.', 'en', ['my uncle grabbed my arm']).type).not.toBe(
      'suggestive',
    );
  });

  it('ground rules that ask the child to correct the interviewer stay instructions', () => {
    for (const [text, language] of [
      ['If I get something wrong, you have to tell me.', 'en'],
      ['Si me equivoco en algo, tienes que decirme.', 'es'],
    ] as const)
      expect(sug(text, language).recommended).toBe(true);
  });
});
