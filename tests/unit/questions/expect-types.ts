// Shared by the kinds tests (session8-kinds, session9-kinds): one `it` per case, checking the
// coded type and that the open types are recommended and the risky ones are not.
import { classifyQuestion, type Language, type QuestionType } from '../../../src/questions';

/** [utterance, language, the child's words before it (undefined: unknown), expected type]. */
export type Case = readonly [string, Language, readonly string[] | undefined, QuestionType];

export function expectTypes(cases: readonly Case[]): void {
  it.each(cases)('%s (%s) codes as %s', (text, language, child, type) => {
    const c = classifyQuestion(text, language, child ? { childWords: [...child] } : undefined);
    expect(c.type).toBe(type);
    if (type === 'invitation' || type === 'cued-invitation' || type === 'facilitator')
      expect(c.recommended).toBe(true);
    if (type === 'suggestive' || type === 'option-posing') expect(c.recommended).toBe(false);
  });
}
