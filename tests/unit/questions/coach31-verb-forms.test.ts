// coach31 (issue #16): the child's own verb in another form is the child's word. A wh- question
// that repeats what the child said, with the verb in the present ("How did he break it?" after
// "He broke my toy."), is a directive, not a presumption; the same question before the child
// said it stays suggestive. The kind: the irregular-verb table (text.ts) and multi-word details
// ("take you") matched by stem in the child's turns, not word for word.
import { classifyQuestion, type Language } from '../../../src/questions';

const code = (text: string, language: Language, childWords: string[]) =>
  classifyQuestion(text, language, { childWords, stage: 'substantive' });

describe("a child's irregular past is the interviewer's present", () => {
  it.each<[string, string]>([
    ['How did he break it?', 'He broke my toy.'],
    ['Where did he take you?', 'He took me to his house.'],
    ['What did he say when he hung up?', 'He hung up the phone.'],
    ['Where did he hide it?', 'He hid the phone.'],
    ['How did he tear it?', 'He tore my shirt.'],
    ['What did he draw?', 'He drew a picture of me.'],
    ['What did he write?', 'He wrote me a letter.'],
    ['Where did you ride?', 'We rode in his truck.'],
    ['What did he feed you?', 'He fed me cereal.'],
    ['Where did he shoot?', 'He shot at the wall.'],
  ])('%s after "%s" is a directive', (question, child) => {
    const coding = code(question, 'en', [child]);
    expect(coding.type).toBe('directive');
    expect(coding.verdict).not.toBe('avoid');
  });

  it.each<[string, string]>([
    ['How did he break it?', 'He was mean to me.'],
    ['Where did he take you?', 'He was mean to me.'],
    ['How did he tear it?', 'He yelled at me.'],
  ])('%s after "%s" (the act unsaid) stays suggestive', (question, child) => {
    const coding = code(question, 'en', [child]);
    expect(coding.type).toBe('suggestive');
    expect(coding.verdict).toBe('avoid');
  });

  it('a phrase matched by stem still needs the same words in order', () => {
    // "took my phone" is not "take you": the person differs.
    const coding = code('Where did he take you?', 'en', ['He took my phone.']);
    expect(coding.type).toBe('suggestive');
  });
});

describe('a feeling word is a detail in every Spanish form a centre hears', () => {
  // Practitioner re-check (rev18b NEW-3): «¿Estabas enojado?» was a new detail while the same
  // question with Spain's «enfadado» was a plain yes/no question.
  it.each(['¿Estabas enojado?', '¿Estabas enfadado?', '¿Estaba enfadada tu mamá?'])(
    '%s after «Me pegó.» puts a feeling to the child',
    (question) => {
      const coding = code(question, 'es', ['Me pegó.']);
      // coach41: «tu mamá», a person the child has not named, makes the last one suggestive.
      expect(coding.type).toBe(question.includes('mamá') ? 'suggestive' : 'option-posing');
      expect(coding.subtype).toBe('new-detail');
    },
  );
});
