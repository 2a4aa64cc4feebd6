// The coach's context in a later session of an extended interview (practitioner review 5, N0).
import {
  buildQualityReport,
  codedWithEarlierSessions,
  liveChildContext,
  withEarlierSessions,
} from '../../../src/questions';

const RECONNECT = 'Last time you told me about the basement. Tell me more about the basement.';
const EARLIER = ['We went down to the basement.'];

describe('withEarlierSessions', () => {
  test('known words: the earlier sessions come first', () => {
    expect(withEarlierSessions({ childWords: ['hi'] }, EARLIER)).toEqual({
      childWords: [...EARLIER, 'hi'],
    });
    // The start of session 2, nothing typed yet: known, and the earlier words are the context.
    expect(withEarlierSessions(liveChildContext([], 0), EARLIER)).toEqual({ childWords: EARLIER });
  });

  test("unknown words stay unknown: this session's untyped answers are not the interviewer's", () => {
    const unrecorded = liveChildContext([], 5);
    expect(unrecorded).toEqual({ childWordsUnrecorded: true });
    expect(withEarlierSessions(unrecorded, EARLIER)).toEqual(unrecorded);
    expect(withEarlierSessions({}, EARLIER)).toEqual({});
  });

  test('no earlier words: unchanged', () => {
    expect(withEarlierSessions({ childWords: ['hi'] }, [])).toEqual({ childWords: ['hi'] });
  });
});

describe('codedWithEarlierSessions', () => {
  const turns = [
    { speaker: 'child' as const, text: 'Hi. Good.' },
    { speaker: 'interviewer' as const, text: RECONNECT },
  ];
  const flagged = (t: Parameters<typeof buildQualityReport>[0]) =>
    buildQualityReport(t, { language: 'en' }).flagged.map((f) => f.text);

  test('the reconnect line on an earlier word is not flagged in the report; alone it is', () => {
    expect(flagged(codedWithEarlierSessions(turns, 'en', EARLIER))).toEqual([]);
    expect(flagged(codedWithEarlierSessions(turns, 'en', []))).toEqual([RECONNECT]);
  });

  test('keeps a code already given (a reviewer’s correction)', () => {
    const coding = buildQualityReport(turns, { language: 'en' }).coded[1]!.coding!;
    const out = codedWithEarlierSessions([turns[0]!, { ...turns[1]!, coding }], 'en', EARLIER);
    expect(out[1]!.coding).toBe(coding);
  });
});
