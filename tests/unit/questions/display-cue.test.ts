// The cue shown to the interviewer is a whole word of what they wrote: the Spanish tag "¿no?"
// after a word ending in "ño" once showed the cue "ño" (es-419 review, round 4).
import { classifyQuestion } from '../../../src/questions';
import { displayCue } from '../../../src/questions/text';

test.each([
  ['El dueño era un hombre, ¿no?', 'no'],
  ['El niño estaba ahí, ¿no?', 'no'],
  ['Era un carro pequeño, ¿no?', 'no'],
])('%s: the tag cue is "no", not a piece of a word', (text, cue) => {
  const c = classifyQuestion(text, 'es');
  expect(c.type).toBe('suggestive');
  expect(c.reason).toMatch(new RegExp(`\\(["“]${cue}["”]\\)`));
  expect(c.reason).not.toMatch(/ño["”]/);
});

test('a cue inside a longer word is still found when no whole word matches', () => {
  expect(displayCue('toc', 'Él te tocó')).toBe('toc');
  expect(displayCue('toco', 'Él te tocó')).toBe('tocó');
});
