// A label the child has not said is flagged; once the child says it (or a word of its family) in
// a later turn of the same, growing context, the same question is no longer flagged for it. The
// coach remembers per context which labels the child said (speed30): this checks that a "not
// said" it remembered is read again when turns are added, as the live coach and analyseSequence
// extend one array turn by turn.
import { analyseSequence, classifyQuestion, type Turn } from '../../../src/questions';

describe('labels against a growing child context', () => {
  it('flags "the abuse" until the child says "abused", in the same array', () => {
    const childWords: string[] = ['he was mean to me'];
    const before = classifyQuestion('Tell me about the abuse.', 'en', { childWords });
    expect(before.subtype).toBe('label');
    expect(before.recommended).toBe(false);
    childWords.push('my uncle abused me');
    const after = classifyQuestion('Tell me about the abuse.', 'en', { childWords });
    expect(after.subtype).not.toBe('label');
    expect(after.recommended).toBe(true);
  });

  it('Spanish: "el abuso" is the child\'s once the child says "abusaba"', () => {
    const childWords: string[] = ['mi tío era malo'];
    expect(classifyQuestion('Cuéntame del abuso.', 'es', { childWords }).subtype).toBe('label');
    childWords.push('mi tío abusaba de mí');
    const after = classifyQuestion('Cuéntame del abuso.', 'es', { childWords });
    expect(after.subtype).not.toBe('label');
    expect(after.recommended).toBe(true);
  });

  it('a label with its determiner ("your dates") is cleared by the child\'s own "dates"', () => {
    const childWords: string[] = ['he was mean'];
    expect(classifyQuestion('Tell me about your dates.', 'en', { childWords }).subtype).toBe(
      'label',
    );
    childWords.push('I went on dates');
    expect(classifyQuestion('Tell me about your dates.', 'en', { childWords }).subtype).not.toBe(
      'label',
    );
  });

  it('a transcript flags the label only before the child said it', () => {
    const turns: Turn[] = [
      { speaker: 'child', text: 'He was mean to me.', startMs: 0 },
      { speaker: 'interviewer', text: 'Tell me about the abuse.', startMs: 1000 },
      { speaker: 'child', text: 'He abused me at night.', startMs: 2000 },
      { speaker: 'interviewer', text: 'Tell me about the abuse.', startMs: 3000 },
    ];
    const { coded } = analyseSequence(turns, { language: 'en' });
    expect(coded[1]?.coding?.subtype).toBe('label');
    expect(coded[3]?.coding?.subtype).not.toBe('label');
  });
});
