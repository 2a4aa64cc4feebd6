// coach42 (issue #16, Spanish): the 30% of coach42's development set held aside
// (coach42-es-aside.data.ts), run only once, at the end of coach42's rule work. The score is
// reported in bench/RESULTS.md (Question coach, session 29); this test keeps it from falling.
import { classifyQuestion } from '../../../src/questions';
import { ASIDE } from './coach42-es-aside.data';
import type { Coach42Row } from './coach42-es-sources';

const top = (t: string): string => (t === 'cued-invitation' ? 'invitation' : t);
const right = (row: Coach42Row): boolean => {
  const [language, gold, text, child] = row;
  const c = classifyQuestion(text, language, child ? { childWords: child } : undefined);
  return top(c.type) === top(gold);
};

describe('coach42 held-aside rows', () => {
  it('codes at least the issue target (92% top-level) of the Spanish rows held aside', () => {
    const es = ASIDE.filter((r) => r[0] === 'es');
    expect(es.filter(right).length / es.length).toBeGreaterThanOrEqual(0.92);
  });

  it('codes every risky Spanish row held aside (option-posing or suggestive) as risky', () => {
    const risky = ASIDE.filter((r) => r[0] === 'es' && /option-posing|suggestive/.test(r[1]));
    const coded = risky.filter(([language, , text, child]) =>
      /option-posing|suggestive/.test(
        classifyQuestion(text, language, child ? { childWords: child } : undefined).type,
      ),
    );
    expect(coded).toHaveLength(risky.length);
  });
});
