// The coach's context grows with the interview (issue #16: transcript coding and the live coach
// pass one growing array of the child's words, and extended interviews put the earlier sessions'
// words before it). What the coach remembers per array must follow the array as it grows, shrinks
// or is replaced: a child turn added since the last question counts at the next question.
import { classifyQuestion, withEarlierSessions } from '../../../src/questions';

describe('context that grows with the interview', () => {
  it('"the last time" is presumptive until a later turn of the same array says it happened more than once', () => {
    const child = ['he touched me'];
    const ask = () =>
      classifyQuestion('Tell me about the last time he touched you.', 'en', { childWords: child });
    expect(ask().subtype).toBe('presumptive');
    child.push('he did it every time my mom went to work');
    expect(ask().subtype).not.toBe('presumptive');
    expect(ask().type).not.toBe('suggestive');
    // A different (shorter) list is read again: its words alone decide.
    const fresh = ['he touched me'];
    expect(
      classifyQuestion('Tell me about the last time he touched you.', 'en', { childWords: fresh })
        .subtype,
    ).toBe('presumptive');
  });

  it("puts the earlier sessions' words before this session's, following this session's growth", () => {
    const earlier = ['he has a red truck'];
    const current = ['we went to the lake'];
    expect(withEarlierSessions({ childWords: current }, earlier).childWords).toEqual([
      'he has a red truck',
      'we went to the lake',
    ]);
    current.push('he hit me in the truck');
    const grown = withEarlierSessions({ childWords: current }, earlier).childWords;
    expect(grown).toEqual(['he has a red truck', 'we went to the lake', 'he hit me in the truck']);
    // The new turn counts at the next question: "the truck" is the child's word from session 1
    // and "hit" from this session.
    expect(
      classifyQuestion('What happened when he hit you in the truck?', 'en', { childWords: grown })
        .type,
    ).not.toBe('suggestive');
    // A shrunk array (a turn withdrawn) is joined again, not extended.
    current.length = 1;
    expect(withEarlierSessions({ childWords: current }, earlier).childWords).toEqual([
      'he has a red truck',
      'we went to the lake',
    ]);
    // Unknown context stays unknown; no earlier words leave the context as it was.
    expect(withEarlierSessions({ childWordsUnrecorded: true }, earlier)).toEqual({
      childWordsUnrecorded: true,
    });
    expect(withEarlierSessions({ childWords: current }, []).childWords).toBe(current);
  });
});
