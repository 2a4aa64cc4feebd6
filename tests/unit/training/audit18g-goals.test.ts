// Issue #18, outside pass 7 (aud18g), N18g-11: "Goals for next time" names its sources (the
// second-session claim cites Hershkowitz et al. 2021; the age threshold is labelled Hearth's and
// is the one the coach uses), and a count is worded in the language's plural form ("the one
// detail", "los 3 detalles"), never "the 1 detail(s)" / "los 1 detalle(s)".
import { YOUNG_CHILD_AGE } from '../../../src/training/coding';
import { judgeConclusion } from '../../../src/training/feedback';
import { childNoun, fill, textsFor } from '../../../src/training/texts';
import type { TrainingLanguage } from '../../../src/training/types';

const LANGS: TrainingLanguage[] = ['en', 'es'];
const sim = { toldEarlier: new Set<string>() };
const nothing = (language: TrainingLanguage) => ({
  language,
  outcome: 'nothing-happened' as const,
  summary: language === 'en' ? 'Nothing harmful happened.' : 'No pasó nada dañino.',
  gender: 'girl' as const,
  ageYears: 5,
});
const planted = (n: number) => ({
  measures: { allegationBy: 'interviewer' as const },
  falseDetails: Array.from({ length: n }, () => ({})),
});

describe('N18g-11: counts in the plural form of the language', () => {
  test.each([
    ['en', 1, 'Nothing happened: the one detail the child agreed to came from the questions'],
    ['en', 3, 'Nothing happened: the 3 details the child agreed to came from the questions'],
    ['es', 1, 'No pasó nada: el único detalle que la niña aceptó salió de las preguntas'],
    ['es', 3, 'No pasó nada: los 3 detalles que la niña aceptó salieron de las preguntas'],
  ] as const)('%s, %d detail(s) adopted', (lang, n, want) => {
    const r = judgeConclusion('event', nothing(lang), sim, planted(n));
    expect(r.explanation).toContain(want);
    expect(r.explanation).not.toMatch(/\(s\)|\{count\}/u);
  });

  test.each(LANGS)('%s: no shown training text writes a plural as "(s)"', (lang) => {
    const texts = textsFor(lang);
    const shown = JSON.stringify([texts.goals, texts.conclusion]);
    expect(shown).not.toMatch(/\p{L}\(s\)|\p{L}\(es\)/u);
  });
});

describe('N18g-11: the goals name their sources', () => {
  test.each(LANGS)('%s: the second-session goal cites Hershkowitz et al. 2021', (lang) => {
    expect(textsFor(lang).goals.secondSession).toMatch(/Hershkowitz.*2021/u);
  });

  test.each(LANGS)('%s: the option-posing pairing goal cites the NICHD protocol', (lang) => {
    expect(textsFor(lang).goals.pairOptionPosing).toMatch(/NICHD.*Lamb/u);
  });

  test.each(LANGS)(
    "%s: the age goal gives the coach's threshold and labels it Hearth's",
    (lang) => {
      // feedback.ts fills {age} with the coach's own threshold (YOUNG_CHILD_AGE), the one that
      // decides when the goal is shown; the text said "under 10" while the coach used 6.
      const text = fill(textsFor(lang).goals.ageAppropriate, {
        ...childNoun({ language: lang, gender: 'girl', ageYears: 5 }),
        age: YOUNG_CHILD_AGE,
      });
      expect(text).toContain(` ${YOUNG_CHILD_AGE} `);
      expect(text).not.toMatch(/\b10\b|\{\w+\}/u);
      expect(text).toMatch(/Orbach.*2007/u);
      expect(text).toMatch(/Hearth/u);
    },
  );
});
