// coach42 (issue #16, Spanish): the development set (70%, coach42-es-dev.data.ts) coded as
// labelled. The held-aside 30% is scored in coach42-es-aside.test.ts.
import { classifyQuestion, type QuestionType } from '../../../src/questions';
import { DEV } from './coach42-es-dev.data';
import { ASIDE } from './coach42-es-aside.data';
import { SOURCES, type Coach42Row } from './coach42-es-sources';

const top = (t: string): string => (t === 'cued-invitation' ? 'invitation' : t);
export const codeRow = (row: Coach42Row): QuestionType => {
  const [language, , text, child] = row;
  return classifyQuestion(text, language, child ? { childWords: child } : undefined).type;
};

describe('coach42 development set', () => {
  it('keeps 30% of each language aside and names a known source for every row', () => {
    // es: 79 rows, 24 aside. en: 9 rows, 3 aside (one en dev row was later left unasserted).
    const es = DEV.filter((r) => r[0] === 'es').length;
    const esAside = ASIDE.filter((r) => r[0] === 'es').length;
    expect(Math.abs(esAside / (es + esAside) - 0.3)).toBeLessThan(0.02);
    expect(ASIDE.filter((r) => r[0] === 'en')).toHaveLength(3);
    for (const row of [...DEV, ...ASIDE]) expect(SOURCES[row[4]]).toBeDefined();
  });

  // Dev rows the coach still codes otherwise, each with why (counted in the reported dev score).
  const KNOWN_MISSES = new Set([
    // «cuarto» said does not cover «recámara» asked (both rows): a «recámara» mapping cleared review25 F13's
    // «¿Qué dijo cuando terminó?» after «Él entró a mi cuarto» (the bedroom-entry reading), so
    // it was taken back; the row stays labelled as written.
    'Platícame más de cuando te llevó a la recámara.|me llevó al cuarto',
    '¿Qué pasó en la recámara?|fuimos al cuarto',
  ]);
  const key = (r: Coach42Row): string => `${r[2]}|${(r[3] ?? []).join(' / ')}`;

  it('misses only the known rows', () => {
    const missed = DEV.filter((r) => top(codeRow(r)) !== top(r[1])).map(key);
    expect(missed).toEqual([...KNOWN_MISSES]);
  });

  it.each(
    DEV.filter((r) => !KNOWN_MISSES.has(key(r))).map(
      (r) => [r[0], r[2], r[1], r[3] ?? [], r[5], r] as const,
    ),
  )('%s «%s» codes as %s (child: %j; kind %s)', (_l, _t, gold, _c, _k, row) => {
    expect(top(codeRow(row))).toBe(top(gold));
  });
});
