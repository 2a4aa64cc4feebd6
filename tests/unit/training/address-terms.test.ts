// Issue #18 audit N18d-2: a term of address or endearment ("Mi amor, ...", "..., my friend?")
// is warmth, not a person of the event, so it is never a detail the simulated child can take up
// (detail-words.ts isVocative and the discourse-segment rule). Generated: every term in every
// place a vocative goes (sentence start, sentence end, set off mid-sentence) in both languages,
// with the frame's content word still a detail word, so the check is not an empty filter.
import { builtInScenario, simulate, type PracticeTurn } from '../../../src/training';
import { detailWordsOf } from '../../../src/training/detail-words';
import type { TrainingLanguage } from '../../../src/training/types';

const TERMS: Record<TrainingLanguage, readonly string[]> = {
  en: ['my friend', 'my dear', 'my love', 'honey', 'sweetie', 'buddy', 'kiddo', 'my little friend'],
  es: ['mi amor', 'mi vida', 'mi cielo', 'mi rey', 'mi reina', 'mija', 'mijo', 'mi niña linda'],
};
const FRAMES: Record<TrainingLanguage, ReadonlyArray<(t: string) => string>> = {
  en: [
    (t) => `${cap(t)}, did he hit you with a shovel?`,
    (t) => `Did he hit you with a shovel, ${t}?`,
    (t) => `Tell me, ${t}, did he hit you with a shovel?`,
  ],
  es: [
    (t) => `${cap(t)}, ¿te pegó con una pala?`,
    (t) => `¿Te pegó con una pala, ${t}?`,
    (t) => `${cap(t)} ¿te pegó con una pala?`,
    (t) => `Dime, ${t}, ¿te pegó con una pala?`,
  ],
};
const CONTENT: Record<TrainingLanguage, string> = { en: 'shovel', es: 'pala' };
const POSSESSIVE = new Set(['my', 'mi']);
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('N18d-2: terms of address are never detail words', () => {
  const cases = (['en', 'es'] as const).flatMap((language) =>
    TERMS[language].flatMap((term) =>
      FRAMES[language]
        // A bare one-word term set off mid-sentence ("Tell me, buddy, ...") is not covered: a
        // one-word middle segment is as often a list item ("the phone, wallet, keys") that names
        // a thing, so only the possessive form is recognised there.
        .filter((frame) => !frame('X').startsWith('Tell me, ') || fold(term).startsWith('my '))
        .map((frame) => [language, frame(term), term] as const),
    ),
  );
  test.each(cases)('%s: "%s"', (language, text, term) => {
    const detail = detailWordsOf(text, language);
    for (const w of fold(term).split(' ').filter((x) => !POSSESSIVE.has(x)))
      expect(detail.has(w)).toBe(false);
    expect(detail.has(CONTENT[language])).toBe(true);
  });

  test('the interviewer asking about a friend still names a person', () => {
    expect(detailWordsOf('Did he hit my friend?', 'en').has('friend')).toBe(true);
    expect(detailWordsOf('¿Le pegó a tu amor?', 'es').has('amor')).toBe(true);
  });

  // End to end: the address word is never planted, in any run (the audit's measure was 244/1000
  // for "Mi amor"; 0 is exact because the word never reaches the child as a detail).
  const S = (text: string): PracticeTurn => ({ text, phaseId: 'investigation', substantive: true });
  const OPEN = { en: 'Tell me everything that happened.', es: 'Cuéntame todo lo que pasó.' };
  test.each([
    ['es', 'Mi amor, ¿te pegó con una pala?', 'amor'],
    ['es', 'Mi rey, ¿te pegó con una pala?', 'rey'],
    ['en', 'My friend, did he hit you with a shovel?', 'friend'],
  ] as const)('%s: "%s" plants no "%s"', (language, question, word) => {
    let planted = 0;
    let shovel = 0;
    for (const id of ['dog-bite', 'stolen-bike'])
      for (let seed = 1; seed <= 60; seed++) {
        const sim = simulate(builtInScenario(id, language)!, seed, [
          S(OPEN[language]),
          S(question),
          S(OPEN[language]),
        ]);
        const details = fold(sim.falseDetails.map((d) => d.detail).join(' | '));
        if (new RegExp(`\\b${word}\\b`, 'u').test(details)) planted++;
        if (details.includes(CONTENT[language])) shovel++;
      }
    expect(planted).toBe(0);
    // The question's content is still suggestible, so the runs did reach adoption.
    expect(shovel).toBeGreaterThan(0);
  });
});
