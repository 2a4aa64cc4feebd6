// A suggested rewording quotes the child's own words back ("You said, “…”. Tell me more about
// that."). An acknowledgement is not an account: quoting "okay", "mm" or "sí" back would present
// a bare acknowledgement as what the child disclosed, and an interviewer who reads it aloud puts
// the interviewer's question in the child's mouth (issue #16, kind 1). Found by running
// `hearth transcript` on an unpunctuated Otter-style export (session 16).
import { classifyQuestion, type Language } from '../../../src/questions';

const ACKNOWLEDGEMENTS: Record<Language, string[]> = {
  en: [
    'okay',
    'Okay.',
    'mm',
    'Mm-hm.',
    'mhm',
    'uh huh',
    'yeah',
    'Yes.',
    'yep',
    'Yeah, okay.',
    'hmm',
  ],
  es: ['sí', 'Sí.', 'ajá', 'Ajá, sí.', 'mhm', 'ujum', 'okay', 'mmm', 'Ujum.'],
};
const CLOSED: Record<Language, string> = { en: 'Did he touch you?', es: '¿Te tocó?' };
const ACCOUNT: Record<Language, string> = {
  en: 'he came in my room at night',
  es: 'mi tío vino a mi cuarto en la noche',
};
const quoted = (s: string | undefined): string | undefined => /[“"]([^”"]+)[”"]/.exec(s ?? '')?.[1];

describe.each(['en', 'es'] as const)('suggestions never quote an acknowledgement (%s)', (lang) => {
  it.each(ACKNOWLEDGEMENTS[lang])('after "%s" alone: the protocol opening, no quote', (ack) => {
    const c = classifyQuestion(CLOSED[lang], lang, { childWords: [ack] });
    expect(c.suggestion).toBeDefined();
    expect(quoted(c.suggestion)).toBeUndefined();
    expect(c.suggestion?.toLowerCase()).not.toContain(ack.toLowerCase().replace(/[.,]/g, ''));
  });

  it.each(ACKNOWLEDGEMENTS[lang])(
    'after an account then "%s": the account is quoted, not the acknowledgement',
    (ack) => {
      const c = classifyQuestion(CLOSED[lang], lang, { childWords: [ACCOUNT[lang], ack] });
      expect(quoted(c.suggestion)).toBe(ACCOUNT[lang]);
    },
  );

  it('before the substantive part, acknowledgements only: a rapport invitation, no quote', () => {
    const c = classifyQuestion(CLOSED[lang], lang, {
      childWords: [ACKNOWLEDGEMENTS[lang][0] ?? ''],
      stage: 'pre-substantive',
    });
    expect(c.suggestion).toBeDefined();
    expect(quoted(c.suggestion)).toBeUndefined();
  });
});
