// classifyQuestion's explainIn (audit 19d, B19d-3): a rendering is coded in its own language and
// explained in the interviewer's; the code, verdict and cue do not change with the explanation.
import { classifyQuestion } from '../../../src/questions';

const context = { childWords: ['He took my phone at the party.'], childAgeYears: 8 };

test.each([
  [
    'es',
    '¿Él te tocó?',
    'en',
    // coach41: an abuse-relevant act the child has not said, suggestive/new-detail.
    /^Closed question that puts to the child a detail the child has not said, of a kind that matters to the allegation \("tocó"\)/,
  ],
  [
    'en',
    'Did he touch you?',
    'es',
    /^Pregunta cerrada que le plantea a la persona entrevistada un detalle que no ha dicho, de un tipo que importa para la alegación \(“touch”\)/,
  ],
] as const)('a %s rendering explained in %s', (language, text, explainIn, reason) => {
  const own = classifyQuestion(text, language, context);
  const explained = classifyQuestion(text, language, context, explainIn);
  expect(explained.reason).toMatch(reason);
  expect(own.reason).not.toMatch(reason);
  expect({ ...explained, reason: '' }).toEqual({ ...own, reason: '' });
});

test('the note that the child’s words are unknown follows the explanation language too', () => {
  const c = classifyQuestion('¿Él te tocó?', 'es', { childWordsUnrecorded: true }, 'en');
  expect(c.contextNote).toMatch(/child/i);
  expect(c.contextNote).not.toMatch(/niñ/);
});
